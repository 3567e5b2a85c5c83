"""Breadcrumbs, menu, pagination, sharing, and the previous/next article in the category."""

import base64
import datetime as dt
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from news.related import CATEGORY_WINDOW
from tests.factories import ArticleFactory, CategoryFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def neighbours(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.context["previous_article"], response.context["next_article"]


@pytest.fixture
def timeline():
    """Five published articles an hour apart in one category, oldest first, and noise around."""
    category = CategoryFactory()
    start = timezone.now() - dt.timedelta(days=1)
    articles = [
        ArticleFactory(category=category, published_at=start + dt.timedelta(hours=n))
        for n in range(5)
    ]
    # Noise that must never be a neighbour: a draft, a scheduled article, another category.
    between = start + dt.timedelta(hours=2, minutes=30)
    ArticleFactory(category=category, draft=True, published_at=between)
    ArticleFactory(category=category, scheduled=True)
    ArticleFactory(published_at=between)
    return articles


def test_previous_is_the_one_published_just_before_and_next_just_after(client, timeline):
    previous, following = neighbours(client, timeline[2])
    assert previous.pk == timeline[1].pk
    assert following.pk == timeline[3].pk


def test_drafts_scheduled_and_other_categories_are_skipped(client, timeline):
    assert neighbours(client, timeline[3])[0].pk == timeline[2].pk
    # The newest published article has no next one, though a scheduled one is due tomorrow.
    assert neighbours(client, timeline[4])[1] is None


def test_the_oldest_has_no_previous(client, timeline):
    previous, following = neighbours(client, timeline[0])
    assert previous is None
    assert following.pk == timeline[1].pk


def test_articles_published_at_the_same_moment_are_ordered_by_id(client):
    category = CategoryFactory()
    moment = timezone.now() - dt.timedelta(hours=2)
    first, second, third = (
        ArticleFactory(category=category, published_at=moment) for _ in range(3)
    )
    previous, following = neighbours(client, second)
    assert (previous.pk, following.pk) == (first.pk, third.pk)


def test_a_lone_article_has_no_neighbours_and_no_nav(client):
    article = ArticleFactory()
    response = client.get(article.get_absolute_url())
    assert response.context["previous_article"] is None
    assert response.context["next_article"] is None
    assert b'class="article-nav"' not in response.content


def test_previous_and_next_links_are_rendered(client, timeline):
    html = client.get(timeline[2].get_absolute_url()).content.decode()
    nav = html[html.index('<nav class="article-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert f'href="{timeline[1].get_absolute_url()}" rel="prev"' in nav
    assert f'href="{timeline[3].get_absolute_url()}" rel="next"' in nav
    assert timeline[1].title in nav and timeline[3].title in nav


def test_staff_preview_of_a_draft_shows_published_neighbours(client, timeline):
    from tests.factories import StaffFactory

    draft = ArticleFactory(
        category=timeline[0].category, draft=True, published_at=timeline[1].published_at
    )
    client.force_login(StaffFactory())
    previous, following = neighbours(client, draft)
    assert previous.pk == timeline[1].pk
    assert following.pk == timeline[2].pk


@pytest.mark.parametrize("articles", [1, 50])
@pytest.mark.parametrize("photos", [0, 10])
def test_detail_query_ceiling_holds_with_prev_next(
    client, django_assert_max_num_queries, articles, photos
):
    category = CategoryFactory()
    others = ArticleFactory.create_batch(articles - 1, category=category)
    article = ArticleFactory(category=category, with_cover=True)
    PhotoFactory.create_batch(photos, article=article)
    # Fills the site-wide caches (menu, site settings, the sidebar's latest) and the category's
    # newest (portal.pagecache.memo), as on a live site; the page cache is off in tests.
    client.get(reverse("news:article-list"))
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(4):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert response.content.count(b'class="figure"') == photos + 1
    assert (response.context["previous_article"] is not None) == bool(others)


def test_an_article_older_than_the_category_window_asks_for_its_neighbours(
    client, django_assert_max_num_queries
):
    category = CategoryFactory()
    start = timezone.now() - dt.timedelta(days=100)
    count = CATEGORY_WINDOW + 3
    articles = [
        ArticleFactory(category=category, published_at=start + dt.timedelta(hours=n))
        for n in range(count)
    ]
    client.get(articles[-1].get_absolute_url())  # the category's newest, now in memory
    for index in (0, 1, 2, 3, count - CATEGORY_WINDOW, count - 1):
        with django_assert_max_num_queries(4):
            previous, following = neighbours(client, articles[index])
        assert getattr(previous, "pk", None) == (articles[index - 1].pk if index else None)
        assert getattr(following, "pk", None) == (
            articles[index + 1].pk if index < count - 1 else None
        )


def test_a_new_article_is_a_neighbour_and_related_at_once(client, timeline):
    """The category's newest are kept per state of the content: a publication changes it."""
    newest = timeline[-1]
    assert neighbours(client, newest)[1] is None
    later = ArticleFactory(category=newest.category, title="Bài mới vừa đăng")
    response = client.get(newest.get_absolute_url())
    assert response.context["next_article"].pk == later.pk
    assert later.pk in [other.pk for other in response.context["related_articles"]]


def test_breadcrumbs_home_category_article(client):
    article = ArticleFactory(title="Đại hội Công đoàn ngành Y tế nhiệm kỳ mới")
    html = client.get(article.get_absolute_url()).content.decode()
    crumbs = html[html.index('<nav class="breadcrumbs"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    items = re.findall(r"<li>(.*?)</li>", crumbs, re.S)
    assert len(items) == 3
    assert f'href="{reverse("news:home")}"' in items[0] and "Trang chủ" in items[0]
    assert f'href="{article.category.get_absolute_url()}"' in items[1]
    assert article.category.name in items[1]
    assert 'aria-current="page"' in items[2] and article.title in items[2]


def test_menu_is_a_details_element_listing_every_category(client):
    categories = CategoryFactory.create_batch(3)
    html = client.get(categories[1].get_absolute_url()).content.decode()
    menu = html[html.index('<nav class="site-nav"') :]
    menu = menu[: menu.index("</nav>")]
    assert "<details" in menu and "<summary" in menu
    for category in categories:
        assert f'href="{category.get_absolute_url()}"' in menu
    current = f'href="{categories[1].get_absolute_url()}" aria-current="page"'
    assert current in menu


def test_pagination_is_numbered_and_bad_pages_are_404(client):
    ArticleFactory.create_batch(25)
    html = client.get(reverse("news:article-list")).content.decode()
    assert '<span aria-current="page">1</span>' in html
    assert 'href="?page=2"' in html and 'href="?page=3"' in html
    assert client.get(reverse("news:article-list") + "?page=3").status_code == 200
    for bad in ("abc", "99", "-1"):
        assert client.get(reverse("news:article-list") + f"?page={bad}").status_code == 404


def test_share_links_carry_the_absolute_article_url_and_no_third_party_script(client):
    article = ArticleFactory(title="Chia sẻ bài viết về nhà ở xã hội cho công nhân")
    html = client.get(article.get_absolute_url() + "?utm_source=thu").content.decode()
    absolute = "http://testserver" + article.get_absolute_url()

    facebook = re.search(r'href="(https://www\.facebook\.com/sharer/sharer\.php\?[^"]+)"', html)
    query = parse_qs(urlsplit(facebook.group(1).replace("&amp;", "&")).query)
    assert query["u"] == [absolute]

    zalo = re.search(r'href="(https://button-share\.zalo\.me/share_external\?[^"]+)"', html)
    query = parse_qs(urlsplit(zalo.group(1).replace("&amp;", "&")).query)
    assert json.loads(base64.b64decode(query["d"][0])) == {"url": absolute}

    for link in (facebook, zalo):
        tag = html[html.rindex("<a", 0, link.start()) : html.index(">", link.end())]
        assert 'target="_blank"' in tag and 'rel="noopener noreferrer"' in tag
    # Copy and print need JavaScript: hidden until site.js shows them.
    assert re.search(rf'<button [^>]*data-copy-link="{re.escape(absolute)}" hidden>', html)
    assert re.search(r"<button [^>]*data-print hidden>In bài viết</button>", html)
    assert re.search(r'role="status" data-share-status', html)
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert scripts, "site.js is loaded"
    for attributes in scripts:
        source = re.search(r'src="([^"]+)"', attributes)
        if source:
            assert source.group(1).startswith("/static/"), attributes
            assert "defer" in attributes
        else:
            assert 'type="application/ld+json"' in attributes


def test_print_line_has_the_article_url(client):
    article = ArticleFactory()
    html = client.get(article.get_absolute_url() + "?page=2").content.decode()
    line = re.search(r'<p class="print-only[^"]*">(.*?)</p>', html, re.S).group(1)
    assert "http://testserver" + article.get_absolute_url() in line
    assert "?page" not in line
