from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.urls import reverse

from portal.documents.sitemaps import DocumentSitemap
from portal.gallery import sitemaps as gallery
from portal.questions.sitemaps import QuestionSitemap

from .models import Article, Category


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Article.objects.published().only("slug", "published_at", "updated_at")

    def lastmod(self, item):
        # A scheduled article edited before its time first appears when it is published.
        return max(item.updated_at, item.published_at)


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        latest = (
            Article.objects.published()
            .filter(category=OuterRef("pk"))
            .order_by("-published_at")
            .values("published_at")[:1]
        )
        return Category.objects.annotate(latest=Subquery(latest))

    def lastmod(self, item):
        return item.latest


class PageSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["news:home", "news:article-list"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": PageSitemap, "categories": CategorySitemap, "articles": ArticleSitemap}
SITEMAPS["questions"] = QuestionSitemap
SITEMAPS["documents"] = DocumentSitemap
SITEMAPS["gallery"] = gallery.GallerySitemap
