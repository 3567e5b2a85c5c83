"""The admin's article list at any size: a capped count, and the date bar's years by probes.

Django's changelist counts every row it could show to number its pages; a search for a word
found in nearly every article then spends most of its time in that COUNT. Here the count stops
ten pages past the page asked for: below that the exact number shows as before; above it the
list says "hơn 1.000 bài viết" and links the pages known so far, more appearing as the editor
goes deeper, so every row stays reachable. "Hiện tất cả" is never offered for a capped count.

The date bar's years (months, days) are, in Django, a DISTINCT over every row shown. Here they
come from one query asking, for each year between the first and the last date (each month of
the year, each day of the month), for the first date on or after its start: a step down the
published_at index each, whatever the number of rows.
"""

import calendar
import datetime as dt

from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.contrib.admin.views.main import PAGE_VAR, ChangeList
from django.db.models import Max, Min, Subquery
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .paging import IndexPaginator

# How many pages past the one asked for are counted.
PAGES_AHEAD = 10
MAX_LIMIT = 2**62


class CappedCountPaginator(IndexPaginator):
    """Counts at most ``limit`` rows; ``capped`` says there are more.

    A page's ids come first from the ordered list alone, then only those rows with their joins
    and columns (news/paging.py), so page 500 skips narrow rows, not whole ones. Walking back
    from the end is for an exact count only: a capped one does not know where the end is.
    """

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, *, limit):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.limit = limit
        self.capped = False

    @cached_property
    def count(self):
        # Which rows fill the first ``limit`` does not matter for their number: no ORDER BY,
        # no annotations, so the database stops at the first limit + 1 it finds.
        counted = self.object_list.order_by().values("pk")[: self.limit + 1].count()
        self.capped = counted > self.limit
        return min(counted, self.limit)

    def page(self, number):
        number = self.validate_number(number)
        if not self.capped:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        ids = self.object_list.values("pk")[bottom : bottom + self.per_page]
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)


class CappedCountMixin:
    """For a ModelAdmin: the capped paginator, and the changelist that shows its count."""

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        try:
            number = max(int(request.GET.get(PAGE_VAR, 1)), 1)
        except ValueError:
            number = 1  # as ChangeList reads it
        # Whole pages, and more than "Hiện tất cả" may show, so a capped list never offers it.
        pages = max(number - 1 + PAGES_AHEAD, self.list_max_show_all // per_page + 1)
        # A page past any table (?p=99999999999999999999) still makes a LIMIT the database
        # takes; everything is counted, and Django answers "?e=1".
        limit = min(pages * per_page, MAX_LIMIT)
        return CappedCountPaginator(
            queryset, per_page, orphans, allow_empty_first_page, limit=limit
        )

    def get_changelist(self, request, **kwargs):
        return CappedCountChangeList


class CappedCountChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        capped = getattr(self.paginator, "capped", False)
        count = formats.number_format(self.result_count, force_grouping=True)
        # What the list, the search box and "select all" say (templates/admin/*.html).
        self.result_count_text = f"hơn {count}" if capped else count


def first_dates(queryset, field, starts):
    """For each of ``starts``, the first ``field`` on or after it: one query, each answer a step
    down the index on ``field``; empty when the queryset is."""
    probes = {
        f"d{i}": Subquery(
            queryset.filter(**{f"{field}__gte": start}).order_by(field).values(field)[:1]
        )
        for i, start in enumerate(starts)
    }
    # Read on the first row, itself the first step down the same index.
    rows = queryset.annotate(**probes).order_by(field).values_list(*probes)[:1]
    return rows[0] if rows else []


def periods_with_rows(queryset, field, starts, end):
    """The periods from each of ``starts`` to the next (the last one to ``end``) holding a row."""
    ends = [*starts[1:], end]
    firsts = first_dates(queryset, field, starts)
    if not firsts:
        return []
    return [s for s, e, first in zip(starts, ends, firsts, strict=True) if first and first < e]


def cheap_date_hierarchy(cl):
    """Django's date_hierarchy(cl) for a DateTimeField, its years, months and days found by
    periods_with_rows() instead of a DISTINCT over every row."""
    field = cl.date_hierarchy
    queryset = cl.queryset.order_by()
    zone = timezone.get_current_timezone()
    year, month, day = (cl.params.get(f"{field}__{part}") for part in ("year", "month", "day"))
    if day:
        return date_hierarchy(cl)  # one day: nothing to list
    if not year:
        span = queryset.aggregate(first=Min(field), last=Max(field))
        if span["first"] is None:
            return {"show": True, "back": None, "choices": []}
        first, last = timezone.localtime(span["first"]), timezone.localtime(span["last"])
        if first.year != last.year:
            starts = [dt.datetime(y, 1, 1, tzinfo=zone) for y in range(first.year, last.year + 1)]
            years = periods_with_rows(
                queryset, field, starts, dt.datetime(last.year + 1, 1, 1, tzinfo=zone)
            )
            return choices(cl, None, [({"year": y.year}, str(y.year)) for y in years])
        # All in one year (one month): Django opens it, as if it had been clicked.
        year, month = first.year, first.month if first.month == last.month else None
    year = int(year)
    if month:
        month = int(month)
        starts = [
            dt.datetime(year, month, d, tzinfo=zone)
            for d in range(1, calendar.monthrange(year, month)[1] + 1)
        ]
        days = periods_with_rows(queryset, field, starts, starts[-1] + dt.timedelta(days=1))
        return choices(
            cl,
            ({"year": year}, str(year)),
            [
                (
                    {"year": year, "month": month, "day": d.day},
                    formats.date_format(d, "MONTH_DAY_FORMAT"),
                )
                for d in days
            ],
        )
    starts = [dt.datetime(year, m, 1, tzinfo=zone) for m in range(1, 13)]
    months = periods_with_rows(queryset, field, starts, dt.datetime(year + 1, 1, 1, tzinfo=zone))
    return choices(
        cl,
        ({}, _("All dates")),
        [
            ({"year": year, "month": m.month}, formats.date_format(m, "YEAR_MONTH_FORMAT"))
            for m in months
        ],
    )


def choices(cl, back, items):
    """The date bar's context as Django's date_hierarchy.html reads it."""
    field = cl.date_hierarchy

    def link(parts):
        lookups = {f"{field}__{part}": str(value) for part, value in parts.items()}
        return cl.get_query_string(lookups, [f"{field}__"])

    return {
        "show": True,
        "back": back and {"link": link(back[0]), "title": back[1]},
        "choices": [{"link": link(parts), "title": capfirst(title)} for parts, title in items],
    }
