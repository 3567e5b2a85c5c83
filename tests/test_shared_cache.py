"""Redis as the cache of several app servers: every cache use of the portal on a real redis-server.

"Another server" is a second RedisCache connection to the same Redis (override_settings builds new
connections), so what one server writes or clears must be what the other reads.
"""

import json

import pytest
import redis
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache, caches
from django.test import Client, RequestFactory, override_settings

from news import autosave
from news.context_processors import menu_categories
from portal.documents import cached as documents_cached
from portal.mostread import blocks as mostread_blocks
from portal.mostread.readers import is_reader
from portal.questions import cache as questions_cache
from portal.sitesettings.models import SiteSettings, current
from tests.factories import ArticleFactory, CategoryFactory, StaffFactory
from tests.servers import redis_url  # noqa: F401  (fixture)
from tests.test_security_deploy import PRODUCTION_ENV, run

# Files, storage or servers, not the database: `make test` runs it on SQLite only (conftest).
DATABASE_INDEPENDENT = True

pytestmark = pytest.mark.django_db


def redis_caches(url):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal",
        }
    }


@pytest.fixture
def on_redis(redis_url):  # noqa: F811
    """This test's server uses Redis; ``on_redis()`` is another server on the same Redis."""
    redis.Redis.from_url(redis_url).flushdb()
    with override_settings(CACHES=redis_caches(redis_url)):
        yield lambda: override_settings(CACHES=redis_caches(redis_url))
    redis.Redis.from_url(redis_url).flushdb()


@pytest.fixture
def raw(redis_url):  # noqa: F811
    return redis.Redis.from_url(redis_url)


def test_the_cache_is_redis_and_shared(on_redis, raw):
    assert type(caches["default"]).__name__ == "RedisCache"
    cache.set("shared:greeting", "Xin chào", 60)
    first = caches["default"]
    with on_redis():
        assert caches["default"] is not first
        assert cache.get("shared:greeting") == "Xin chào"
    assert raw.exists(":1:".join(["portal", "shared:greeting"]))


def test_a_site_settings_change_is_seen_at_once_by_another_server(
    on_redis, client, django_assert_num_queries
):
    before = current().portal_name
    with django_assert_num_queries(0):  # warm, read from Redis
        current()
    with on_redis():
        row = SiteSettings.get_solo()
        row.portal_name = "Cổng điện tử Công đoàn tỉnh thử nghiệm"
        row.save()
    assert before != current().portal_name == "Cổng điện tử Công đoàn tỉnh thử nghiệm"
    assert "Cổng điện tử Công đoàn tỉnh thử nghiệm" in client.get("/").content.decode()


def test_a_category_renamed_on_one_server_changes_the_menu_of_the_other(on_redis):
    category = CategoryFactory(name="Tin cơ sở")
    assert [c.name for c in menu_categories()] == ["Tin cơ sở"]
    with on_redis():
        category.name = "Tin từ cơ sở"
        category.save()
    assert [c.name for c in menu_categories()] == ["Tin từ cơ sở"]


def test_sidebar_blocks_are_read_from_redis_when_warm(on_redis, django_assert_num_queries):
    ArticleFactory()
    warm = [
        menu_categories,
        questions_cache.topics,
        questions_cache.recent_answers,
        documents_cached.facets,
        documents_cached.recent,
        mostread_blocks.most_read_this_week,
    ]
    for block in warm:
        block()
    with on_redis():  # the other server finds them made
        with django_assert_num_queries(0):
            for block in warm:
                block()


def test_the_most_read_cap_counts_across_servers(on_redis, raw, settings):
    settings.MOSTREAD_CAP_PER_HOUR = 3
    request = RequestFactory().post(
        "/", HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
    )
    seen = []
    for turn in range(5):
        if turn % 2:
            with on_redis():
                seen.append(is_reader(request, 7))
        else:
            seen.append(is_reader(request, 7))
    assert seen == [True, True, True, False, False]
    (key,) = raw.keys("portal:1:mostread:cap:*:7")
    assert int(raw.get(key)) == 5
    assert 3500 < raw.ttl(key) <= 3600


def test_presence_in_the_article_form_is_seen_by_another_server(on_redis):
    writer = StaffFactory(full_name="Lê Thu Hà")
    other = StaffFactory(full_name="Phạm Quốc Bảo")
    assert autosave.here(writer, 42) == []
    with on_redis():
        (line,) = autosave.others(other, 42)
    assert "Lê Thu Hà" in line


# Sessions: cached_db (production.py with DJANGO_REDIS_URL) reads from Redis, writes through to
# the database.
@override_settings(SESSION_ENGINE="django.contrib.sessions.backends.cached_db")
def test_a_session_made_on_one_server_is_read_on_another(on_redis, raw):
    editor = StaffFactory()
    signed_in = Client()
    signed_in.force_login(editor)
    cookie = signed_in.cookies[settings.SESSION_COOKIE_NAME].value
    assert raw.keys("portal:1:django.contrib.sessions.cached_db*")
    with on_redis():
        other = Client()
        other.cookies[settings.SESSION_COOKIE_NAME] = cookie
        assert other.session[SESSION_KEY] == str(editor.pk)
        assert other.get("/admin/").status_code == 200
    # A Redis restart signs nobody out: the database still has the session.
    raw.flushdb()
    with on_redis():
        other = Client()
        other.cookies[settings.SESSION_COOKIE_NAME] = cookie
        assert other.get("/admin/").status_code == 200


def production(**extra):
    """The production settings' cache, sessions, media storage and CSP with ``extra`` variables."""
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.CACHES['default']['BACKEND'], s.SESSION_ENGINE, "
        "s.STORAGES['default']['BACKEND'], s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]))"
    )
    saved = dict(PRODUCTION_ENV)
    PRODUCTION_ENV.update(extra)
    try:
        result = run("-c", script)
    finally:
        PRODUCTION_ENV.clear()
        PRODUCTION_ENV.update(saved)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_keeps_one_host_defaults_without_the_variables():
    assert production() == [
        "django.core.cache.backends.filebased.FileBasedCache",
        "django.contrib.sessions.backends.db",
        "django.core.files.storage.FileSystemStorage",
        ["'self'"],
    ]


def test_production_shares_cache_sessions_and_media_when_told():
    assert production(
        DJANGO_REDIS_URL="redis://redis.internal:6379/0",
        DJANGO_MEDIA_STORAGE="s3",
        DJANGO_S3_BUCKET="congdoan-media",
        DJANGO_S3_CUSTOM_DOMAIN="media.congdoan.example.gov.vn",
    ) == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db",
        "storages.backends.s3.S3Storage",
        ["'self'", "https://media.congdoan.example.gov.vn"],
    ]
