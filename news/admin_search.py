"""The admin's article search, with the public search's rule (news/search.py).

'tong ket' and 'tổng kết' both find 'Tổng kết năm 2025': the query is folded the same way and
each word must be a whole word of the article, by the same function the public search calls
(on PostgreSQL, through the same full-text index). Unlike the public search it starts from the
admin's queryset, so drafts and scheduled articles are found, and the list keeps the admin's
ordering (the column the editor sorted by, else newest first) rather than the search ranking.
"""

from .search import parse_query, search_articles


class FoldedSearchMixin:
    """The admin's search box with news.search's rule; ``folded_search`` says where to look."""

    search_help_text = "Gõ có dấu hoặc không dấu, ví dụ: tong ket nam 2025."

    def folded_search(self, queryset, words):
        found = search_articles(queryset, words)
        # ChangeList orders before it searches; search_articles ranks, which would undo that.
        if queryset.query.order_by:
            found = found.order_by(*queryset.query.order_by)
        return found

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        query = parse_query(search_term)
        if not query:
            return queryset.none(), False
        return self.folded_search(queryset, query.words), False
