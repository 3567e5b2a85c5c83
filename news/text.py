"""Vietnamese text helpers shared by slugs, search and storage."""

import unicodedata

from django.utils.text import slugify

# đ/Đ are letters of their own, not d with a mark, so NFD leaves them alone.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(value):
    """Compose decomposed text (as some keyboards and macOS send it) into NFC."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def strip_diacritics(value):
    """'Đặng Bình Phương' -> 'Dang Binh Phuong'."""
    decomposed = unicodedata.normalize("NFD", value.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def vietnamese_slugify(value):
    """'Hội nghị kiểm điểm' -> 'hoi-nghi-kiem-diem'."""
    return slugify(strip_diacritics(value))
