"""Pages of long article lists that cost the same on page 1, page 4,000 and the last page.

A plain ``queryset[bottom:top]`` makes the database build and throw away every row before the
page (an OFFSET over whole rows). Here the page's ids are picked in a subquery that the
(status, published_at, id, ...) index answers alone, walked from whichever end is nearer, and
only those rows are read: still one query, and ``?page=N`` means what it always meant.
"""

from django.core.paginator import Paginator


class IndexPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        queryset = self.object_list
        if top <= bottom:
            return self._get_page(queryset.none(), number, self)
        ids = queryset.values("pk")
        if bottom > self.count - top:
            ids = ids.reverse()[self.count - top : self.count - bottom]
        else:
            ids = ids[bottom:top]
        return self._get_page(queryset.filter(pk__in=ids), number, self)
