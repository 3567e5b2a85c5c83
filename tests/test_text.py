import unicodedata

import pytest

from news.models import Article, Category, unique_slug
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
