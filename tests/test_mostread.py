"""Tin đọc nhiều: the beacon, counting without a write per view, the weekly block, the admin."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from portal.mostread import blocks, counter
from portal.mostread.models import DailyViews
from tests.factories import ArticleFactory, ContentAdminFactory

pytestmark = pytest.mark.django_db

PHONE = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture(autouse=True)
def _empty_batch():
    counter._take()
    yield
    counter._take()


def beacon(article, ip="203.113.10.1", agent=PHONE, **headers):
    client = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=ip, enforce_csrf_checks=True)
    return client.post(reverse("mostread:beacon", args=[article.pk]), **headers)


def stored(article):
    return sum(DailyViews.objects.filter(article=article).values_list("count", flat=True))


def test_views_are_counted_in_memory_and_written_in_one_batch(django_assert_num_queries):
    article = ArticleFactory()
    for n in range(12):
        with django_assert_num_queries(0):
            response = beacon(article, ip=f"203.113.10.{n}")
        assert response.status_code == 204
        assert response["Cache-Control"].startswith("max-age=0")
    assert stored(article) == 0
    assert counter.pending() == {(article.pk, timezone.localdate()): 12}

    # Readable articles; an UPDATE that finds no row; the INSERT inside its savepoint (3).
    with django_assert_num_queries(5):
        assert counter.flush() == 12
    assert stored(article) == 12
    assert counter.pending() == {}


def test_a_second_batch_adds_to_the_day(django_assert_num_queries):
    article = ArticleFactory()
    beacon(article)
    counter.flush()
    beacon(article)
    beacon(article, ip="198.51.100.7")
    with django_assert_num_queries(2):  # readable articles, then one UPDATE … count + 2
        counter.flush()
    assert DailyViews.objects.get(article=article).count == 3


def test_the_batch_is_written_when_due(settings):
    settings.MOSTREAD_FLUSH_SECONDS = 0
    article = ArticleFactory()
    beacon(article)
    assert stored(article) == 1
    assert counter.pending() == {}


def test_the_batch_is_kept_when_the_database_fails(monkeypatch):
    article = ArticleFactory()
    beacon(article)

    def broken(*args, **kwargs):
        raise RuntimeError("database away")

    monkeypatch.setattr(counter, "_add", broken)
    with pytest.raises(RuntimeError):
        counter.flush()
    assert counter.pending() == {(article.pk, timezone.localdate()): 1}


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/131.0.0.0 Safari/537.36",
        "python-requests/2.32.3",
        "curl/8.5.0",
        "",
    ],
    ids=["google", "bing", "facebook", "headless", "requests", "curl", "none"],
)
def test_robots_are_not_readers(agent):
    article = ArticleFactory()
    assert beacon(article, agent=agent).status_code == 204
    assert counter.pending() == {}


def test_prefetches_and_other_sites_do_not_count():
    article = ArticleFactory()
    beacon(article, HTTP_SEC_PURPOSE="prefetch")
    beacon(article, HTTP_PURPOSE="prefetch")
    beacon(article, HTTP_SEC_FETCH_SITE="cross-site")
    beacon(article, HTTP_SEC_FETCH_SITE="same-site")
    assert counter.pending() == {}
    beacon(article, HTTP_SEC_FETCH_SITE="same-origin")
    assert counter.pending() == {(article.pk, timezone.localdate()): 1}


def test_one_address_counts_an_article_at_most_the_cap_an_hour(settings):
    settings.MOSTREAD_CAP_PER_HOUR = 3
    article, other = ArticleFactory(), ArticleFactory()
    for _ in range(10):
        beacon(article, ip="203.113.10.1")
    beacon(other, ip="203.113.10.1")
    beacon(article, ip="203.113.10.2")
    today = timezone.localdate()
    assert counter.pending() == {(article.pk, today): 4, (other.pk, today): 1}


def test_a_forged_forwarded_address_does_not_lift_the_cap(settings):
    settings.MOSTREAD_CAP_PER_HOUR = 2
    article = ArticleFactory()
    for n in range(6):
        beacon(article, ip="203.113.10.1", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert counter.pending() == {(article.pk, timezone.localdate()): 2}


def test_only_a_post_counts():
    article = ArticleFactory()
    client = Client(HTTP_USER_AGENT=PHONE)
    assert client.get(reverse("mostread:beacon", args=[article.pk])).status_code == 405
    assert counter.pending() == {}


@pytest.mark.parametrize("kind", ["draft", "scheduled", "expired", "trashed", "missing"])
def test_articles_the_public_cannot_read_are_never_stored(kind):
    now = timezone.now()
    readable = ArticleFactory()
    hidden = {
        "draft": lambda: ArticleFactory(draft=True),
        "scheduled": lambda: ArticleFactory(scheduled=True),
        "expired": lambda: ArticleFactory(expires_at=now - dt.timedelta(minutes=1)),
        "trashed": lambda: ArticleFactory(deleted_at=now),
        "missing": lambda: type("Gone", (), {"pk": 987654})(),
    }[kind]()
    beacon(readable)
    beacon(hidden)
    assert counter.flush() == 1
    assert list(DailyViews.objects.values_list("article_id", "count")) == [(readable.pk, 1)]


def test_the_article_page_carries_the_beacon_only_when_published(client, staff_client):
    article = ArticleFactory()
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'data-view-beacon="/luot-xem/{article.pk}/"' in html
    draft = ArticleFactory(draft=True)
    preview = staff_client.get(draft.get_absolute_url())
    assert preview.status_code == 200
    assert "data-view-beacon" not in preview.content.decode()


def test_the_page_is_the_same_for_every_reader_so_a_cache_can_keep_it(client):
    """Nothing per view is written into the page: a cached copy still counts through site.js."""
    article = ArticleFactory()
    first = client.get(article.get_absolute_url()).content
    beacon(article)
    counter.flush()
    assert Client().get(article.get_absolute_url()).content == first


# --- the weekly block ---------------------------------------------------------------------


def views(article, count, days_ago=0):
    DailyViews.objects.create(
        article=article, day=timezone.localdate() - dt.timedelta(days=days_ago), count=count
    )


def render_block():
    return Template("{% load mostread_tags %}{% most_read %}").render(Context())


def test_most_read_this_week_orders_by_views_of_the_last_seven_days():
    quiet = ArticleFactory(title="Hội thao công nhân lao động khu công nghiệp")
    busy = ArticleFactory(title="Tăng lương tối thiểu vùng từ đầu năm")
    old_hit = ArticleFactory(title="Tin cũ từng được đọc rất nhiều")
    views(quiet, 5)
    views(busy, 30, days_ago=1)
    views(busy, 12, days_ago=6)
    views(old_hit, 500, days_ago=7)
    assert [a.pk for a in blocks.most_read_this_week()] == [busy.pk, quiet.pk]
    html = render_block()
    assert "Đọc nhiều trong tuần" in html
    assert html.index(busy.title) < html.index(quiet.title)
    assert old_hit.title not in html


def test_the_block_costs_one_query_cold_and_none_warm(django_assert_num_queries):
    from portal.pagecache import generation, schedule

    for n in range(8):
        views(ArticleFactory(), n + 1)
    schedule.next_change(generation.current())  # shared by every page of the content's state
    with django_assert_num_queries(1):
        assert len(blocks.most_read_this_week()) == 5
    with django_assert_num_queries(0):
        render_block()


def test_the_block_is_empty_until_something_is_read():
    ArticleFactory()
    assert render_block().strip() == ""


def test_a_withdrawn_article_leaves_the_block_at_once():
    article = ArticleFactory(title="Bài sẽ bị gỡ khỏi trang")
    views(article, 9)
    assert article.title in render_block()
    article.status = Article.Status.WITHDRAWN
    article.save()
    assert article.title not in render_block()


def test_the_block_lives_no_longer_than_a_listed_article(settings):
    article = ArticleFactory(expires_at=timezone.now() + dt.timedelta(seconds=90))
    views(article, 3)
    listed = blocks.most_read_this_week()
    assert blocks._lifetime(listed) <= 90
    assert blocks._lifetime([]) == settings.MOSTREAD_BLOCK_SECONDS


def test_a_title_edit_shows_in_the_block_at_once():
    article = ArticleFactory(title="Tiêu đề trước khi sửa")
    views(article, 4)
    render_block()
    article.title = "Tiêu đề sau khi sửa"
    article.save()
    assert "Tiêu đề sau khi sửa" in render_block()


# --- the admin -----------------------------------------------------------------------------


def test_the_article_list_shows_views_per_article(client, django_assert_max_num_queries):
    read = ArticleFactory(title="Bài có nhiều người đọc")
    unread = ArticleFactory(title="Bài chưa ai đọc")
    views(read, 1200, days_ago=3)
    views(read, 34)
    client.force_login(ContentAdminFactory())
    url = reverse("admin:news_article_changelist")
    response = client.get(url)
    assert response.status_code == 200
    rows = {article.pk: article.total_views for article in response.context["cl"].result_list}
    assert rows == {read.pk: 1234, unread.pk: 0}
    html = response.content.decode()
    assert "Lượt xem" in html or "lượt xem" in html
    assert "1.234" in html
    columns = [
        getattr(column, "__name__", column) for column in response.context["cl"].list_display
    ]
    ordered = client.get(url, {"o": str(columns.index("views_column"))})
    assert [a.pk for a in ordered.context["cl"].result_list] == [unread.pk, read.pk]


def test_demo_views_fill_the_block_once():
    import io

    from portal.mostread import demo

    ArticleFactory(published_at=timezone.now() - dt.timedelta(days=20))
    ArticleFactory(draft=True)
    demo.load(io.StringIO())
    assert DailyViews.objects.count() == 7
    out = io.StringIO()
    demo.load(out)
    assert DailyViews.objects.count() == 7
    assert "0 ngày-bài" in out.getvalue()
    assert len(blocks.most_read_this_week()) == 1
