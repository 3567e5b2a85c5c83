"""What the pages of one category share: its newest articles, and an article's neighbours.

The newest are kept per state of the content (portal.pagecache.memo): the home page's blocks,
every article's "Tin cùng chuyên mục", and the previous/next links of any article among them;
an older article asks the database for its two neighbours alone.
"""

from django.db.models import Q

from portal.pagecache import memo

from .context_processors import menu_categories
from .models import Article
from .paging import in_any

# Far more than a home block plus the featured few, or the related list; most readers read
# recent news, whose neighbours are then in it too.
CATEGORY_WINDOW = 40


def order(article):
    return (article.published_at, article.pk)


def category_newest(category_id):
    """The category's newest published articles, newest first, as cards."""
    return memo.shared(
        ("category-newest", category_id),
        lambda: list(
            Article.objects.published()
            .for_cards()
            .filter(category_id=category_id)[:CATEGORY_WINDOW]
        ),
    )


def with_categories(articles):
    """Each article's category from the menu's rows, shared by every page of the content's
    current state, rather than a join; one made since is read as usual."""
    categories = {category.pk: category for category in menu_categories()}
    for article in articles:
        if article.category_id in categories:
            article.category = categories[article.category_id]
    return articles


def neighbours(category_id, when, pk):
    """(previous, next) published article of the category around (when, pk), in one query."""
    others = Article.objects.published().filter(category_id=category_id)
    # The plain bound lets the database start its walk down the category index at ``when``
    # instead of at the newest article; the OR only settles ties.
    older = others.filter(
        Q(published_at__lt=when) | Q(published_at=when, pk__lt=pk), published_at__lte=when
    ).order_by("-published_at", "-pk")
    newer = others.filter(
        Q(published_at__gt=when) | Q(published_at=when, pk__gt=pk), published_at__gte=when
    ).order_by("published_at", "pk")
    # LIMITed subqueries in one statement (SQLite refuses LIMIT inside a UNION).
    found = Article.objects.for_cards().filter(
        in_any([older.values("pk")[:1], newer.values("pk")[:1]])
    )
    previous = following = None
    for other in found:
        if order(other) < (when, pk):
            previous = other
        else:
            following = other
    return previous, following
