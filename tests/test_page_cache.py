"""The anonymous page cache (portal/pagecache): every public page, right at every boundary."""

import datetime as dt
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from news import workflow
from news.models import Article
from portal.pagecache import generation, schedule
from tests.factories import (
    AlbumFactory,
    AlbumPictureFactory,
    ArticleFactory,
    ContentAdminFactory,
    DocumentFactory,
    PhotoFactory,
    QuestionFactory,
    VideoFactory,
)
from tests.pages import build_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def reader():
    return Client()


def text(response):
    return response.content.decode()


def cached(url, django_assert_num_queries):
    """The page from a new reader once it is cached: no query, and what readers got before."""
    first = reader().get(url)
    assert first.status_code == 200, url
    assert first["X-Page-Cache"] == "miss", url
    with django_assert_num_queries(0):
        again = reader().get(url)
    assert again["X-Page-Cache"] == "hit", url
    assert again.content == first.content
    return again


def every_page():
    site = build_site()
    album = AlbumFactory()
    AlbumPictureFactory(album=album)
    video = VideoFactory()
    document = DocumentFactory()
    answer = QuestionFactory(published=True)
    return site, {
        "home": "/",
        "list": "/tin-tuc/",
        "list page 2": "/tin-tuc/?page=2",
        "category": site["categories"][0].get_absolute_url(),
        "article": site["main"].get_absolute_url(),
        "unit": site["main"].author_unit.get_absolute_url(),
        "search": "/tim-kiem/?q=mai+am",
        "rss": "/rss/",
        "category rss": f"/rss/{site['categories'][0].slug}/",
        "sitemap": "/sitemap.xml",
        "robots": "/robots.txt",
        "documents": "/van-ban/",
        "document": document.get_absolute_url(),
        "questions": "/hoi-dap/",
        "topic": answer.topic.get_absolute_url(),
        "answer": answer.get_absolute_url(),
        "answers rss": "/hoi-dap/rss/",
        "albums": "/thu-vien-anh/",
        "album": album.get_absolute_url(),
        "videos": "/video/",
        "video": video.get_absolute_url(),
    }


def test_every_public_page_is_served_from_the_cache_with_no_query(django_assert_num_queries):
    _, pages = every_page()
    for url in pages.values():
        cached(url, django_assert_num_queries)


def test_a_second_request_with_the_etag_gets_a_304(django_assert_num_queries):
    article = ArticleFactory()
    url = article.get_absolute_url()
    first = reader().get(url)
    etag = first["ETag"]
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=1, must-revalidate"
    with django_assert_num_queries(0):
        again = reader().get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    # After a change the old ETag gets the new page.
    article.title = "Tiêu đề mới sau khi sửa"
    article.save()
    changed = reader().get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Tiêu đề mới sau khi sửa" in text(changed)


def test_a_304_also_comes_from_the_page_just_made():
    url = ArticleFactory().get_absolute_url()
    etag = reader().get(url)["ETag"]
    cache.clear()  # the same bytes made again
    assert reader().get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def listed_everywhere(article):
    category_url = article.category.get_absolute_url()
    return [
        ("/", article.title),
        ("/tin-tuc/", article.title),
        (category_url, article.title),
        ("/rss/", article.title),
        # The sitemap page of this month (the index at /sitemap.xml names it).
        (f"/sitemap-articles-{timezone.localdate():%Y-%m}.xml", article.get_absolute_url()),
    ]


def fill(urls):
    for url in urls:
        reader().get(url)
        assert reader().get(url)["X-Page-Cache"] == "hit"


def test_a_publication_shows_at_once_everywhere():
    editor = ContentAdminFactory()
    ArticleFactory()  # something on the pages before
    draft = ArticleFactory(draft=True, title="Bài mới được duyệt đăng")
    places = listed_everywhere(draft)
    fill(url for url, _ in places)
    workflow.transition(draft, "publish", by=editor)
    for url, expected in places:
        assert expected in text(reader().get(url)), url
    assert reader().get(draft.get_absolute_url()).status_code == 200


def test_an_edit_shows_at_once_on_the_article_and_the_lists():
    article = ArticleFactory(title="Tiêu đề cũ của bài")
    urls = ["/", "/tin-tuc/", article.get_absolute_url(), "/rss/"]
    fill(urls)
    article.title = "Tiêu đề đã sửa của bài"
    article.save()
    for url in urls:
        page = text(reader().get(url))
        assert "Tiêu đề đã sửa của bài" in page and "Tiêu đề cũ của bài" not in page, url


def test_a_take_down_shows_at_once():
    editor = ContentAdminFactory()
    article = ArticleFactory(title="Bài sẽ bị gỡ xuống")
    places = listed_everywhere(article)
    fill([*(url for url, _ in places), article.get_absolute_url()])
    workflow.transition(article, "withdraw", by=editor, comment="Thông tin cần kiểm tra lại")
    assert reader().get(article.get_absolute_url()).status_code == 404
    for url, expected in places:
        assert expected not in text(reader().get(url)), url


def test_a_scheduled_article_appears_at_its_time_with_nothing_saved():
    ArticleFactory()
    due = timezone.now() + dt.timedelta(seconds=4)
    article = ArticleFactory(title="Bài hẹn giờ đăng", published_at=due)
    fill(["/", "/tin-tuc/"])
    assert "Bài hẹn giờ đăng" not in text(reader().get("/"))
    assert schedule.next_change(generation.current()) == due
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 1.1)
    assert "Bài hẹn giờ đăng" in text(reader().get("/"))
    assert "Bài hẹn giờ đăng" in text(reader().get("/tin-tuc/"))
    assert reader().get(article.get_absolute_url()).status_code == 200


def test_an_article_disappears_at_its_end_time_with_nothing_saved():
    ends = timezone.now() + dt.timedelta(seconds=4)
    article = ArticleFactory(title="Bài thôi hiển thị", expires_at=ends)
    fill(["/", article.get_absolute_url()])
    time.sleep(max(0, (ends - timezone.now()).total_seconds()) + 1.1)
    assert "Bài thôi hiển thị" not in text(reader().get("/"))
    assert reader().get(article.get_absolute_url()).status_code == 404


def test_no_page_outlives_local_midnight():
    now = timezone.now()
    until = schedule.next_change(generation.current())
    assert until == schedule.next_midnight(now)
    assert timezone.localtime(until).time() == dt.time(0, 0)
    assert dt.timedelta(0) < until - now <= dt.timedelta(days=1)


def test_a_renamed_category_shows_at_once():
    article = ArticleFactory()
    category = article.category
    urls = ["/", "/tin-tuc/", article.get_absolute_url(), category.get_absolute_url()]
    fill(urls)
    category.name = "Chuyên mục đổi tên"
    category.save()
    for url in urls:
        assert "Chuyên mục đổi tên" in text(reader().get(url)), url


def test_a_changed_photo_caption_shows_at_once():
    article = ArticleFactory()
    photo = PhotoFactory(article=article)
    url = article.get_absolute_url()
    fill([url])
    photo.caption = "Chú thích ảnh đã sửa lại"
    photo.save()
    assert "Chú thích ảnh đã sửa lại" in text(reader().get(url))


def test_a_site_settings_change_shows_at_once():
    from portal.sitesettings.models import SiteSettings

    fill(["/", "/van-ban/"])
    row = SiteSettings.get_solo()
    row.hotline = "0909 111 222"
    row.save()
    for url in ["/", "/van-ban/"]:
        assert "0909 111 222" in text(reader().get(url)), url


def test_other_sections_change_at_once():
    document = DocumentFactory(summary="Trích yếu trước khi sửa")
    album = AlbumFactory(title="Album trước khi sửa")
    answer = QuestionFactory(published=True, title="Câu hỏi trước khi sửa")
    urls = [document.get_absolute_url(), album.get_absolute_url(), answer.get_absolute_url()]
    fill(urls)
    document.summary, album.title, answer.title = "Trích yếu mới", "Album mới", "Câu hỏi mới"
    for row in (document, album, answer):
        row.save()
    for url, expected in zip(urls, ["Trích yếu mới", "Album mới", "Câu hỏi mới"], strict=True):
        assert expected in text(reader().get(url)), url


def test_staff_never_get_a_readers_cached_page_and_readers_never_get_a_staff_page(
    django_assert_max_num_queries,
):
    article = ArticleFactory()
    url = article.get_absolute_url()
    staff = Client()
    staff.force_login(ContentAdminFactory())
    # Staff first: not kept for readers.
    assert "X-Page-Cache" not in staff.get(url)
    assert reader().get(url)["X-Page-Cache"] == "miss"
    # Readers' copy now cached: staff still get their own, made for them.
    assert reader().get(url)["X-Page-Cache"] == "hit"
    mine = staff.get(url)
    assert "X-Page-Cache" not in mine


def test_a_staff_preview_is_never_kept():
    draft = ArticleFactory(draft=True, title="Bản nháp chỉ cán bộ xem")
    staff = Client()
    staff.force_login(ContentAdminFactory())
    assert staff.get(draft.get_absolute_url()).status_code == 200
    assert reader().get(draft.get_absolute_url()).status_code == 404


def test_answers_that_set_a_cookie_or_say_private_are_never_kept():
    form = reader().get("/hoi-dap/gui-cau-hoi/")
    assert form.status_code == 200
    assert "X-Page-Cache" not in form
    assert "X-Page-Cache" not in reader().get("/hoi-dap/gui-cau-hoi/")


def test_the_admin_and_posts_are_never_cached():
    article = ArticleFactory()
    assert "X-Page-Cache" not in reader().get("/admin/login/")
    assert "X-Page-Cache" not in reader().post(f"/luot-xem/{article.pk}/")


def test_search_is_kept_briefly(settings, monkeypatch):
    stored = []
    real_set = cache.set
    monkeypatch.setattr(
        cache,
        "set",
        lambda key, value, timeout=None: (stored.append(timeout), real_set(key, value, timeout)),
    )
    reader().get("/tim-kiem/?q=cong+doan")
    assert stored and stored[-1] <= settings.PAGE_CACHE_SEARCH_SECONDS
    stored.clear()
    reader().get("/tin-tuc/")
    assert stored[-1] > settings.PAGE_CACHE_SEARCH_SECONDS


def test_the_bulk_import_shows_at_once():
    import json

    from news.importing import import_articles

    ArticleFactory()
    fill(["/tin-tuc/"])
    line = {
        "title": "Bài nạp hàng loạt", "summary": "Tóm tắt.", "body": "<p>Nội dung.</p>",
        "category": "Tin nạp", "published_at": timezone.now().isoformat(),
    }  # fmt: skip
    import_articles([json.dumps(line, ensure_ascii=False)])
    assert "Bài nạp hàng loạt" in text(reader().get("/tin-tuc/"))


def test_a_lost_generation_starts_a_new_one():
    before = generation.current()
    cache.delete(generation.KEY)
    assert generation.current() != before


def test_the_generation_outlives_the_caches_default_timeout(monkeypatch):
    before = generation.current()
    later = time.time() + 3600
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: later)
    assert generation.current() == before


def test_off_when_the_setting_is_zero(settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = ArticleFactory().get_absolute_url()
    reader().get(url)
    assert "X-Page-Cache" not in reader().get(url)
    assert Article.objects.count() == 1


def test_a_worker_serves_its_latest_pages_from_its_own_memory(monkeypatch):
    """A hit reads the generation from the shared cache, and the page from memory."""
    from portal.pagecache import middleware

    url = ArticleFactory(title="Bài đọc nhiều").get_absolute_url()
    first = reader().get(url)
    asked = []
    real_get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: asked.append(key) or real_get(key))
    again = reader().get(url)
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert asked == [generation.KEY]

    # Another worker (its memory empty) finds the page in the shared cache.
    middleware._in_memory.clear()
    asked.clear()
    assert reader().get(url)["X-Page-Cache"] == "hit"
    assert len(asked) == 2 and "Bài đọc nhiều" in text(reader().get(url))


def test_a_page_in_memory_ends_with_its_lifetime(monkeypatch):
    from portal.pagecache import middleware

    url = ArticleFactory().get_absolute_url()
    reader().get(url)
    assert reader().get(url)["X-Page-Cache"] == "hit"
    later = time.time() + 301  # PAGE_CACHE_SECONDS = 300
    monkeypatch.setattr(middleware.time, "time", lambda: later)
    cache.delete_many([key for key in middleware._in_memory])  # the shared copy expired too
    assert reader().get(url)["X-Page-Cache"] == "miss"


def test_a_request_reads_the_generation_once(settings, monkeypatch):
    """The page's key and every shared block (memo.py) share one read per request."""
    settings.PAGE_CACHE_SECONDS = 0
    article = ArticleFactory()
    PhotoFactory(article=article)
    reader().get(article.get_absolute_url())
    asked = []
    real_get = cache.get
    monkeypatch.setattr(cache, "get", lambda key, *a, **k: asked.append(key) or real_get(key))
    assert reader().get(article.get_absolute_url()).status_code == 200
    assert asked.count(generation.KEY) == 1


def test_what_workers_keep_follows_every_change_and_the_schedule(monkeypatch):
    from portal.pagecache import memo

    calls = []

    def compute():
        calls.append(None)
        return len(calls)

    assert memo.shared("test", compute) == memo.shared("test", compute) == 1
    ArticleFactory()  # any change to what readers see
    assert memo.shared("test", compute) == 2
    due = timezone.now() + dt.timedelta(hours=1)
    ArticleFactory(published_at=due)
    assert memo.shared("test", compute) == memo.shared("test", compute) == 3
    monkeypatch.setattr(memo.timezone, "now", lambda: due + dt.timedelta(seconds=1))
    assert memo.shared("test", compute) == 4  # the scheduled article is out: computed again

    # What changes without a save (counts) is kept no longer than it asks.
    assert memo.shared("counts", compute, seconds=60) == memo.shared("counts", compute) == 5
    later = due + dt.timedelta(seconds=62)
    monkeypatch.setattr(memo.timezone, "now", lambda: later)
    assert memo.shared("counts", compute, seconds=60) == 6
