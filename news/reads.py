"""The public pages' own reads, compiled once per process (portal.prepared): they run on every
page the page cache misses, where building and compiling their SQL cost more than running it."""

from django.utils import timezone

from portal import prepared

from .models import Article, Photo
from .related import with_categories

FEATURED_COUNT = 5


def published_article(slug):
    """The published article at this address, or None."""
    found = prepared.fetch(
        "news.published-article",
        lambda slug, now: Article.objects.published(now).filter(slug=slug),
        slug=slug,
        now=timezone.now(),
    )
    return found[0] if found else None


def photos_of(article):
    """The article's photos, in their order."""
    return prepared.fetch(
        "news.article-photos",
        lambda article: Photo.objects.filter(article_id=article),
        article=article.pk,
    )


def featured_articles():
    """The home page's featured articles, newest first, as cards."""
    found = prepared.fetch(
        "news.featured",
        lambda now: (
            Article.objects.published(now).card_columns().filter(is_featured=True)[:FEATURED_COUNT]
        ),
        now=timezone.now(),
    )
    return with_categories(found)
