"""Readers counted in Chromium, with the article page served from a page cache."""

import time

import pytest

from news.models import Article
from portal.mostread import counter
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


@pytest.fixture(autouse=True)
def _empty_batch():
    counter._take()
    yield
    counter._take()


def counted(article, expected, timeout=5.0):
    """The pending views of ``article`` once the beacons have arrived (they are asynchronous)."""
    deadline = time.monotonic() + timeout
    while True:
        views = sum(n for (pk, _), n in counter.pending().items() if pk == article.pk)
        if views >= expected or time.monotonic() > deadline:
            return views
        time.sleep(0.05)


def reader(browser, agent=DESKTOP):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", user_agent=agent)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def test_readers_are_counted_behind_a_page_cache(browser, live_server, settings):
    settings.ROOT_URLCONF = "tests.urls_page_cache"
    article = ArticleFactory(title="Người lao động được hỗ trợ tiền thuê nhà")
    url = live_server.url + article.get_absolute_url()

    first, page = reader(browser)
    page.goto(url)
    assert counted(article, 1) == 1
    # Reading again in the same tab is the same reader.
    page.reload()
    page.wait_for_load_state("load")
    time.sleep(0.3)
    assert counted(article, 2, timeout=0.5) == 1

    # Changed behind the cache's back: a second reader gets the cached page, and still counts.
    Article.objects.filter(pk=article.pk).update(title="Tiêu đề chưa tới bộ nhớ đệm")
    second, page = reader(browser)
    page.goto(url)
    assert page.locator("h1").inner_text() == "Người lao động được hỗ trợ tiền thuê nhà"
    assert counted(article, 2) == 2
    first.close()
    second.close()

    counter.flush()
    assert article.daily_views.get().count == 2


def test_a_headless_robot_is_not_counted(browser, live_server):
    article = ArticleFactory()
    context = browser.new_context(locale="vi-VN")  # HeadlessChrome in its user agent
    page = context.new_page()
    with page.expect_response(lambda response: "/luot-xem/" in response.url) as answer:
        page.goto(live_server.url + article.get_absolute_url())
    assert answer.value.status == 204
    assert counted(article, 1, timeout=0.5) == 0
    context.close()
