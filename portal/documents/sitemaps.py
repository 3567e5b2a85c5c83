from django.contrib.sitemaps import Sitemap

from .models import Document


class DocumentSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Document.objects.published().only("slug", "updated_at", "published_at")

    def lastmod(self, item):
        # A document scheduled for later first appears when it is published.
        return max(item.updated_at, item.published_at)
