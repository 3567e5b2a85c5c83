from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Album, Video

LIST_PAGES = ["gallery:album-list", "gallery:video-list"]


class GallerySitemap(Sitemap):
    """The album and video lists and every published album and video: two queries in all."""

    changefreq = "weekly"
    priority = 0.5

    def items(self):
        fields = ("slug", "updated_at", "published_at")
        albums = Album.objects.published().only(*fields)
        videos = Video.objects.published().only(*fields)
        return [*LIST_PAGES, *albums, *videos]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        # An item scheduled and edited before its time first appears when it is published.
        return None if isinstance(item, str) else max(item.updated_at, item.published_at)
