import datetime as dt
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, CategoryFactory

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HOST = "http://testserver"


def fetch(client, url, tag):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}{tag}"
    return root


def section_urls(client):
    index = fetch(client, "/sitemap.xml", "sitemapindex")
    return [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]


def sitemap_entries(client):
    """Every URL of every page the index lists, with its lastmod."""
    entries = {}
    for section in section_urls(client):
        root = fetch(client, section.removeprefix(HOST), "urlset")
        for url in root.findall("sm:url", NS):
            entries[url.findtext("sm:loc", namespaces=NS)] = url.findtext(
                "sm:lastmod", namespaces=NS
            )
    return entries


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
    content = str(sitemap_entries(client))
    assert site["draft"].slug not in content
    assert site["scheduled"].slug not in content


def test_sitemap_index_has_a_page_per_month_of_articles_from_the_first_one(client, db):
    local = timezone.get_current_timezone()
    now = timezone.localtime()
    first = ArticleFactory(published_at=dt.datetime(2024, 11, 30, 23, 30, tzinfo=local))
    december = ArticleFactory(published_at=dt.datetime(2024, 12, 1, 0, 10, tzinfo=local))
    sections = section_urls(client)
    months = [url for url in sections if "/sitemap-articles-" in url]
    assert months[0] == f"{HOST}/sitemap-articles-2024-11.xml"
    assert months[-1] == f"{HOST}/sitemap-articles-{now.year}-{now.month:02d}.xml"
    assert len(months) == (now.year - 2024) * 12 + now.month - 11 + 1
    assert f"{HOST}/sitemap-pages.xml" in sections
    # Months are local (Asia/Ho_Chi_Minh): 23:30 on 30/11 is November, 00:10 on 1/12 December.
    november = fetch(client, "/sitemap-articles-2024-11.xml", "urlset")
    listed = [loc.text for loc in november.findall("sm:url/sm:loc", NS)]
    assert listed == [f"{HOST}{first.get_absolute_url()}"]
    assert december.slug in client.get("/sitemap-articles-2024-12.xml").content.decode()


@pytest.mark.parametrize(
    "section", ["articles-2024-13", "articles-24-01", "nothing", "articles-2024-1"]
)
def test_unknown_sitemap_page_is_404(client, db, section):
    assert client.get(f"/sitemap-{section}.xml").status_code == 404


def test_a_month_page_and_the_index_cost_the_same_whatever_the_number_of_articles(client, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(url):
        with CaptureQueriesContext(connection) as done:
            assert client.get(url).status_code == 200
        return len(done)

    when = timezone.now() - dt.timedelta(days=1)
    ArticleFactory(published_at=when)
    page = f"/sitemap-articles-{timezone.localtime(when):%Y-%m}.xml"
    assert queries(page) == 1
    index = queries("/sitemap.xml")
    ArticleFactory.create_batch(20, published_at=when)
    ArticleFactory(published_at=when - dt.timedelta(days=400))
    assert queries(page) == 1
    assert queries("/sitemap.xml") == index
    assert len(fetch(client, page, "urlset")) == 21


def test_sitemap_query_count_does_not_grow_with_articles(client, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    when = timezone.now() - dt.timedelta(hours=1)

    def read_all():
        with CaptureQueriesContext(connection) as done:
            entries = sitemap_entries(client)
        return len(entries), len(done)

    category = CategoryFactory()
    ArticleFactory.create_batch(3, published_at=when, category=category)
    few_entries, few_queries = read_all()
    ArticleFactory.create_batch(30, published_at=when, category=category)
    assert read_all() == (few_entries + 30, few_queries)


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
