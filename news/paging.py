"""Pages of long article lists that cost the same on page 1, page 4,000 and the last page.

A plain ``queryset[bottom:top]`` makes the database build and throw away every row before the
page (an OFFSET over whole rows). Here the page's ids are picked in a subquery that the
(status, published_at, id, ...) index answers alone, and only those rows are read: still one
query, and ``?page=N`` means what it always meant. The ids are walked from whichever is nearest:
the start, the end, or (for a list with a ``list_key``, newest first) the last row of a page
already served in the current state of the content, so a reader or a crawler going on to the
next page starts right after it, with no OFFSET at all.
"""

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property

from portal import prepared
from portal.pagecache import memo

NEWEST_FIRST = (["-published_at", "-id"], ["-published_at", "-pk"])


class IndexPaginator(Paginator):
    def __init__(self, *args, list_key=None, rows=None, source=None, **kwargs):
        # What the list depends on besides the content and the time (its view and constants):
        # its total and served pages are kept per state of the content under it.
        self.list_key = list_key
        # Where the page's rows are read once their ids are picked: the list's queryset without
        # its filters (the ids come from the filtered one), in the list's order.
        self.rows = rows
        # ``source(now)``: the list's queryset as of ``now``. With a ``list_key``, the page's
        # query is then compiled once per shape (portal.prepared).
        self.source = source
        super().__init__(*args, **kwargs)

    def _check_object_list_is_ordered(self):
        # A list read prepared may hand a queryset built only when needed; its source orders it.
        if self.source is None or self.list_key is None:
            super()._check_object_list_is_ordered()

    @cached_property
    def count(self):
        """Every page of a list has the same total: with a ``list_key``, counted once per state
        of the content (portal.pagecache.memo) rather than for each page."""
        if self.list_key is None:
            return super().count
        return memo.shared(("list-count", *self.list_key), lambda: self.object_list.count())

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if top <= bottom:
            return self._get_page(self.object_list.none(), number, self)
        shape, values = self._walk(bottom, top)
        if self.source is not None and self.list_key is not None:
            rows = prepared.fetch(
                ("list-page", *self.list_key, *shape),
                lambda now, **boundary: self._query(self.source(now), shape, **boundary),
                now=timezone.now(),
                **values,
            )
        else:
            rows = list(self._query(self.object_list, shape, **values))
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
        if self.list_key is None:
            return None
        # Whether the list is newest first is asked once per state of the content, with the
        # positions: the queryset is not built for it on every page.
        return memo.shared(("page-ends", *self.list_key), self._new_ends)

    def _new_ends(self):
        ordering = self.object_list.query.order_by or self.object_list.model._meta.ordering
        return {} if list(ordering) in NEWEST_FIRST else None

    def _walk(self, bottom, top):
        """Where the page's ids are walked from, as (shape, values): after the nearest page
        served before it, from the start, or back from the end."""
        after = max((p for p in self._ends or () if p <= bottom), default=0)
        if after and bottom - after < min(bottom, self.count - top):
            when, pk, included = self._ends[after]
            return ("after", included, bottom - after, top - after), {"when": when, "pk": pk}
        if bottom > self.count - top:
            return ("end", self.count - top, self.count - bottom), {}
        return ("start", bottom, top), {}

    def _query(self, queryset, shape, when=None, pk=None):
        """The page's rows: their ids picked in a subquery the index answers, then read."""
        ids = queryset.values("pk")
        walk, *bounds = shape
        if walk == "after":
            included, low, high = bounds
            same = {"pk__lte": pk} if included else {"pk__lt": pk}
            older = Q(published_at__lt=when) | Q(published_at=when, **same)
            ids = ids.filter(older, published_at__lte=when)[low:high]
        elif walk == "end":
            ids = ids.reverse()[bounds[0] : bounds[1]]
        else:
            ids = ids[bounds[0] : bounds[1]]
        if self.rows is None:
            return queryset.filter(pk__in=ids)
        ordering = queryset.query.order_by or queryset.model._meta.ordering
        return self.rows.filter(pk__in=ids).order_by(*ordering)


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
