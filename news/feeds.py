import mimetypes
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from portal.sitesettings.models import current as site_settings

from .models import Article, Category

FEED_LENGTH = 20


@dataclass
class FeedScope:
    """What one request asks for; the Feed instance itself is shared between requests."""

    request: HttpRequest
    category: Category | None = None


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def get_object(self, request, *args, **kwargs):
        return FeedScope(request)

    def title(self, scope):
        return site_settings().portal_name

    def link(self, scope):
        return reverse("news:home")

    def feed_url(self, scope):
        return scope.request.path

    def description(self, scope):
        return f"Tin mới nhất của {site_settings().federation_name}."

    def articles(self, scope):
        return Article.objects.published().select_related("category", "author_unit")

    def items(self, scope):
        # The list query is the only query: no body, no search text, the category joined.
        articles = list(
            self.articles(scope).defer("body", "search_text", "search_title")[:FEED_LENGTH]
        )
        for article in articles:
            article.feed_enclosures = self._enclosures(article, scope.request)
        return articles

    @staticmethod
    def _enclosures(article, request):
        if not article.cover:
            return []
        try:
            length = article.cover.size  # a stat of the stored file, not a query
        except OSError:
            return []
        mime_type = mimetypes.guess_type(article.cover.name)[0] or "image/jpeg"
        url = request.build_absolute_uri(article.cover.url)
        return [Enclosure(url, str(length), mime_type)]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return timezone.localtime(item.published_at)

    def item_updateddate(self, item):
        return timezone.localtime(item.updated_at)

    def item_author_name(self, item):
        return item.byline

    def item_categories(self, item):
        return [item.category.name]

    def item_enclosures(self, item):
        return item.feed_enclosures


class CategoryArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return FeedScope(request, get_object_or_404(Category, slug=slug))

    def title(self, scope):
        return f"{scope.category.name} | {site_settings().portal_name}"

    def link(self, scope):
        return scope.category.get_absolute_url()

    def description(self, scope):
        return scope.category.description or f"Tin mới nhất chuyên mục {scope.category.name}."

    def articles(self, scope):
        return super().articles(scope).filter(category=scope.category)
