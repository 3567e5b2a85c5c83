import datetime as dt
import time
from html.parser import HTMLParser

import feedparser
import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from portal.sitesettings.models import current as site_settings
from tests.factories import ArticleFactory, CategoryFactory

FEED = reverse("news:feed")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed


@pytest.fixture
def published(db):
    labour = CategoryFactory(name="Lao động – Việc làm", slug="lao-dong-viec-lam")
    return ArticleFactory(
        title="Hội chợ việc làm “Tháng Công nhân” & phiên giao dịch <trực tuyến>",
        summary="Hơn 40 doanh nghiệp tuyển dụng 2.000 lao động tại hội chợ.",
        author_name="Thúy Quyên",
        author_unit="CĐ Khu kinh tế",
        category=labour,
        published_at=timezone.now() - dt.timedelta(hours=3),
        with_cover=True,
    )


def test_latest_feed_is_valid_rss_with_every_field(client, published):
    feed = parse(client.get(FEED))
    assert feed.feed.title == "Cổng thông tin Liên đoàn Lao động tỉnh"
    assert feed.feed.link == "http://testserver/"
    assert feed.feed.language == "vi"
    [entry] = feed.entries
    assert entry.title == published.title
    assert entry.link == f"http://testserver{published.get_absolute_url()}"
    assert entry.summary == published.summary
    assert entry.author == "Thúy Quyên - CĐ Khu kinh tế"
    expected = timezone.localtime(published.published_at).replace(microsecond=0)
    assert time.mktime(entry.published_parsed) - time.timezone == expected.timestamp()
    assert entry.published.endswith("+0700")
    assert [tag.term for tag in entry.tags] == ["Lao động – Việc làm"]
    [enclosure] = entry.enclosures
    assert enclosure.href == f"http://testserver{published.cover.url}"
    assert int(enclosure.length) == published.cover.size > 0
    assert enclosure.type == "image/jpeg"
    assert default_storage.exists(published.cover.name)


def test_feed_lists_the_20_latest_published_articles_newest_first(client, db):
    now = timezone.now()
    articles = [ArticleFactory(published_at=now - dt.timedelta(minutes=n)) for n in range(1, 26)]
    ArticleFactory(title="Bản nháp chưa duyệt", draft=True)
    ArticleFactory(title="Bài hẹn giờ ngày mai", scheduled=True)
    feed = parse(client.get(FEED))
    assert [entry.title for entry in feed.entries] == [a.title for a in articles[:20]]


def test_drafts_and_scheduled_articles_are_not_in_any_feed(client, db):
    category = CategoryFactory()
    ArticleFactory(title="Bản nháp chưa duyệt", category=category, draft=True)
    ArticleFactory(title="Bài hẹn giờ ngày mai", category=category, scheduled=True)
    visible = ArticleFactory(title="Bài đã đăng", category=category)
    for url in (FEED, reverse("news:category-feed", args=[category.slug])):
        assert [entry.title for entry in parse(client.get(url)).entries] == [visible.title]


def test_article_without_cover_has_no_enclosure(client, db):
    ArticleFactory()
    [entry] = parse(client.get(FEED)).entries
    assert entry.enclosures == []


def test_category_feed_holds_only_its_category(client, published):
    other = ArticleFactory(title="Tin thể thao công nhân")
    url = reverse("news:category-feed", args=[published.category.slug])
    feed = parse(client.get(url))
    assert feed.feed.title == "Lao động – Việc làm | Cổng thông tin Liên đoàn Lao động tỉnh"
    assert feed.feed.link == f"http://testserver{published.category.get_absolute_url()}"
    assert [entry.title for entry in feed.entries] == [published.title]
    other_feed = parse(client.get(reverse("news:category-feed", args=[other.category.slug])))
    assert [entry.title for entry in other_feed.entries] == [other.title]


def test_unknown_category_feed_is_404(client, db):
    assert client.get("/rss/khong-co-chuyen-muc-nay/").status_code == 404


def test_feed_is_one_query(client, django_assert_num_queries, db):
    for _ in range(5):
        ArticleFactory(with_cover=True)
    site_settings()  # the feed's title: cached site-wide, read once for every page
    with django_assert_num_queries(1):
        feed = parse(client.get(FEED))
    assert len(feed.entries) == 5


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "link":
            self.links.append(dict(attrs))


def feed_links(client, url):
    parser = LinkCollector()
    parser.feed(client.get(url).content.decode())
    return [
        (link["href"], link["title"])
        for link in parser.links
        if link.get("rel") == "alternate" and link.get("type") == "application/rss+xml"
    ]


SITE_FEED = (FEED, "Cổng thông tin Liên đoàn Lao động tỉnh – tin mới")


def test_every_page_announces_the_feed(client, published):
    pages = [
        "/",
        reverse("news:article-list"),
        published.get_absolute_url(),
        reverse("news:search") + "?q=viec+lam",
        "/khong-co-trang-nay/",
    ]
    for url in pages:
        assert feed_links(client, url) == [SITE_FEED], url


def test_category_page_also_announces_its_own_feed(client, published):
    category_feed = reverse("news:category-feed", args=[published.category.slug])
    assert feed_links(client, published.category.get_absolute_url()) == [
        SITE_FEED,
        (category_feed, "Lao động – Việc làm – tin mới"),
    ]
