"""Pages of long article lists that cost the same on page 1, page 4,000 and the last page.

A plain ``queryset[bottom:top]`` makes the database build and throw away every row before the
page (an OFFSET over whole rows). Here the page's ids are picked in a subquery that the
(status, published_at, id, ...) index answers alone, and only those rows are read: still one
query, and ``?page=N`` means what it always meant. The ids are walked from whichever is nearest:
the start, the end, or (for a list with a ``count_key``, newest first) the last row of a page
already served in the current state of the content, so a reader or a crawler going on to the
next page starts right after it, with no OFFSET at all.
"""

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Q
from django.utils.functional import cached_property

from portal.pagecache import memo

NEWEST_FIRST = (["-published_at", "-id"], ["-published_at", "-pk"])


class IndexPaginator(Paginator):
    def __init__(self, *args, count_key=None, rows=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key
        # Where the page's rows are read once their ids are picked: the list's queryset without
        # its filters (the ids come from the filtered one), in the list's order.
        self.rows = rows

    @cached_property
    def count(self):
        """Every page of a list has the same total: with a ``count_key``, counted once per state
        of the content (portal.pagecache.memo) rather than for each page."""
        if self.count_key is None:
            return super().count
        return memo.shared(self.count_key, self.object_list.count)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        queryset = self.object_list
        if top <= bottom:
            return self._get_page(queryset.none(), number, self)
        ids = self._page_ids(bottom, top)
        if self.rows is not None:
            ordering = queryset.query.order_by or queryset.model._meta.ordering
            rows = list(self.rows.filter(pk__in=ids).order_by(*ordering))
        else:
            rows = list(queryset.filter(pk__in=ids))
        if self._ends is not None and len(rows) == top - bottom:
            # This page again starts at its first row; the next one right after its last.
            self._ends[bottom] = (rows[0].published_at, rows[0].pk, True)
            self._ends[top] = (rows[-1].published_at, rows[-1].pk, False)
        return self._get_page(rows, number, self)

    @cached_property
    def _ends(self):
        """{position: (published_at, pk, whether that row is at the position or just before
        it)}, for the pages served in the current state of the content; None for a list not
        ordered newest first."""
        ordering = self.object_list.query.order_by or self.object_list.model._meta.ordering
        if self.count_key is None or list(ordering) not in NEWEST_FIRST:
            return None
        return memo.shared(("page-ends", *self.count_key), dict)

    def _page_ids(self, bottom, top):
        ids = self.object_list.values("pk")
        after = max((p for p in self._ends or () if p <= bottom), default=0)
        if after and bottom - after < min(bottom, self.count - top):
            when, pk, included = self._ends[after]
            same = {"pk__lte": pk} if included else {"pk__lt": pk}
            older = Q(published_at__lt=when) | Q(published_at=when, **same)
            return ids.filter(older, published_at__lte=when)[bottom - after : top - after]
        if bottom > self.count - top:
            return ids.reverse()[self.count - top : self.count - bottom]
        return ids[bottom:top]


def in_any(querysets):
    """A filter: pk in any of these LIMITed querysets of ids.

    On PostgreSQL a UNION ALL, which the planner answers subquery by subquery down their
    indexes and then fetches the few rows by id; an OR of ``IN (...)`` would make it test every
    row of the table. SQLite refuses LIMIT inside a UNION, so there it is the OR.
    """
    querysets = list(querysets)
    if not querysets:
        return Q(pk__in=[])
    if connections[querysets[0].db].features.supports_slicing_ordering_in_compound:
        return Q(pk__in=querysets[0].union(*querysets[1:], all=True))
    condition = Q()
    for queryset in querysets:
        condition |= Q(pk__in=queryset)
    return condition
