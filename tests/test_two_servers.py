"""Two app servers behind the sample nginx, sharing one PostgreSQL, Redis and S3 bucket.

Each server is a gunicorn of its own with the production settings and the page cache on. What is
published or edited through one shows on the other's very next answer, though the other had the
page cached (the content generation lives in Redis); a cover uploaded through one is on the
other's pages, read from the bucket; staff signed in through nginx stay signed in whichever
server answers.
"""

import io
import os
import re
import secrets
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from django.db import connection
from PIL import Image

from news import renditions
from news.models import Article
from portal.sitesettings.models import SiteSettings
from tests.builders import ADD_URL, article_form, change_form, image_bytes, upload
from tests.conftest import _unavailable
from tests.factories import CategoryFactory, ContentAdminFactory
from tests.servers import app_servers, free_port, public_bucket, redis_url, s3_endpoint  # noqa: F401
from tests.test_security_deploy import NGINX, NGINX_CONF, conf_block, nginx_conf, running_nginx

pytestmark = [
    # Both servers must reach the test database: SQLite's lives in this process's memory.
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two app servers share one database server: PostgreSQL's (DATABASE_URL)",
    ),
    # The servers see only what is committed.
    pytest.mark.django_db(transaction=True),
]

BUCKET = "hai-may-chu-media"
KEYS = ("thu-nghiem", "thu-nghiem-bi-mat")
PASSWORD = "mat-khau-thu-nghiem-1"  # tests/factories.py UserFactory's


@dataclass
class Site:
    a: str
    b: str
    nginx: str
    bucket_url: str
    media_root: Path


def database_url():
    """The DATABASE_URL of the test database pytest-django made (and this process uses)."""
    db = connection.settings_dict
    quote = urllib.parse.quote
    return (
        f"postgres://{quote(db['USER'], safe='')}:{quote(db['PASSWORD'], safe='')}"
        f"@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{quote(db['NAME'], safe='')}"
    )


def server_environment(redis_url, s3_endpoint, nginx_port, folder):  # noqa: F811
    """What one app server of a two-server site is given: the same for both."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    return env | {
        # production.py but for static files and the password hasher (see there).
        "DJANGO_SETTINGS_MODULE": "tests.settings_servers",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # one key: sessions, CSRF, signatures
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # nginx passes Host without the port; what a browser sends as Origin still has it.
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{nginx_port}",
        "DATABASE_URL": database_url(),
        "DJANGO_REDIS_URL": redis_url,
        "DJANGO_PAGE_CACHE_SECONDS": "3600",
        "DJANGO_MEDIA_STORAGE": "s3",
        "DJANGO_S3_BUCKET": BUCKET,
        "DJANGO_S3_ENDPOINT_URL": s3_endpoint,
        "DJANGO_S3_ACCESS_KEY_ID": KEYS[0],
        "DJANGO_S3_SECRET_ACCESS_KEY": KEYS[1],
        "DJANGO_S3_REGION": "us-east-1",
        "DJANGO_S3_ADDRESSING_STYLE": "path",
        # With S3 nothing is written on disk; were it, here rather than in this checkout.
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_STATIC_ROOT": str(folder),
        "DJANGO_LOG_LEVEL": "WARNING",
    }


def replaced(text, old, new):
    assert old in text, f"deploy/nginx.conf no longer has {old!r}"
    return text.replace(old, new)


def two_servers_conf(temp, port, upstream_ports):
    """The sample's cache and `location /` on a plain-HTTP port, its upstream the two servers."""
    servers = " ".join(f"server 127.0.0.1:{upstream};" for upstream in upstream_ports)
    upstream = replaced(conf_block("upstream portal_app {"), "server 127.0.0.1:8000;", servers)
    app = replaced(conf_block("location / {"), "/srv/portal/maintenance", str(temp / "none"))
    # The sample's nginx ends TLS and says so; this one listens on plain HTTP and says the same.
    app = replaced(app, "X-Forwarded-Proto $scheme;", "X-Forwarded-Proto https;")
    # Which server answered, for the test to see both at work.
    app = replaced(
        app,
        "add_header X-Micro-Cache",
        "add_header X-Upstream $upstream_addr; add_header X-Micro-Cache",
    )
    cache = re.search(r"proxy_cache_path [^;]+;", NGINX_CONF.read_text()).group(0)
    cache = replaced(cache, "/var/cache/nginx/portal", str(temp / "cache"))
    server = f"server {{ listen 127.0.0.1:{port}; client_max_body_size 32m; {app} }}"
    return nginx_conf(
        temp, "two.conf", f"{cache} {upstream} {server}", main="daemon off; master_process off;"
    )


@pytest.fixture
def site(redis_url, s3_endpoint, tmp_path):  # noqa: F811
    """Two app servers and nginx in front of them, for one test: between tests pytest-django
    empties the database, which long-lived servers' own caches (content types) would not know."""
    if not NGINX:
        _unavailable("no nginx binary (apt-get install nginx-light, or set NGINX_PATH)")
    # The settings row its migration made, gone if an earlier test emptied the database: made
    # here, not by a server's first page (a save readers see, which would end that page's life).
    SiteSettings.get_solo()
    nginx_port = free_port()
    env = server_environment(redis_url, s3_endpoint, nginx_port, tmp_path)
    with (
        public_bucket(s3_endpoint, BUCKET, *KEYS),
        app_servers(env, 2) as (a, b),
        running_nginx(tmp_path, two_servers_conf(tmp_path, nginx_port, (a, b)), nginx_port),
    ):
        yield Site(
            a=f"http://127.0.0.1:{a}",
            b=f"http://127.0.0.1:{b}",
            nginx=f"http://127.0.0.1:{nginx_port}",
            bucket_url=f"{s3_endpoint}/{BUCKET}/",
            media_root=tmp_path / "media",
        )


class Browser:
    """One person's browser talking to one address, as through the sample's nginx over HTTPS.

    Keeps its cookies (Secure ones too: nginx ends TLS, the hop to the app server is plain
    HTTP) and sends the CSRF token and Origin a browser would.
    """

    def __init__(self, address, *, direct=True):
        self.address = address
        self.cookies = {}
        self.headers = {"Origin": "https://" + address.split("://")[1]}
        if direct:  # what the sample's nginx adds (deploy/nginx.conf)
            self.headers["X-Forwarded-Proto"] = "https"

    def request(self, method, path, **kwargs):
        headers = dict(self.headers)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method,
            self.address + path,
            headers=headers,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        files = {
            name: (value.name, value.read(), value.content_type)
            for name, value in data.items()
            if hasattr(value, "read")
        }
        fields = {name: value for name, value in data.items() if name not in files}
        fields["csrfmiddlewaretoken"] = self.cookies["csrftoken"]
        return self.request("POST", path, data=fields, files=files or None)

    def sign_in(self, user):
        assert self.get("/admin/login/").status_code == 200
        response = self.post(
            "/admin/login/", {"username": user.username, "password": PASSWORD, "next": "/admin/"}
        )
        assert response.status_code == 302 and response.headers["Location"] == "/admin/", (
            response.text[:2000]
        )
        return self


def read_twice(browser, path):
    """The page made and kept by the server, then the kept copy; returns the kept one."""
    made = browser.get(path)
    assert made.status_code == 200 and made.headers["X-Page-Cache"] == "miss"
    kept = browser.get(path)
    assert kept.headers["X-Page-Cache"] == "hit" and kept.text == made.text
    return kept


def test_what_goes_in_through_one_server_comes_out_of_the_other_at_once(site):
    editor = ContentAdminFactory()
    staff = Browser(site.a).sign_in(editor)
    publish_and_edit(site, staff)
    upload_cover(site, staff)
    sign_in_through_nginx(site, editor)


def publish_and_edit(site, staff):
    """Through A; B had the pages kept, and its very next answers show the change."""
    category = CategoryFactory(name="Hoạt động công đoàn cơ sở")
    reader = Browser(site.b)
    title = "Công đoàn Khu kinh tế tổ chức Ngày hội đoàn viên"
    for path in ("/", "/tin-tuc/"):
        assert title not in read_twice(reader, path).text

    response = staff.post(ADD_URL, article_form(category, title=title))
    assert response.status_code == 302, response.text[:2000]

    # B's very next answers, though it had both pages kept a moment ago.
    for path in ("/", "/tin-tuc/"):
        page = reader.get(path)
        assert page.status_code == 200 and page.headers["X-Page-Cache"] == "miss"
        assert title in page.text

    article = Article.objects.get()
    assert title in read_twice(reader, article.get_absolute_url()).text
    edited = "Công đoàn Khu kinh tế tổ chức Ngày hội đoàn viên lần thứ nhất"
    response = staff.post(
        f"/admin/news/article/{article.pk}/change/", change_form(article, title=edited)
    )
    assert response.status_code == 302, response.text[:2000]
    for path in (article.get_absolute_url(), "/"):
        page = reader.get(path)
        assert page.headers["X-Page-Cache"] == "miss"
        assert edited in page.text and f"{title}<" not in page.text


def picture_urls(html, alt):
    """Every file the figure of the picture with ``alt`` names (src and srcset)."""
    figure = next(
        block for block in re.findall(r"<figure.*?</figure>", html, re.S) if f'alt="{alt}"' in block
    )
    urls = []
    for value in re.findall(r'(?:src|srcset)="([^"]+)"', figure):
        urls += [candidate.split()[0] for candidate in value.split(",")]
    return sorted(set(urls))


def upload_cover(site, staff):
    """A cover uploaded through A: on B's page and through nginx, every file from the bucket."""
    alt = "Đoàn viên xếp hàng nhận quà tại nhà văn hóa công nhân"
    title = "Trao quà cho đoàn viên có hoàn cảnh khó khăn"
    response = staff.post(
        ADD_URL,
        article_form(
            CategoryFactory(),
            title=title,
            cover=upload("bia.png", image_bytes(1200, 750), "image/png"),
            cover_alt=alt,
        ),
    )
    assert response.status_code == 302, response.text[:2000]
    # The renditions were made when the article's transaction committed, before A answered.
    article = Article.objects.get(title=title)
    base = site.bucket_url + renditions.prefix(article.cover.name)

    on_b = picture_urls(Browser(site.b).get(article.get_absolute_url()).text, alt)
    through_nginx = Browser(site.nginx, direct=False).get(article.get_absolute_url())
    assert through_nginx.headers["X-Micro-Cache"] == "MISS"
    assert picture_urls(through_nginx.text, alt) == on_b
    assert base + "article@1x.jpg" in on_b and base + "article@1x.webp" in on_b
    for url in on_b:
        assert url.startswith(base)
        answer = requests.get(url, timeout=10)
        kind = {"jpg": "jpeg"}.get(url.rsplit(".", 1)[1], url.rsplit(".", 1)[1])
        assert answer.status_code == 200, url
        assert answer.headers["Content-Type"] == f"image/{kind}"
        assert Image.open(io.BytesIO(answer.content)).format == kind.upper(), url
    assert not site.media_root.exists()  # nothing on either server's disk


def sign_in_through_nginx(site, editor):
    """Staff stay signed in whichever server nginx hands them to (sessions in Redis and the
    database, one secret key)."""
    browser = Browser(site.nginx, direct=False).sign_in(editor)  # form from one, post to other
    greeting = f"Chào {editor.profile.full_name}."
    answered = set()
    for _ in range(4):
        page = browser.get("/admin/")
        assert page.status_code == 200 and greeting in page.text
        assert page.headers["X-Micro-Cache"] == "BYPASS"
        answered.add(page.headers["X-Upstream"])
    assert answered == {site.a.removeprefix("http://"), site.b.removeprefix("http://")}
