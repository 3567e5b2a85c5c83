"""The next moment the public pages change by themselves, with nothing saved.

A scheduled article, document, album or video appearing, an article reaching its end time, and
local midnight (the banner's date; a document's "còn/hết hiệu lực" counts in days). No cached
page outlives it.
"""

import datetime as dt

from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone


def _scheduled(now):
    from news.models import Article
    from portal.documents.models import Document
    from portal.gallery.models import Album, Video

    moments = [
        *Article.objects.filter(status=Article.Status.PUBLISHED, deleted_at__isnull=True)
        .aggregate(
            starts=Min("published_at", filter=Q(published_at__gt=now)),
            ends=Min("expires_at", filter=Q(expires_at__gt=now)),
        )
        .values(),
        Document.objects.filter(is_public=True, published_at__gt=now).aggregate(
            at=Min("published_at")
        )["at"],
        Album.objects.filter(is_published=True, published_at__gt=now).aggregate(
            at=Min("published_at")
        )["at"],
        Video.objects.filter(is_published=True, published_at__gt=now).aggregate(
            at=Min("published_at")
        )["at"],
    ]
    return [moment for moment in moments if moment is not None]


def next_midnight(now):
    today = timezone.localdate(now)
    return timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=1), dt.time()))


def next_change(generation):
    """Cached for the generation (a save may schedule something new, and bumps it)."""
    key = f"pagecache:{generation}:next-change"
    found = cache.get(key)
    now = timezone.now()
    if found is None or found <= now:
        found = min([next_midnight(now), *_scheduled(now)])
        cache.set(key, found, max(1, int((found - now).total_seconds())))
    return found
