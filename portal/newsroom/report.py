"""Thống kê tin bài: what each unit and author sent, got back and had published in a period.

The rules (README "Thống kê tin bài" says the same for the staff):

- The period is whole local days (Asia/Ho_Chi_Minh), from 00:00 of the first to 00:00 of the
  day after the last.
- **Gửi duyệt** and **Bị trả lại** count workflow steps (ArticleTransition rows to "Chờ duyệt"
  and to "Trả lại") taken in the period: an article sent twice counts twice.
- **Đã đăng** counts articles, each once, whose publication time (``published_at``) falls in
  the period and has come, that are published now or were live before being withdrawn ("Đã gỡ"
  after their time). An article published again after a withdrawal keeps its first time, so it
  is never paid twice; a scheduled one counts in the period its time falls in, once that time has
  come. Articles in the trash are left out.
- **Ảnh đã đăng** counts the photos of those articles, the cover included (1 when there is one).
- Figures go to the article's unit and its author (the account that created it), whoever took
  the step. Articles with no account (imported, demo) appear as "(không có tài khoản)".

Everything is aggregated in the database: four queries whatever the number of units and authors.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from news.models import Article, ArticleTransition

from .models import Unit
from .people import display_name

Status = Article.Status
NO_UNIT = "(chưa có đơn vị)"
NO_AUTHOR = "(không có tài khoản)"
HEADERS = ["Đơn vị", "Tác giả", "Gửi duyệt", "Bị trả lại", "Đã đăng", "Ảnh đã đăng"]
FIGURES = ["submitted", "returned", "published", "photos"]


@dataclass
class Row:
    unit: str
    author: str
    submitted: int = 0
    returned: int = 0
    published: int = 0
    photos: int = 0
    sort_key: tuple = field(default=(), repr=False, compare=False)

    def add(self, other):
        for name in FIGURES:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def cells(self):
        return [self.unit, self.author, *(getattr(self, name) for name in FIGURES)]


@dataclass
class Report:
    start: dt.date
    end: dt.date  # the last day, included
    rows: list  # one per (unit, author), ordered by unit then author
    units: list  # one per unit: its totals
    total: Row

    @property
    def period(self):
        if self.start.day == 1 and self.end == last_day(self.start):
            return f"Tháng {self.start:%m/%Y}"
        return f"Từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y}"

    @property
    def title(self):
        return f"Thống kê tin bài - {self.period}"

    @property
    def slug(self):
        return f"thong-ke-tin-bai-{self.start:%Y%m%d}-{self.end:%Y%m%d}"


def last_day(first):
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def month_bounds(year, month):
    first = dt.date(year, month, 1)
    return first, last_day(first)


def local_midnight(day):
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def build(start, end, *, now=None):
    """The report for local days ``start`` to ``end`` (both included)."""
    now = now or timezone.now()
    since, until = local_midnight(start), local_midnight(end + dt.timedelta(days=1))
    keys = {}

    def row_for(unit_id, author_id):
        return keys.setdefault((unit_id, author_id), Row("", ""))

    # 1. Steps taken in the period, grouped by the article's unit and author.
    steps = (
        ArticleTransition.objects.filter(
            at__gte=since, at__lt=until, to_status__in=[Status.PENDING, Status.RETURNED]
        )
        .values(unit_id=F("article__author_unit"), author_id=F("article__created_by"))
        .annotate(
            submitted=Count("id", filter=Q(to_status=Status.PENDING)),
            returned=Count("id", filter=Q(to_status=Status.RETURNED)),
        )
        .order_by()
    )
    for item in steps:
        row = row_for(item["unit_id"], item["author_id"])
        row.submitted, row.returned = item["submitted"], item["returned"]

    # 2. Articles published in the period, with their photos, in one grouped query.
    live_before_withdrawal = ArticleTransition.objects.filter(
        article=OuterRef("pk"), to_status=Status.WITHDRAWN, at__gte=OuterRef("published_at")
    )
    published = (
        Article.objects.filter(
            published_at__gte=since,
            published_at__lt=until,
            published_at__lte=now,
            deleted_at__isnull=True,
        )
        .alias(was_live=Exists(live_before_withdrawal))
        .filter(Q(status=Status.PUBLISHED) | Q(status=Status.WITHDRAWN, was_live=True))
        .values(unit_id=F("author_unit"), author_id=F("created_by"))
        .annotate(
            published=Count("id", distinct=True),
            covers=Count("id", distinct=True, filter=~Q(cover="")),
            photos=Count("photos"),
        )
        .order_by()
    )
    for item in published:
        row = row_for(item["unit_id"], item["author_id"])
        row.published, row.photos = item["published"], item["photos"] + item["covers"]

    # 3 and 4. Names: units and authors met above.
    unit_ids = {unit_id for unit_id, _ in keys if unit_id is not None}
    author_ids = {author_id for _, author_id in keys if author_id is not None}
    units = {unit.pk: unit for unit in Unit.objects.filter(pk__in=unit_ids)}
    authors = {
        user.pk: user
        for user in get_user_model().objects.filter(pk__in=author_ids).select_related("profile")
    }

    rows = []
    for (unit_id, author_id), row in keys.items():
        unit = units.get(unit_id)
        row.unit = unit.short_name if unit else NO_UNIT
        row.author = display_name(authors[author_id]) if author_id in authors else NO_AUTHOR
        unit_order = (0, unit.order, unit.name.casefold()) if unit else (1, 0, "")
        row.sort_key = (unit_order, author_id is None, row.author.casefold())
        rows.append(row)
    rows.sort(key=lambda row: row.sort_key)

    by_unit, total = {}, Row("Tổng cộng", "")
    for row in rows:
        by_unit.setdefault(row.unit, Row(row.unit, "")).add(row)
        total.add(row)
    return Report(start, end, rows, list(by_unit.values()), total)


def as_csv(report):
    """UTF-8 with a BOM, so that Excel reads the Vietnamese letters right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(row.cells for row in report.rows)
    writer.writerow(report.total.cells)
    return "\ufeff" + buffer.getvalue()


def as_xlsx(report):
    """An Excel workbook: the period on top, bold headers, the authors, then one row per unit."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    bold = Font(bold=True)
    sheets = [
        (workbook.active, "Theo tác giả", report.rows, HEADERS),
        (workbook.create_sheet(), "Theo đơn vị", report.units, [HEADERS[0], *HEADERS[2:]]),
    ]
    for sheet, name, rows, headers in sheets:
        sheet.title = name
        sheet.append([report.title])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append(headers)
        for cell in sheet[2]:
            cell.font = bold
        author_column = len(headers) == len(HEADERS)
        for row in [*rows, report.total]:
            cells = row.cells if author_column else [row.cells[0], *row.cells[2:]]
            sheet.append(cells)
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        widths = [40, 32, 12, 12, 12, 14] if author_column else [40, 12, 12, 12, 14]
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = width
        sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
