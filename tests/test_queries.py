"""Query ceilings: pages cost the same number of queries whatever they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ArticleFactory, CategoryFactory, PhotoFactory

pytestmark = pytest.mark.django_db

# The article page's 4th is its "Văn bản liên quan" (portal/documents).
CEILING = 4
# What a cold cache adds once, for the blocks on every page: the category menu (1), the site
# settings with their links (2), and the sidebar's latest articles (2, the list and when it is
# due), most read (1), recent documents (2, the list and when the next one is due) and recent
# answers (1).
SITE_WIDE_CACHES = 9
# When the next scheduled change is due: 4 aggregates, once per state of the content, shared by
# the page cache and by what workers keep in memory (portal.pagecache.memo, schedule.py).
HORIZON = 4
# What an article page adds once per state of the content (portal.pagecache.memo): the
# category's newest articles (1), the units (1), the articles that link documents (1), and the
# horizon.
CONTENT_MEMO = 3 + HORIZON


def build(n_articles, n_photos):
    category = CategoryFactory()
    articles = ArticleFactory.create_batch(n_articles, category=category, with_cover=True)
    target = articles[n_articles // 2]
    for _ in range(n_photos):
        PhotoFactory(article=target)
    return category, target


def count_queries(client, url):
    # The menu is cached between requests; count a request as readers get it.
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


PAGES = {
    "home": lambda category, article: reverse("news:home"),
    "list": lambda category, article: reverse("news:article-list"),
    "category": lambda category, article: category.get_absolute_url(),
    "detail": lambda category, article: article.get_absolute_url(),
}


@pytest.mark.parametrize("n_articles, n_photos", [(1, 0), (1, 10), (50, 0), (50, 10)])
@pytest.mark.parametrize("page", ["list", "detail"])
def test_list_and_detail_stay_under_the_ceiling(
    client, django_assert_max_num_queries, page, n_articles, n_photos
):
    category, article = build(n_articles, n_photos)
    url = PAGES[page](category, article)
    # The first request also fills the site-wide caches; then the page alone is under the ceiling.
    with django_assert_max_num_queries(CEILING + SITE_WIDE_CACHES + CONTENT_MEMO):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(CEILING):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("page", sorted(PAGES))
def test_query_count_does_not_grow_with_content(client, page):
    small = count_queries(client, PAGES[page](*build(1, 0)))
    big = count_queries(client, PAGES[page](*build(50, 10)))
    assert small == big, f"{page}: {small} queries with 1 article, {big} with 50"


# Exact, warm: the home page its featured articles; a list its page's rows (its total, the
# category and the menu are shared per state of the content); an article itself and its photos.
WARM = {"home": 1, "list": 1, "category": 1, "detail": 2}


@pytest.mark.parametrize("page", sorted(WARM))
def test_each_page_costs_exactly_its_own_queries_warm(client, django_assert_num_queries, page):
    url = PAGES[page](*build(3, 2))
    client.get(url)
    with django_assert_num_queries(WARM[page]):
        assert client.get(url).status_code == 200
