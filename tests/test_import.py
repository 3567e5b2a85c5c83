"""The bulk import stores exactly what Article.save() would, in a bounded number of queries."""

import datetime as dt
import json
import unicodedata
import zoneinfo

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from news.importing import ImportRefused, import_articles
from news.models import Article
from tests.factories import ArticleFactory, CategoryFactory, UnitFactory

pytestmark = pytest.mark.django_db

HOSTILE_BODY = (
    '<p onclick="steal()">Người lao động <script>alert(1)</script>được hỗ trợ '
    '<a href="javascript:alert(2)">tiền thuê nhà</a>.</p><iframe src="https://x.example"></iframe>'
)
# Decomposed (NFD) text and a lookalike of đ, as old converters write them.
NFD_TITLE = unicodedata.normalize("NFD", "Hội nghị kiểm điểm Ban Chấp hành Công đoàn") + " ðợt 2"


def line(**fields):
    record = {
        "title": "Hội thi tay nghề công nhân lao động",
        "summary": "Hơn 200 công nhân tham gia hội thi.",
        "body": "<p>Hội thi diễn ra trong hai ngày.</p>",
        "category": "phong-trao",
        "published_at": "2026-05-01T08:30:00+07:00",
        "author": "Thu Hà",
    }
    record.update(fields)
    return json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False)


@pytest.fixture
def category():
    return CategoryFactory(name="Phong trào", slug="phong-trao")


STORED = ["title", "summary", "body", "slug", "search_title", "search_text", "author_name"]


def test_an_imported_article_is_stored_exactly_as_save_stores_it(category):
    unit = UnitFactory(short_name="CĐCKCN")
    when = dt.datetime(2026, 5, 1, 8, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))
    saved = ArticleFactory(
        title=NFD_TITLE, summary="  Tóm tắt  ", body=HOSTILE_BODY, author_name="Thu Hà",
        category=category, author_unit=unit, published_at=when,
    )  # fmt: skip
    saved.refresh_from_db()
    import_articles(
        [line(title=NFD_TITLE, summary="  Tóm tắt  ", body=HOSTILE_BODY, unit="CĐCKCN")]
    )
    imported = Article.objects.exclude(pk=saved.pk).get()
    for name in STORED:
        expected = getattr(saved, name)
        if name == "slug":
            expected += "-2"  # the same title: the next free slug, as the form would give
        assert getattr(imported, name) == expected, name
    assert "script" not in imported.body and "onclick" not in imported.body
    assert imported.slug == "hoi-nghi-kiem-diem-ban-chap-hanh-cong-doan-dot-2-2"
    assert imported.author_unit == unit
    assert imported.published_at == when
    assert imported.status == Article.Status.PUBLISHED
    assert imported.edit_version == 1
    assert imported in Article.objects.published()


def test_slugs_clash_inside_the_file_too(category):
    import_articles([line(), line(), line(slug="hoi-thi-tay-nghe-cong-nhan-lao-dong")])
    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "hoi-thi-tay-nghe-cong-nhan-lao-dong",
        "hoi-thi-tay-nghe-cong-nhan-lao-dong-2",
        "hoi-thi-tay-nghe-cong-nhan-lao-dong-3",
    ]


def test_search_finds_imported_articles_without_diacritics(client, category):
    import_articles([line(title="Tăng lương tối thiểu vùng cho người lao động")])
    response = client.get("/tim-kiem/", {"q": "tang luong toi thieu"})
    assert '/tin-tuc/tang-luong-toi-thieu-vung-cho-nguoi-lao-dong/"' in response.content.decode()


def test_categories_by_slug_or_name_and_new_ones_created(category):
    report = import_articles(
        [line(category="phong-trao"), line(category="Phong trào"), line(category="Văn bản mới")]
    )
    assert report.new_categories == ["Văn bản mới"]
    assert Article.objects.filter(category=category).count() == 2
    assert Article.objects.filter(category__slug="van-ban-moi").count() == 1


def test_a_naive_time_is_the_portals_time_zone(category):
    import_articles([line(published_at="2026-05-01 08:30")])
    stored = Article.objects.get().published_at
    assert stored == dt.datetime(2026, 5, 1, 1, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("{not json", "không phải JSON"),
        ("[1, 2]", "đối tượng JSON"),
        (line(title=""), "thiếu title"),
        (line(body=None, category=None), "thiếu body, category"),
        (line(published_at="hôm qua"), "không đọc được"),
        (line(published_at=None), "cần published_at"),
        (line(unit="KHÔNG CÓ"), "không có đơn vị"),
        (line(status="deleted"), "trạng thái không có"),
        (line(title="x" * 300), "255"),
    ],
    ids=["json", "array", "title", "two", "date", "no-date", "unit", "status", "long"],
)
def test_one_bad_line_stores_nothing_and_names_the_line(category, raw, message):
    with pytest.raises(ImportRefused) as refused:
        import_articles([line(), "", raw, line()])
    assert [number for number, _ in refused.value.report.errors] == [3]
    assert message in refused.value.report.errors[0][1]
    assert Article.objects.count() == 0


def test_a_draft_may_come_without_a_time(category):
    import_articles([line(status="draft", published_at=None)])
    assert Article.objects.get().status == Article.Status.DRAFT


def test_queries_do_not_grow_with_the_file(category, django_assert_max_num_queries):
    lines = [line(title=f"Bài số {n} về hội nghị người lao động") for n in range(2500)]
    # Units, categories, slugs, a savepoint pair and the INSERTs: PostgreSQL takes a batch of
    # 1,000 rows in one, SQLite about 40 (its limit on variables in one statement).
    per_insert = min(
        1000, connection.ops.bulk_batch_size(Article._meta.concrete_fields, [None] * 1000)
    )
    inserts = sum(-(-rows // per_insert) for rows in (1000, 1000, 500))
    with django_assert_max_num_queries(5 + inserts):
        report = import_articles(lines)
    assert report.created == Article.objects.count() == 2500


def test_the_command_reads_a_file_and_reports(tmp_path, category, capsys):
    path = tmp_path / "bai.jsonl"
    path.write_text(line() + "\n" + line(title="Bài thứ hai") + "\n", encoding="utf-8")
    call_command("import_articles", str(path))
    assert "Đã nạp 2 bài" in capsys.readouterr().out


def test_the_command_refuses_a_bad_file_with_line_numbers(tmp_path, category, capsys):
    path = tmp_path / "bai.jsonl"
    path.write_text(line() + "\n{oops\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Không nạp bài nào: 1 trong 2 dòng"):
        call_command("import_articles", str(path))
    assert "Dòng 2: không phải JSON" in capsys.readouterr().err
    assert Article.objects.count() == 0


def test_the_command_refuses_what_is_not_utf8(tmp_path, category):
    path = tmp_path / "bai.jsonl"
    path.write_bytes(line().encode("utf-16"))
    with pytest.raises(CommandError, match="không phải UTF-8"):
        call_command("import_articles", str(path))
    with pytest.raises(CommandError, match="Không đọc được tệp"):
        call_command("import_articles", str(tmp_path / "khong-co.jsonl"))
