"""Vietnamese text helpers shared by slugs, search and storage."""

import re
import unicodedata
from functools import lru_cache

from django.utils.text import slugify

# đ/Đ are letters of their own, not d with a mark, so NFD leaves them alone.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})

# Letters that look like đ/Đ and that converters out of Windows-1258, TCVN3 or VNI (or a
# cp1252 font table) put in their place: Icelandic eth, African D, d with tail.
_D_LOOKALIKES = str.maketrans({"ð": "đ", "Ð": "Đ", "Ɖ": "Đ", "ɖ": "đ", "ᵭ": "đ"})
# d/D followed by a combining stroke overlay, after NFD.
_D_STROKE = re.compile("([dD])[\u0335\u0336]")
# Spacing accents some converters write after the vowel instead of combining marks.
_SPACING_MARKS = {
    "\u02cb": "\u0300",  # ˋ modifier letter grave -> combining grave (huyền)
    "\u02ca": "\u0301",  # ˊ modifier letter acute -> combining acute (sắc)
    "\u02dc": "\u0303",  # ˜ small tilde (ngã)
    "\u02c6": "\u0302",  # ˆ modifier letter circumflex
    "\u02d8": "\u0306",  # ˘ breve
}
# Only right after a vowel (with its marks), so a lone ´ or ˜ elsewhere is left as typed.
_SPACING_AFTER_VOWEL = re.compile(
    "([AEIOUYaeiouy][\u0300-\u036f]*)([" + "".join(_SPACING_MARKS) + "]+)"
)
# The vowel modifiers (circumflex, breve, horn) must come before the tone mark: circumflex and
# breve share combining class 230 with the tone marks, so NFC keeps 'e' + acute + circumflex
# as it is instead of composing 'ế'.
_MODIFIERS = {"\u0302", "\u0306", "\u031b"}
_MARK_RUN = re.compile("[\u0300-\u036f]{2,}")
# What nfc() repairs. Composed text without any of it is already as stored (checked against
# every code point when this was written): the common case, answered without decomposing.
_REPAIRED = re.compile(
    "[\u0300-\u036f" + "".join(_SPACING_MARKS) + "".join(map(chr, _D_LOOKALIKES)) + "]"
)


def _modifiers_first(match):
    return "".join(sorted(match.group(), key=lambda mark: mark not in _MODIFIERS))


def nfc(value):
    """Text as stored: NFC, with lookalike forms of Vietnamese letters made the real ones.

    Composes decomposed text (macOS, some keyboards) and repairs what converters out of old
    Vietnamese encodings leave: eth for đ, a tone mark typed before the circumflex or breve,
    the deprecated tone marks U+0340/U+0341 and spacing accents after a vowel.
    """
    if not isinstance(value, str) or value.isascii():
        return value
    if unicodedata.is_normalized("NFC", value) and not _REPAIRED.search(value):
        return value
    return _by_word(_nfc_word, value)


def _by_word(function, value):
    """``function`` applied word by word, each distinct word once (a bulk import repeats the same
    few thousand syllables). Exact: an ASCII space neither composes nor carries marks, and every
    repair above looks only within a letter and its marks."""
    return " ".join(function(word) if not word.isascii() else word for word in value.split(" "))


@lru_cache(maxsize=65536)
def _nfc_word(value):
    text = unicodedata.normalize("NFD", value.translate(_D_LOOKALIKES))
    text = _D_STROKE.sub(lambda m: "Đ" if m.group(1) == "D" else "đ", text)
    text = _SPACING_AFTER_VOWEL.sub(
        lambda m: m.group(1) + "".join(_SPACING_MARKS[mark] for mark in m.group(2)), text
    )
    text = _MARK_RUN.sub(_modifiers_first, text)
    return unicodedata.normalize("NFC", text)


def strip_diacritics(value):
    """'Đặng Bình Phương' -> 'Dang Binh Phuong'."""
    if value.isascii():
        return value
    return _by_word(_strip_word, value)


@lru_cache(maxsize=65536)
def _strip_word(value):
    decomposed = unicodedata.normalize("NFD", _nfc_word(value).translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def vietnamese_slugify(value):
    """'Hội nghị kiểm điểm' -> 'hoi-nghi-kiem-diem'."""
    return slugify(strip_diacritics(value))
