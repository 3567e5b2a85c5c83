from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone

from portal.pagecache import memo

from .models import LATEST_CACHE_KEY, MENU_CACHE_KEY, Article, Category

LATEST_COUNT = 6
LATEST_TIMEOUT = 300


def menu_categories():
    """The site menu, cached: it is on every page and changes only when staff edit categories;
    in each worker's memory too while the content is unchanged (portal.pagecache.memo)."""
    return memo.shared("menu-categories", _menu_categories)


def _menu_categories():
    categories = cache.get(MENU_CACHE_KEY)
    if categories is None:
        # With the description: a category's own page is then read from here too.
        categories = list(Category.objects.only("name", "slug", "order", "description"))
        cache.set(MENU_CACHE_KEY, categories, 300)
    return categories


def latest_articles():
    """The newest published articles for the sidebar, cached: saving or deleting an article
    clears it (Article.save/delete), and it expires by itself when a scheduled article is due or
    a shown one's display time ends, so it never shows what readers would get a 404 for. Kept
    in each worker's memory too while the content is unchanged (portal.pagecache.memo)."""
    return memo.shared("latest-articles", _latest_articles)


def _latest_articles():
    found = cache.get(LATEST_CACHE_KEY)
    if found is not None:
        return found
    now = timezone.now()
    articles = list(
        Article.objects.published().only("title", "slug", "published_at")[:LATEST_COUNT]
    )
    upcoming = Article.objects.filter(
        status=Article.Status.PUBLISHED, deleted_at__isnull=True
    ).aggregate(
        due=Min("published_at", filter=Q(published_at__gt=now)),
        ends=Min("expires_at", filter=Q(expires_at__gt=now)),
    )
    timeout = LATEST_TIMEOUT
    for moment in upcoming.values():
        if moment is not None:
            timeout = min(timeout, max(1, int((moment - now).total_seconds()) + 1))
    cache.set(LATEST_CACHE_KEY, articles, timeout)
    return articles


def site(request):
    return {
        "menu_categories": menu_categories,
    }
