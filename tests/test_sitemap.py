import datetime as dt
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, CategoryFactory

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HOST = "http://testserver"


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }


@pytest.fixture
def site(db):
    now = timezone.now()
    labour = CategoryFactory(name="Lao động", slug="lao-dong")
    empty = CategoryFactory(name="Văn bản", slug="van-ban")
    published = ArticleFactory(category=labour, published_at=now - dt.timedelta(days=2))
    draft = ArticleFactory(category=labour, draft=True)
    scheduled = ArticleFactory(category=labour, scheduled=True)
    return {
        "labour": labour,
        "empty": empty,
        "published": published,
        "draft": draft,
        "scheduled": scheduled,
    }


def test_sitemap_lists_home_lists_categories_and_published_articles(client, site):
    entries = sitemap_entries(client)
    assert set(entries) == {
        f"{HOST}/",
        f"{HOST}{reverse('news:article-list')}",
        f"{HOST}{reverse('gallery:album-list')}",
        f"{HOST}{reverse('gallery:video-list')}",
        f"{HOST}/chuyen-muc/lao-dong/",
        f"{HOST}/chuyen-muc/van-ban/",
        f"{HOST}{site['published'].get_absolute_url()}",
    }


def test_sitemap_never_lists_drafts_or_scheduled_articles(client, site):
    content = client.get("/sitemap.xml").content.decode()
    assert site["draft"].slug not in content
    assert site["scheduled"].slug not in content


def test_article_lastmod_is_its_last_change(client, site):
    article = site["published"]
    lastmod = sitemap_entries(client)[f"{HOST}{article.get_absolute_url()}"]
    assert lastmod == f"{timezone.localdate(article.updated_at):%Y-%m-%d}"


def test_scheduled_article_edited_before_its_time_has_lastmod_of_its_publication(client, db):
    article = ArticleFactory(scheduled=True)
    publish_at = timezone.now() - dt.timedelta(seconds=5)
    type(article).objects.filter(pk=article.pk).update(
        published_at=publish_at, updated_at=publish_at - dt.timedelta(days=3)
    )
    lastmod = sitemap_entries(client)[f"{HOST}{article.get_absolute_url()}"]
    assert lastmod == f"{timezone.localdate(publish_at):%Y-%m-%d}"


def test_category_lastmod_is_its_newest_published_article(client, site):
    entries = sitemap_entries(client)
    newest = timezone.localdate(site["published"].published_at)
    assert entries[f"{HOST}/chuyen-muc/lao-dong/"] == f"{newest:%Y-%m-%d}"
    assert entries[f"{HOST}/chuyen-muc/van-ban/"] is None


def test_sitemap_query_count_does_not_grow_with_articles(client, django_assert_max_num_queries, db):
    for _ in range(30):
        ArticleFactory()
    # A count and a list for categories, articles, Q&A answers and documents, however many; one
    # query each for the gallery's albums and videos (with its two list pages).
    with django_assert_max_num_queries(10):
        assert len(sitemap_entries(client)) == 30 + 30 + 2 + 2


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /tim-kiem/" in lines
    assert f"Sitemap: {HOST}/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_robots_txt_uses_the_request_scheme_and_host(client, db):
    response = client.get("/robots.txt", secure=True, headers={"host": "localhost"})
    assert "Sitemap: https://localhost/sitemap.xml" in response.content.decode().splitlines()


class CanonicalParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.canonical, self.og_url = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        if tag == "meta" and attrs.get("property") == "og:url":
            self.og_url.append(attrs["content"])


def canonical(client, url, **params):
    response = client.get(url, params)
    assert response.status_code in (200, 404)
    parser = CanonicalParser()
    parser.feed(response.content.decode())
    assert len(parser.canonical) == 1, url
    assert parser.og_url == parser.canonical
    return parser.canonical[0]


def test_every_page_has_one_absolute_canonical_url(client, site):
    article = site["published"]
    assert canonical(client, "/") == f"{HOST}/"
    assert canonical(client, article.get_absolute_url()) == f"{HOST}{article.get_absolute_url()}"
    assert canonical(client, "/chuyen-muc/lao-dong/") == f"{HOST}/chuyen-muc/lao-dong/"
    assert canonical(client, "/tin-tuc/") == f"{HOST}/tin-tuc/"
    assert canonical(client, "/khong-co/") == f"{HOST}/khong-co/"


def test_canonical_drops_stray_parameters_and_keeps_page_from_two_on(client, db):
    for _ in range(13):
        ArticleFactory()
    assert canonical(client, "/tin-tuc/", page=1) == f"{HOST}/tin-tuc/"
    assert canonical(client, "/tin-tuc/", page=2) == f"{HOST}/tin-tuc/?page=2"
    assert canonical(client, "/tin-tuc/", utm_source="zalo") == f"{HOST}/tin-tuc/"
    assert canonical(client, "/", q="hoi nghi") == f"{HOST}/"


def test_search_canonical_keeps_the_query(client, db):
    for _ in range(13):
        ArticleFactory(title="Hội nghị người lao động")
    url = reverse("news:search")
    assert canonical(client, url, q="hội nghị") == f"{HOST}{url}?q=h%E1%BB%99i+ngh%E1%BB%8B"
    assert (
        canonical(client, url, q="hội nghị", page=2, ref="x")
        == f"{HOST}{url}?q=h%E1%BB%99i+ngh%E1%BB%8B&page=2"
    )
