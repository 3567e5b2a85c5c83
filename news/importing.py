"""Bulk import of articles from JSON lines, with exactly what Article.save() stores.

One line, one article::

    {"title": "...", "summary": "...", "body": "<p>...</p>", "category": "phong-trao",
     "published_at": "2024-05-01T08:30:00+07:00", "author": "Thu Hà", "unit": "CĐCKCN",
     "slug": "optional", "featured": false, "status": "published"}

The file is read twice: every line is checked first, and nothing is stored unless all are good;
then the articles go in by batches of ``BATCH`` rows in one transaction. Text, body cleaning and
search text come from ``Article.prepare()`` (what ``save()`` calls), slugs from the same
``slug_base``/``free_slug`` rule as ``unique_slug`` — checked against the stored slugs once, not
with a query per article. No version is recorded; one is made when the article is first opened.
"""

import datetime as dt
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import reset_queries, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from portal.newsroom.models import Unit
from portal.pagecache import generation

from .models import Article, Category, forget_latest, free_slug, slug_base

BATCH = 1000
REQUIRED = ("title", "summary", "body", "category")
STATUSES = {choice.value for choice in Article.Status}


@dataclass
class Report:
    read: int = 0
    created: int = 0
    new_categories: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (line number, message)


class ImportRefused(Exception):
    def __init__(self, report):
        super().__init__(f"{len(report.errors)} dòng lỗi")
        self.report = report


def import_articles(lines, *, by=None):
    """Check every line, then store them all or nothing. ``lines`` is re-iterable (a list or a
    function returning an iterator, such as ``lambda: open(path)``)."""
    read = lines if callable(lines) else (lambda: iter(lines))
    report = Report()
    units = {unit.short_name: unit for unit in Unit.objects.all()}
    for number, raw in _numbered(read()):
        report.read += 1
        try:
            _article(_record(raw), units, categories=None)
        except ValidationError as error:
            report.errors.append((number, "; ".join(error.messages)))
    if report.errors:
        raise ImportRefused(report)

    with transaction.atomic():
        categories = {}
        for category in Category.objects.all():
            categories[category.slug] = categories[category.name.casefold()] = category
        taken = set(Article.objects.order_by().values_list("slug", flat=True))
        batch = []
        for _, raw in _numbered(read()):
            article = _article(_record(raw), units, categories, report)
            article.prepare()
            article.slug = free_slug(slug_base(article.slug or article.title), taken)
            taken.add(article.slug)
            article.edit_version = 1
            article.created_by = article.updated_by = by
            batch.append(article)
            if len(batch) == BATCH:
                report.created += len(Article.objects.bulk_create(batch))
                batch = []
                reset_queries()  # with DEBUG on, Django would keep every INSERT's text
        report.created += len(Article.objects.bulk_create(batch))
        # bulk_create sends no post_save: tell the caches built from articles ourselves.
        forget_latest()
        generation.bump()
    return report


def _numbered(lines):
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield number, raw


def _record(raw):
    try:
        record = json.loads(raw)
    except ValueError as error:
        raise ValidationError(f"không phải JSON hợp lệ ({error.msg}, cột {error.colno})") from None
    if not isinstance(record, dict):
        raise ValidationError("mỗi dòng phải là một đối tượng JSON {…}")
    missing = [name for name in REQUIRED if not str(record.get(name) or "").strip()]
    if missing:
        raise ValidationError(f"thiếu {', '.join(missing)}")
    return record


def _when(value):
    if value in (None, ""):
        return None
    moment = parse_datetime(str(value)) if isinstance(value, str) else None
    if moment is None:
        raise ValidationError(f"thời điểm xuất bản không đọc được: {value!r} (ISO 8601)")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)  # the portal's zone, Asia/Ho_Chi_Minh
    return moment


def _article(record, units, categories, report=None):
    status = record.get("status") or Article.Status.PUBLISHED
    if status not in STATUSES:
        raise ValidationError(f"trạng thái không có: {status!r}")
    published_at = _when(record.get("published_at"))
    if status == Article.Status.PUBLISHED and published_at is None:
        raise ValidationError("bài xuất bản cần published_at")
    unit_name = record.get("unit") or ""
    if unit_name and unit_name not in units:
        raise ValidationError(f"không có đơn vị viết tắt {unit_name!r}")
    article = Article(
        title=str(record["title"]),
        summary=str(record["summary"]),
        body=str(record["body"]),
        author_name=str(record.get("author") or ""),
        author_unit=units.get(unit_name),
        status=status,
        published_at=published_at,
        is_featured=bool(record.get("featured", False)),
        slug=str(record.get("slug") or ""),
    )
    article.clean_fields(
        exclude=["slug", "category", "author_unit", "author_name", "cover", "cover_picture"]
    )
    if categories is not None:
        article.category = _category(str(record["category"]), categories, report)
    return article


def _category(name, categories, report):
    found = categories.get(name) or categories.get(name.casefold())
    if found is None:
        found = Category.objects.create(name=name)
        categories[found.slug] = categories[name.casefold()] = found
        report.new_categories.append(found.name)
    return found


def sample_line(n, now=None):
    """One made-up line, for benchmarks and the README's example."""
    now = now or timezone.now()
    return json.dumps(
        {
            "title": f"Công đoàn cơ sở tổ chức hội nghị người lao động năm {n}",
            "summary": "Hội nghị thông qua thỏa ước lao động tập thể và quy chế dân chủ.",
            "body": "<p>Đoàn viên góp ý vào dự thảo thỏa ước lao động tập thể.</p>",
            "category": "Hoạt động công đoàn",
            "published_at": (now - dt.timedelta(minutes=n)).isoformat(),
            "author": "Thu Hà",
        },
        ensure_ascii=False,
    )
