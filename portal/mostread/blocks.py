"""The "Đọc nhiều trong tuần" block: one query when cold, none when warm."""

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Sum
from django.utils import timezone

CACHE_KEY = "mostread:week"
# Each worker's copy of the block (portal.pagecache.memo) may trail the shared one this long.
IN_MEMORY_SECONDS = 60


def most_read_this_week(limit=5):
    from portal.pagecache import memo

    return memo.shared(("most-read", limit), lambda: _this_week(limit), IN_MEMORY_SECONDS)


def _this_week(limit):
    articles = cache.get(CACHE_KEY)
    if articles is None:
        from news.models import Article

        since = timezone.localdate() - dt.timedelta(days=6)
        articles = list(
            Article.objects.published()
            .for_cards()
            .filter(daily_views__day__gte=since)
            .annotate(week_views=Sum("daily_views__count"), ends_at=F("expires_at"))
            .order_by("-week_views", "-published_at")[:limit]
        )
        cache.set(CACHE_KEY, articles, _lifetime(articles))
    return articles


def _lifetime(articles):
    """No longer than MOSTREAD_BLOCK_SECONDS, nor past the moment a listed article expires."""
    seconds = settings.MOSTREAD_BLOCK_SECONDS
    now = timezone.now()
    for article in articles:
        if article.ends_at:
            seconds = min(seconds, max(1, int((article.ends_at - now).total_seconds())))
    return seconds


def forget():
    cache.delete(CACHE_KEY)
