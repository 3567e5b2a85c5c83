import datetime as dt
import random
import unicodedata
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from news.search import (
    MAX_QUERY_LENGTH,
    fold,
    highlight,
    parse_query,
    search_articles,
    search_document,
)
from tests.factories import ArticleFactory, CategoryFactory

SEARCH = reverse("news:search")


def nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def corpus(db):
    """Five published articles, one draft and one scheduled; newest first is the list order."""
    now = timezone.now()
    labour = CategoryFactory(name="Lao động", slug="lao-dong")
    specs = [
        (
            "hoi-nghi",
            "Hội nghị kiểm điểm công tác công đoàn quý III",
            "Ban chấp hành đánh giá kết quả chăm lo đời sống đoàn viên.",
            "<p>Đồng chí <strong>Đặng Bình Phương</strong> chủ trì hội nghị.</p>",
        ),
        (
            "mai-am",
            "Trao nhà “Mái ấm Công đoàn” cho nữ công nhân khó khăn",
            "Căn nhà được xây bằng quỹ xã hội của Liên đoàn Lao động tỉnh.",
            "<p>Chị Nguyễn Thị Hường làm việc tại xí nghiệp may đã mười năm.</p>",
        ),
        (
            "bong-da",
            "Giải bóng đá nam công nhân lao động năm 2026",
            "Mười sáu đội bóng tranh tài trên sân vận động tỉnh.",
            "<p>Đội Điện lực giành cúp vô địch sau loạt sút luân lưu.</p>",
        ),
        (
            "khuyen-hoc",
            "Trao học bổng khuyến học cho con đoàn viên",
            "Các em học sinh vượt khó được nhận quà và tiền mặt.",
            "<p>Chương trình do Quỹ Tấm lòng vàng tài trợ nhân dịp kỷ niệm ngày thành lập.</p>",
        ),
        (
            "an-toan",
            "Tập huấn an toàn, vệ sinh lao động ở khu công nghiệp",
            "Người lao động học cách sơ cứu và phòng chống cháy nổ.",
            "<p>Giảng viên ở Mỹ Phước hướng dẫn dùng bình chữa cháy và mặt nạ phòng độc.</p>",
        ),
    ]
    for age, (slug, title, summary, body) in enumerate(specs, start=1):
        ArticleFactory(
            slug=slug,
            title=title,
            summary=summary,
            body=body,
            author_name="Thanh Tâm",
            category=labour,
            published_at=now - dt.timedelta(hours=age),
        )
    ArticleFactory(
        slug="nhap",
        title="Hội nghị tuyệt mật chưa công bố",
        summary="Bản nháp.",
        category=labour,
        draft=True,
    )
    ArticleFactory(
        slug="hen-gio",
        title="Hội nghị hẹn giờ đăng ngày mai",
        summary="Bài hẹn giờ.",
        category=labour,
        scheduled=True,
    )


def found(client, query, **params):
    response = client.get(SEARCH, {"q": query, **params})
    assert response.status_code == 200
    return [article.slug for article in response.context["page_obj"]]


# (query, slugs expected in order). Tone marks: huyền (Bình, vàng), sắc (ấm, đá, sút),
# hỏi (kiểm, kỷ), ngã (nữ, chữa, Mỹ), nặng (Hội, Đặng, nghị); letters ă â ê ô ơ ư đ.
CASES = [
    ("hoi nghi kiem diem", ["hoi-nghi"]),
    ("Hội nghị kiểm điểm", ["hoi-nghi"]),
    ("HỘI NGHỊ", ["hoi-nghi"]),
    (nfd("Hội nghị kiểm điểm"), ["hoi-nghi"]),
    ("dang binh phuong", ["hoi-nghi"]),
    ("ĐẶNG BÌNH PHƯƠNG", ["hoi-nghi"]),
    (nfd("Đặng Bình Phương"), ["hoi-nghi"]),
    ("dOnG cHi dang", ["hoi-nghi"]),
    ("mai am", ["mai-am"]),
    ("mái ấm", ["mai-am"]),
    ("nu cong nhan", ["mai-am"]),
    # Hường and hướng fold alike: both are found.
    ("HUONG", ["mai-am", "an-toan"]),
    ("xi nghiep may", ["mai-am"]),
    ("cong nhan", ["mai-am", "bong-da"]),
    ("bong da", ["bong-da"]),
    ("BÓNG ĐÁ", ["bong-da"]),
    ("vo dich", ["bong-da"]),
    ("sut luan luu", ["bong-da"]),
    ("dien luc", ["bong-da"]),
    ("khuyen hoc", ["khuyen-hoc"]),
    ("vượt khó", ["khuyen-hoc"]),
    ("tam long vang", ["khuyen-hoc"]),
    ("ky niem", ["khuyen-hoc"]),
    (nfd("kỷ niệm"), ["khuyen-hoc"]),
    ("an toan ve sinh", ["an-toan"]),
    ("so cuu", ["an-toan"]),
    ("binh chua chay", ["an-toan"]),
    ("mỹ phước", ["an-toan"]),
    ("mat na", ["an-toan"]),
    ("thanh tam", ["hoi-nghi", "mai-am", "bong-da", "khuyen-hoc", "an-toan"]),
    ("  hội   NGHỊ,  kiểm-điểm!  ", ["hoi-nghi"]),
    ("hoi nghi kiem diem may bay", []),
    ("tuyet mat", []),
    ("hen gio", []),
    ("may bay", []),
    ("ghi", []),
    ("xyz", []),
]


@pytest.mark.parametrize("query, expected", CASES)
def test_search_cases(client, corpus, query, expected):
    assert found(client, query) == expected


def test_at_least_25_cases():
    assert len(CASES) >= 25


def test_drafts_and_scheduled_articles_are_never_found(client, corpus):
    assert found(client, "hoi nghi") == ["hoi-nghi"]
    assert set(Article.objects.filter(search_title__contains=" hoi nghi")) != set()


def test_title_matches_come_first_then_newest(client, db):
    now = timezone.now()
    body_only = ArticleFactory(
        title="Tin mới nhất trong tuần",
        body="<p>Nói về tháng công nhân.</p>",
        published_at=now - dt.timedelta(minutes=1),
    )
    old_title = ArticleFactory(
        title="Tháng Công nhân năm trước", published_at=now - dt.timedelta(days=9)
    )
    new_title = ArticleFactory(
        title="Tháng Công nhân năm nay", published_at=now - dt.timedelta(days=2)
    )
    slugs = found(client, "thang cong nhan")
    assert slugs == [new_title.slug, old_title.slug, body_only.slug]


def test_search_text_follows_edits(client, db):
    article = ArticleFactory(title="Đại hội công đoàn cơ sở")
    assert found(client, "dai hoi") == [article.slug]
    article.title = "Hội thao công nhân"
    article.save()
    assert found(client, "dai hoi") == []
    assert found(client, "hoi thao") == [article.slug]


def test_search_text_follows_a_save_of_some_fields(db):
    article = ArticleFactory(title="Đại hội công đoàn cơ sở")
    article.title = "Hội thao công nhân"
    article.save(update_fields=["title"])
    article.refresh_from_db()
    assert article.search_title == " hoi thao cong nhan "
    assert article.search_text.startswith(" hoi thao cong nhan ")


def test_words_in_html_stay_apart_and_entities_are_read(db):
    article = ArticleFactory(body="<p>Công đoàn</p><p>Cơ sở &amp; Nghiệp đoàn</p>")
    assert " doan co so nghiep doan " in article.search_text


def test_results_are_paginated_and_keep_the_query(client, db):
    for _ in range(13):
        ArticleFactory(title="Phong trào thi đua lao động giỏi")
    first = client.get(SEARCH, {"q": "thi đua"})
    assert len(first.context["page_obj"]) == 12
    assert first.context["paginator"].count == 13
    assert 'href="?q=thi+%C4%91ua&amp;page=2"' in first.content.decode()
    second = client.get(SEARCH, {"q": "thi đua", "page": 2})
    assert len(second.context["page_obj"]) == 1
    assert client.get(SEARCH, {"q": "thi đua", "page": 3}).status_code == 404
    assert client.get(SEARCH, {"q": "thi đua", "page": "abc"}).status_code == 404


def test_results_page_query_count(client, django_assert_max_num_queries, db):
    for _ in range(13):
        ArticleFactory(title="Phong trào thi đua lao động giỏi", with_cover=True)
    client.get(SEARCH)  # fills the site-wide caches (tests/test_queries.py), as on a live site
    with django_assert_max_num_queries(3):
        response = client.get(SEARCH, {"q": "thi dua lao dong"})
    assert response.context["paginator"].count == 13


class MarkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside, self.marks = False, []

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.inside = True
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.marks[-1] += data


def test_matched_words_are_highlighted_in_title_and_summary(client, corpus):
    response = client.get(SEARCH, {"q": "dang ket qua hoi nghi"})
    parser = MarkCollector()
    parser.feed(response.content.decode())
    # Title: "Hội nghị"; summary: "kết quả"; "Đặng" is in the body, which is not shown.
    assert parser.marks == ["Hội", "nghị", "kết", "quả"]


@pytest.mark.parametrize(
    "text, words, html",
    [
        ("Hội nghị kiểm điểm", ["hoi", "diem"], "<mark>Hội</mark> nghị kiểm <mark>điểm</mark>"),
        ("ĐẶNG Bình", ["dang"], "<mark>ĐẶNG</mark> Bình"),
        (nfd("Đặng Bình"), ["binh"], "Đặng <mark>Bình</mark>"),
        ("Tháng Công nhân", ["cong"], "Tháng <mark>Công</mark> nhân"),
        ("khuyến học", ["hoc"], "khuyến <mark>học</mark>"),
        ("nghị", ["ghi"], "nghị"),
        (
            "<b>Hội</b> & “nghị”",
            ["hoi", "nghi"],
            "&lt;b&gt;<mark>Hội</mark>&lt;/b&gt; &amp; “<mark>nghị</mark>”",
        ),
        ("Công đoàn", ["cong", "co"], "<mark>Công</mark> đoàn"),
        ("Hội nghị", [], "Hội nghị"),
    ],
)
def test_highlight(text, words, html):
    assert highlight(text, words) == html


def test_folding_keeps_one_character_per_vietnamese_letter():
    letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    for letter in letters + letters.upper():
        assert len(fold(letter)) == 1, letter
        assert fold(letter) in "aeiouyd"


@pytest.mark.parametrize("raw", ["", "   ", "!!! ???"])
def test_empty_query_gets_a_message(client, corpus, raw):
    response = client.get(SEARCH, {"q": raw})
    assert response.status_code == 200
    assert "Hãy nhập từ khóa cần tìm" in response.content.decode()
    assert list(response.context["page_obj"]) == []


def test_no_query_parameter_at_all(client, db):
    response = client.get(SEARCH)
    assert response.status_code == 200
    assert "Hãy nhập từ khóa cần tìm" in response.content.decode()


def test_very_long_query_is_capped_with_a_message(client, corpus):
    query = "hội nghị " + "x" * 500
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    # Cut at the last whole word before the cap.
    assert response.context["search"].text == "hội nghị"
    assert [a.slug for a in response.context["page_obj"]] == ["hoi-nghi"]
    assert f"Từ khóa dài hơn {MAX_QUERY_LENGTH} ký tự" in response.content.decode()


def test_one_very_long_word_is_cut_at_the_cap(client, corpus):
    response = client.get(SEARCH, {"q": "x" * 5000})
    assert response.status_code == 200
    assert response.context["search"].text == "x" * MAX_QUERY_LENGTH


def test_long_query_still_finds_within_the_cap(client, corpus):
    query = "hội nghị " * 30 + "máy bay"
    assert found(client, query) == ["hoi-nghi"]


def test_too_many_words_are_cut_with_a_message(client, corpus):
    response = client.get(SEARCH, {"q": "hoi nghi " + " ".join(f"t{n}" for n in range(20))})
    assert response.status_code == 200
    assert "Chỉ tìm theo 10 từ đầu tiên" in response.content.decode()


@pytest.mark.parametrize("raw", ["hội\x00nghị", "\x00", "hoi\x1bnghi"])
def test_control_characters_get_400_and_a_message(client, corpus, raw):
    response = client.get(SEARCH, {"q": raw})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Từ khóa có ký tự không hợp lệ" in content
    assert "\x00" not in content


def test_query_text_is_escaped(client, corpus):
    response = client.get(SEARCH, {"q": '<script>alert("x")</script> hội'})
    content = response.content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert" in content


def test_parse_query_folds_and_deduplicates():
    query = parse_query("Hội HỘI " + nfd("hội") + " đoàn")
    assert query.words == ["hoi", "doan"]
    assert query.status == 200


def test_search_form_on_every_page(client, corpus):
    article = Article.objects.get(slug="hoi-nghi")
    for url in ("/", reverse("news:article-list"), article.get_absolute_url(), SEARCH):
        content = client.get(url).content.decode()
        assert content.count('role="search"') == 1
        assert f'action="{SEARCH}"' in content
        assert 'type="search" name="q"' in content
        assert '<label class="visually-hidden" for="o-tim-kiem">' in content


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the search index is PostgreSQL's"
)


def search_plan(words):
    queryset = search_articles(Article.objects.published().for_cards(), words)
    return queryset.explain(), [article.slug for article in queryset]


# Syllables enough for two thousand varied articles, each word rarer than the one before. On
# seven rows a scan is rightly cheapest; on these the planner takes the index by itself.
INITIALS = "b c ch d g h k kh l m n ng nh ph qu s t th tr v x".split()
RHYMES = (
    "a ai am an ang anh ao ay e em en i iem ien in inh o oa oan oc oi ong u ua uc ung uoc uy"
).split()


@postgresql_only
def test_postgresql_chooses_the_index_by_itself_on_a_real_sized_table(db):
    rng = random.Random(2020)
    vocabulary = [initial + rhyme for initial in INITIALS for rhyme in RHYMES]
    rng.shuffle(vocabulary)
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]
    category = CategoryFactory()
    now = timezone.now()
    articles = []
    for n in range(2000):
        title = " ".join(rng.choices(vocabulary, weights, k=10))
        body = " ".join(rng.choices(vocabulary, weights, k=150))
        article = Article(
            title=title, slug=f"bai-{n}", summary="Tin.", body=body, author_name="Lan Anh",
            category=category, status=Article.Status.PUBLISHED,
            published_at=now - dt.timedelta(hours=n),
        )  # fmt: skip
        article.search_title = search_document(title)
        article.search_text = search_document(title, body)
        articles.append(article)
    articles[7].search_text += "dang binh phuong "
    Article.objects.bulk_create(articles, batch_size=500)
    with connection.cursor() as cursor:
        # What autovacuum does on a live site: move new index entries out of GIN's pending list.
        cursor.execute("SELECT gin_clean_pending_list('article_search_vector_idx')")
        cursor.execute("ANALYZE news_article")
    plan, slugs = search_plan(["dang", "binh", "phuong"])
    assert "Bitmap Index Scan on article_search_vector_idx" in plan
    assert "Seq Scan on news_article" not in plan  # a 1-row category table may be scanned
    assert slugs == ["bai-7"]
