import datetime as dt
import re
from collections.abc import Mapping

from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

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


class ArticleMonthSitemap(ArticleSitemap):
    """The articles published in one month (local time): a page costs the same at 1,000 and at
    100,000 articles, read from the (status, published_at) index. A month is assumed to hold
    fewer than the 50,000 URLs a sitemap may list, so each is one page."""

    def __init__(self, year, month):
        self.start = timezone.make_aware(dt.datetime(year, month, 1))
        following = (self.start.replace(tzinfo=None) + dt.timedelta(days=32)).replace(day=1)
        self.end = timezone.make_aware(following)

    def items(self):
        return (
            super()
            .items()
            .filter(published_at__gte=self.start, published_at__lt=self.end)
            .order_by("published_at", "id")
        )

    def get_latest_lastmod(self):
        return None  # the index would otherwise read every article of every month

    @property
    def paginator(self):
        return _OnePage(self._items(), self.limit)


class _OnePage(Paginator):
    """One page of at most ``per_page`` items, without counting them first."""

    num_pages = 1

    @property
    def count(self):
        return self.per_page


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


SITEMAPS = {"pages": PageSitemap, "categories": CategorySitemap}
SITEMAPS["questions"] = QuestionSitemap
SITEMAPS["documents"] = DocumentSitemap
SITEMAPS["gallery"] = gallery.GallerySitemap

MONTH = re.compile(r"articles-(\d{4})-(\d{2})")


class Sections(Mapping):
    """The sections of /sitemap.xml: the fixed ones, then "articles-YYYY-MM" for every month from
    the first published article to now, counted in Python rather than read from the table."""

    def __getitem__(self, section):
        if section in SITEMAPS:
            return SITEMAPS[section]
        match = MONTH.fullmatch(section)
        if match and 1 <= int(match[2]) <= 12 and 1900 < int(match[1]) < 10000:
            return ArticleMonthSitemap(int(match[1]), int(match[2]))
        raise KeyError(section)

    def __iter__(self):
        yield from SITEMAPS
        first = (
            Article.objects.published()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        if first is None:
            return
        first, now = timezone.localtime(first), timezone.localtime()
        year, month = first.year, first.month
        while (year, month) <= (now.year, now.month):
            yield f"articles-{year}-{month:02d}"
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    def __len__(self):
        return sum(1 for _ in self)

    # reverse() compares a URL's default arguments: one instance, equal to itself only.
    __eq__, __hash__ = object.__eq__, object.__hash__


SECTIONS = Sections()
