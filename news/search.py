"""Search without diacritics: 'hoi nghi' finds 'Hội nghị', on SQLite and PostgreSQL alike.

Each article keeps a folded copy of its words (no marks, đ -> d, lower case, one space between
words) in ``search_title`` and ``search_text``, written by ``Article.save()``. A query is folded
the same way and each of its words must be a whole word of the article (Vietnamese words are
syllables: 'nghi' finds 'nghị', not 'nghiệp'), tested with LIKE '% word %'. On PostgreSQL
the same test is made with full-text search instead: the database keeps a tsvector
of the folded text in a generated column with a GIN index (migration 0002), so a search reads
the index rather than scanning the articles. Folding in Python means no unaccent extension,
whose function cannot be used in an index.
"""

import html
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Case, Expression, IntegerField, Q, Value, When
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .text import nfc, strip_diacritics

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
WORD = re.compile(r"\w+")
# Whitespace a pasted query may carry; any other control character is refused.
ALLOWED_CONTROLS = {"\t", "\n", "\r"}


def fold(text):
    """'Đặng BÌNH Phương' -> 'dang binh phuong': the form both the stored text and queries use."""
    return strip_diacritics(nfc(text)).lower()


def search_document(*parts):
    """' w1 w2 w3 ': the folded words between spaces, so ' w ' matches a whole word."""
    words = WORD.findall(fold(" ".join(part for part in parts if part)))
    return f" {' '.join(words)} " if words else ""


def html_to_text(value):
    """Text of stored (nh3-cleaned) HTML; a space per tag keeps '<p>a</p><p>b</p>' two words."""
    return html.unescape(re.sub(r"<[^>]*>", " ", value or ""))


@dataclass
class SearchQuery:
    text: str = ""
    words: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    status: int = 200

    def __bool__(self):
        return bool(self.words)


def parse_query(raw):
    """Turn the ?q= value into folded words, with a Vietnamese message for what was refused."""
    raw = raw or ""
    if any(unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS for ch in raw):
        return SearchQuery(
            messages=["Từ khóa có ký tự không hợp lệ. Hãy gõ lại từ khóa cần tìm."], status=400
        )
    text = " ".join(nfc(raw).split())
    query = SearchQuery(text=text)
    if len(text) > MAX_QUERY_LENGTH:
        cut = text[:MAX_QUERY_LENGTH]
        if not text[MAX_QUERY_LENGTH].isspace() and " " in cut:
            cut = cut.rsplit(" ", 1)[0]  # no half word at the end
        query.text = text = cut.rstrip()
        query.messages.append(
            f"Từ khóa dài hơn {MAX_QUERY_LENGTH} ký tự, chỉ tìm theo {MAX_QUERY_LENGTH} ký tự đầu."
        )
    words = list(dict.fromkeys(WORD.findall(fold(text))))
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS]
        query.messages.append(f"Chỉ tìm theo {MAX_WORDS} từ đầu tiên của từ khóa.")
    query.words = words
    if not words:
        query.messages.append("Hãy nhập từ khóa cần tìm, ví dụ: hội nghị người lao động.")
    return query


class SearchVectorColumn(Expression):
    """news_article.search_vector: a column only PostgreSQL has, computed by the database.

    It is to_tsvector('simple', search_text), 'simple' because the text is folded already and
    Vietnamese needs no stemming. The model does not declare it, so SQLite has no such column.
    """

    def __init__(self):
        from django.contrib.postgres.search import SearchVectorField

        super().__init__(output_field=SearchVectorField())

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.base_table)
        return f"{table}.search_vector", []


def whole_words(words, field="search_text"):
    """A filter: the folded text in ``field`` (a search_document) holds every word, whole."""
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": f" {word} "})
    return condition


def search_articles(queryset, words, *, newest=None):
    """Articles holding every word; those whose title holds them all come first, then newest.

    With ``newest``, only that many of the newest matches are ranked: a word found in nearly
    every article then costs reading that many rows down the date index, not sorting them all.
    """
    in_title = whole_words(words, "search_title")
    found = matching(queryset, words)
    if newest is not None:
        latest = found.order_by("-published_at", "-id").values("pk")[:newest]
        found = queryset.filter(pk__in=latest)
    return found.annotate(
        title_match=Case(
            When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    ).order_by("-title_match", "-published_at", "-id")


def matching(queryset, words):
    """The articles of ``queryset`` holding every word, whole."""
    if connections[queryset.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        # The same test, answered by the index. Words are \w+ runs: no tsquery syntax in them.
        tsquery = SearchQuery(" & ".join(words), search_type="raw", config="simple")
        return queryset.alias(search_vector=SearchVectorColumn()).filter(search_vector=tsquery)
    return queryset.filter(whole_words(words))


def _match_spans(text, words):
    """Spans of ``text`` holding one of the words, compared folded, mapped back char by char."""
    folded, origin = [], []
    for index, char in enumerate(text):
        for folded_char in fold(char):
            folded.append(folded_char)
            origin.append(index)
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    spans = []
    for match in re.finditer(rf"(?<!\w)(?:{alternatives})(?!\w)", "".join(folded)):
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def highlight(text, words, truncate_words=None):
    """Escaped ``text`` with each matched word wrapped in <mark>."""
    text = nfc(str(text or ""))
    if truncate_words:
        text = Truncator(text).words(truncate_words)
    if not words:
        return conditional_escape(text)
    parts, last = [], 0
    for start, end in _match_spans(text, words):
        parts.append(conditional_escape(text[last:start]))
        parts.append(format_html("<mark>{}</mark>", text[start:end]))
        last = end
    parts.append(conditional_escape(text[last:]))
    return mark_safe("".join(parts))
