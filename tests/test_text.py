import unicodedata

import pytest

from news.models import Article, Category, unique_slug
from news.search import fold, parse_query, search_articles
from news.text import nfc, strip_diacritics, vietnamese_slugify
from tests.factories import ArticleFactory, CategoryFactory

# Every Vietnamese vowel with every tone mark, lower and upper case, each mapped to its base.
VOWELS = {
    "a": "aàáảãạ", "ă": "ăằắẳẵặ", "â": "âầấẩẫậ", "e": "eèéẻẽẹ", "ê": "êềếểễệ",
    "i": "iìíỉĩị", "o": "oòóỏõọ", "ô": "ôồốổỗộ", "ơ": "ơờớởỡợ", "u": "uùúủũụ",
    "ư": "ưừứửữự", "y": "yỳýỷỹỵ",
}  # fmt: skip
BASE = {"a": "a", "ă": "a", "â": "a", "e": "e", "ê": "e", "i": "i", "o": "o", "ô": "o",
        "ơ": "o", "u": "u", "ư": "u", "y": "y"}  # fmt: skip


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Hội nghị kiểm điểm công tác năm 2020", "hoi-nghi-kiem-diem-cong-tac-nam-2020"),
        ("Đặng Bình Phương", "dang-binh-phuong"),
        ("ĐẠI HỘI CÔNG ĐOÀN TỈNH LẦN THỨ XI", "dai-hoi-cong-doan-tinh-lan-thu-xi"),
        ("Tháng Công nhân: “Nghĩa tình” & chăm lo!", "thang-cong-nhan-nghia-tinh-cham-lo"),
        ("Trao 3.711 thẻ đoàn viên — đạt 117,44%", "trao-3711-the-doan-vien-dat-11744"),
        ("  Khuyến học,   khuyến tài?  ", "khuyen-hoc-khuyen-tai"),
        ("Người lao động ở Khu công nghiệp Mỹ Tho", "nguoi-lao-dong-o-khu-cong-nghiep-my-tho"),
        ("Ưu đãi đoàn viên: giảm giá ở siêu thị", "uu-dai-doan-vien-giam-gia-o-sieu-thi"),
        ("Hỗ trợ “Mái ấm Công đoàn” (đợt 2)", "ho-tro-mai-am-cong-doan-dot-2"),
    ],
)
def test_vietnamese_slugify(title, slug):
    assert vietnamese_slugify(title) == slug


@pytest.mark.parametrize("base", sorted(VOWELS))
def test_every_vowel_with_every_tone_mark_keeps_its_letter(base):
    for vowel in VOWELS[base]:
        for letter in (vowel, vowel.upper()):
            assert vietnamese_slugify(f"x{letter}x") == f"x{BASE[base]}x", letter


def test_d_with_stroke_becomes_d_not_dj():
    assert vietnamese_slugify("đoàn Đảng") == "doan-dang"
    assert strip_diacritics("Đặng Bình Phương") == "Dang Binh Phuong"


def test_decomposed_input_is_stored_composed(db):
    decomposed = unicodedata.normalize("NFD", "Hội nghị kiểm điểm")
    assert decomposed != "Hội nghị kiểm điểm"
    article = ArticleFactory(title=decomposed, summary=decomposed, author_name=decomposed)
    article.refresh_from_db()
    assert article.title == "Hội nghị kiểm điểm"
    assert article.summary == nfc(decomposed)
    assert article.author_name == "Hội nghị kiểm điểm"
    assert article.slug == "hoi-nghi-kiem-diem"


def test_server_slugs_never_clash(db):
    category = CategoryFactory()
    slugs = [ArticleFactory(title="Hội nghị kiểm điểm", category=category).slug for _ in range(3)]
    assert slugs == ["hoi-nghi-kiem-diem", "hoi-nghi-kiem-diem-2", "hoi-nghi-kiem-diem-3"]
    assert Article.objects.filter(slug__startswith="hoi-nghi-kiem-diem").count() == 3


def test_unique_slug_ignores_the_object_itself(db):
    article = ArticleFactory(title="Hội nghị kiểm điểm")
    assert unique_slug(Article, "Hội nghị kiểm điểm", exclude_pk=article.pk) == article.slug


def test_category_slug_from_name(db):
    category = Category.objects.create(name="Tuyên giáo – Nữ công")
    assert category.slug == "tuyen-giao-nu-cong"


# Lookalike forms left by converters out of Windows-1258, TCVN3 or VNI, each with the real text.
LOOKALIKES = [
    ("\u00d0ại hội \u00f0oàn viên", "Đại hội đoàn viên"),  # Icelandic eth Ð/ð
    ("\u0189ại hội \u0256oàn viên", "Đại hội đoàn viên"),  # African D Ɖ, d with tail ɖ
    ("\u1d6doàn kết", "đoàn kết"),  # d with middle tilde
    ("D\u0335ại hội d\u0336oàn viên", "Đại hội đoàn viên"),  # d + combining stroke overlay
    # Windows-1258 order: tone mark before the circumflex/breve, which NFC does not compose.
    ("Kie\u0301\u0302m tra", "Kiếm tra"),
    ("Hô\u0300i nghi\u0323 tô\u0309ng kê\u0301t", "Hồi nghị tổng kết"),
    ("Ho\u0300\u0302i nghi\u0323 ta\u0301\u0306c", "Hồi nghị tắc"),
    ("Ta\u0303\u0306ng ca, a\u0323\u0302n ca\u0309\u0302n", "Tẵng ca, ận cẩn"),
    ("TRA\u0300\u0306M NGU\u0301\u031bA", "TRẰM NGỨA"),
    ("xe\u0309\u0302 ke\u0303\u0302", "xể kễ"),
    # Deprecated combining tone marks U+0340/U+0341, also before the circumflex.
    ("Ba\u0340n ba\u0341c, ke\u0341\u0302t", "Bàn bác, kết"),
    # Spacing accents after the vowel.
    (
        "Ca\u02cbng kho\u02caa, ngo\u02dc, Tra\u02d8\u02ca, Le\u02c6\u02cb",
        "Càng khóa, ngõ, Trắ, Lề",
    ),
]


@pytest.mark.parametrize("lookalike, real", LOOKALIKES)
def test_lookalike_letters_become_the_real_ones(lookalike, real):
    assert lookalike != real
    assert nfc(lookalike) == real
    assert nfc(real) == real
    assert vietnamese_slugify(lookalike) == vietnamese_slugify(real)
    assert fold(lookalike) == fold(real)
    assert strip_diacritics(lookalike) == strip_diacritics(real)


@pytest.mark.parametrize("lookalike, real", LOOKALIKES)
def test_lookalike_title_is_stored_like_the_real_one(db, lookalike, real):
    fake = ArticleFactory(title=lookalike, author_name=lookalike, summary=f"Tóm tắt: {lookalike}")
    true = ArticleFactory(title=real, author_name=real, summary=f"Tóm tắt: {real}")
    fake.refresh_from_db()
    assert (fake.title, fake.author_name, fake.summary) == (
        true.title,
        true.author_name,
        true.summary,
    )
    assert fake.search_title == true.search_title
    assert fake.search_text == true.search_text
    assert true.slug == f"{fake.slug}-2"  # the same slug, so the second one is numbered


def test_lookalikes_found_by_search(db):
    ArticleFactory(title="\u00d0ại hội \u00f0oàn viên Kie\u0301\u0302m tra")
    assert list(search_articles(Article.objects.all(), parse_query("Đại hội kiếm").words))
    assert list(search_articles(Article.objects.all(), parse_query("dai hoi doan kiem").words))


def test_spacing_accents_away_from_a_vowel_are_left_alone():
    assert nfc("5\u02ca, x\u02dcy, \u02cbtên\u02cb") == "5\u02ca, x\u02dcy, \u02cbtên\u02cb"
