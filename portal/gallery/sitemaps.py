from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Album, Video


class GalleryPageSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return ["gallery:album-list", "gallery:video-list"]

    def location(self, item):
        return reverse(item)


class AlbumSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Album.objects.published().only("slug", "updated_at", "published_at")

    def lastmod(self, item):
        return max(item.updated_at, item.published_at)


class VideoSitemap(AlbumSitemap):
    def items(self):
        return Video.objects.published().only("slug", "updated_at", "published_at")
