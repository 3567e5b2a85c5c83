"""The sample nginx's micro-cache in a real nginx in front of Django: a second or two behind."""

import http.client
import time

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.factories import ArticleFactory, ContentAdminFactory
from tests.test_security_deploy import NGINX, error_pages_conf, free_port, running_nginx

# Files, storage or servers, not the database: `make test` runs it on SQLite only (conftest).
DATABASE_INDEPENDENT = True

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not NGINX, reason="no nginx binary (set NGINX_PATH to run this test)"),
]


def get(port, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def test_readers_pages_are_seconds_behind_at_most_and_staff_pass_through(
    tmp_path, live_server, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    article = ArticleFactory(title="Tiêu đề trước khi sửa")
    url = article.get_absolute_url()
    temp = tmp_path / "nginx"
    temp.mkdir()
    port, upstream = free_port(), int(live_server.url.rsplit(":", 1)[1])
    with running_nginx(temp, error_pages_conf(temp, port, upstream, tmp_path / "none"), port):
        status, headers, text = get(port, url)
        assert status == 200 and "Tiêu đề trước khi sửa" in text
        assert headers["X-Micro-Cache"] == "MISS"
        again = get(port, url)[1]
        assert again["X-Micro-Cache"] == "HIT"

        # A second later nginx asks Django again; Django answers 304 from its own cache.
        time.sleep(2.2)  # s-maxage=1, and nginx counts whole seconds
        status, headers, _ = get(port, url)
        assert status == 200 and headers["X-Micro-Cache"] == "REVALIDATED"

        article.title = "Tiêu đề sau khi sửa"
        article.save()
        time.sleep(2.2)  # s-maxage=1, and nginx counts whole seconds
        status, headers, text = get(port, url)
        assert "Tiêu đề sau khi sửa" in text and "Tiêu đề trước khi sửa" not in text

        # Staff (a session cookie): past nginx's cache and Django's, their own page.
        staff = Client()
        staff.force_login(ContentAdminFactory())
        cookie = f"sessionid={staff.cookies[django_settings.SESSION_COOKIE_NAME].value}"
        status, headers, _ = get(port, url, Cookie=cookie)
        assert status == 200
        assert headers["X-Micro-Cache"] == "BYPASS"
        assert "X-Page-Cache" not in headers
        # ...and what staff got is not what the next reader gets.
        assert get(port, url)[1]["X-Micro-Cache"] in ("HIT", "REVALIDATED", "EXPIRED")
