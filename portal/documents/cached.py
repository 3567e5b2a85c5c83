"""What several pages show of the register, kept in the cache: the filter lists and the latest.

Both are cleared by every save and delete of a document, a type, an issuer or a field (the
models' save()/delete(), the admin's bulk delete), so a change shows at once. A document
scheduled for later appears when its time comes: the latest list is kept no longer than that.
"""

import datetime as dt

from django.core.cache import cache
from django.utils import timezone

FACETS_KEY = "documents:facets"
RECENT_KEY = "documents:recent"
RECENT_COUNT = 5
# An upper bound, in case a row is changed behind the models' back (QuerySet.update()).
TIMEOUT = 60 * 60


def clear():
    cache.delete_many([FACETS_KEY, RECENT_KEY])


def facets():
    """{"types"|"issuers"|"fields": [(slug, name, pk)], "years": [year, ...]} for the filters."""
    value = cache.get(FACETS_KEY)
    if value is None:
        from .models import Document, DocumentType, Field, Issuer

        value = {
            key: list(model.objects.values_list("slug", "name", "pk"))
            for key, model in (("types", DocumentType), ("issuers", Issuer), ("fields", Field))
        }
        dates = Document.objects.published().dates("issued_on", "year", order="DESC")
        value["years"] = [day.year for day in dates]
        cache.set(FACETS_KEY, value, TIMEOUT)
    return value


def recent():
    """The RECENT_COUNT latest published documents, as plain values for the sidebar block; in
    each worker's memory while the content is unchanged (portal.pagecache.memo)."""
    from portal.pagecache import memo

    return memo.shared("documents-recent", _recent)


def _recent():
    value = cache.get(RECENT_KEY)
    if value is None:
        from .models import Document

        rows = Document.objects.published().select_related("doc_type")[:RECENT_COUNT]
        value = [
            {
                "url": row.get_absolute_url(),
                "number": row.number,
                "type": row.doc_type.name,
                "summary": row.summary,
                "issued_on": row.issued_on,
            }
            for row in rows
        ]
        cache.set(RECENT_KEY, value, _until_next_scheduled(Document))
    return value


def _until_next_scheduled(model):
    now = timezone.now()
    upcoming = (
        model.objects.filter(is_public=True, published_at__gt=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if upcoming is None:
        return TIMEOUT
    return max(1, min(TIMEOUT, int((upcoming - now) / dt.timedelta(seconds=1)) + 1))
