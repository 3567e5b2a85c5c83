from django.conf import settings
from django.core.cache import cache

from .models import MENU_CACHE_KEY, Category


def menu_categories():
    """The site menu, cached: it is on every page and changes only when staff edit categories."""
    categories = cache.get(MENU_CACHE_KEY)
    if categories is None:
        categories = list(Category.objects.only("name", "slug", "order"))
        cache.set(MENU_CACHE_KEY, categories, 300)
    return categories


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_CONTACT": settings.SITE_CONTACT,
        "menu_categories": menu_categories,
    }
