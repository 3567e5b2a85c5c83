"""Production settings: a clean `check --deploy`, and no start when half-configured."""

import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.builders import image_bytes

# Files, storage or servers, not the database: `make test` runs it on SQLite only (conftest).
DATABASE_INDEPENDENT = True

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_ALLOWED_HOSTS": "congdoan.example.gov.vn",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://congdoan.example.gov.vn",
}


def run(*args, drop=()):
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update({name: value for name, value in PRODUCTION_ENV.items() if name not in drop})
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_but_the_silenced_editor_warning():
    result = run("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (1 silenced)."
    assert result.stderr.strip() == ""
    assert settings.SILENCED_SYSTEM_CHECKS == ["ckeditor.W001"]


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    result = run("manage.py", "check", drop={missing})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


def test_production_values():
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({name: getattr(s, name) for name in ["
        "'DEBUG', 'ALLOWED_HOSTS', 'CSRF_TRUSTED_ORIGINS', 'SECURE_PROXY_SSL_HEADER', "
        "'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'TRUSTED_PROXY_COUNT']}))"
    )
    result = run("-c", script)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "DEBUG": False,
        "ALLOWED_HOSTS": ["congdoan.example.gov.vn"],
        "CSRF_TRUSTED_ORIGINS": ["https://congdoan.example.gov.vn"],
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "TRUSTED_PROXY_COUNT": 1,
    }


@pytest.mark.django_db
def test_ssl_redirect_behind_the_proxy(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000
    plain = client.get("/tin-tuc/", HTTP_X_FORWARDED_PROTO="http")
    assert plain.status_code == 301 and plain["Location"] == "https://testserver/tin-tuc/"
    secure = client.get("/tin-tuc/", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


# The sample nginx configuration ---------------------------------------------------------------

NGINX_CONF = settings.BASE_DIR / "deploy" / "nginx.conf"
NGINX = os.environ.get("NGINX_PATH") or shutil.which("nginx", path=f"{os.defpath}:/usr/sbin:/sbin")


def conf_block(opening):
    """The text of the sample's block that starts with ``opening``, nested braces included."""
    text = NGINX_CONF.read_text()
    start = text.index(opening)
    depth = 0
    for end in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[end], 0)
        if text[end] == "}" and depth == 0:
            return text[start : end + 1]
    raise AssertionError("unbalanced braces in deploy/nginx.conf")


def media_block():
    """The text of the `location /media/ { ... }` block."""
    return conf_block("location /media/ {")


def test_nginx_sample_serves_media_as_pictures_only():
    block = media_block()
    assert 'add_header X-Content-Type-Options "nosniff" always;' in block
    assert "add_header Content-Security-Policy \"default-src 'none';" in block
    assert "sandbox" in block
    types = re.search(r"types \{(.*?)\}", block, re.S).group(1)
    assert set(re.findall(r"(\S+/\S+)", types)) == {
        "image/jpeg",
        "image/png",
        "image/webp",
        "image/avif",
    }
    assert "default_type application/octet-stream;" in block
    assert "html" not in block and "svg" not in block
    assert "return 404;" in block
    text = NGINX_CONF.read_text()
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in text


def nginx_conf(temp, name, http, main=""):
    """A whole nginx.conf around ``http``, writing nothing outside ``temp``."""
    paths = " ".join(
        f"{kind}_temp_path {temp};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    path = temp / name
    path.write_text(
        f"{main} pid {temp}/{name}.pid; error_log {temp}/{name}.log; events {{}}"
        f" http {{ access_log off; {paths} {http} }}"
    )
    return str(path)


@contextlib.contextmanager
def running_nginx(temp, conf, port):
    """nginx in the foreground with ``conf`` until the block ends, once it listens on ``port``."""
    server = subprocess.Popen([NGINX, "-p", str(temp), "-c", conf])
    try:
        for _ in range(200):  # until nginx listens (or has died)
            assert server.poll() is None, Path(f"{conf}.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.skipif(not NGINX, reason="no nginx binary (set NGINX_PATH to run this test)")
def test_nginx_sample_in_a_real_nginx(tmp_path):
    temp = tmp_path / "nginx"
    temp.mkdir()
    # The whole sample passes `nginx -t` once its certificate paths point at a throwaway pair.
    if shutil.which("openssl"):
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=congdoan.example.gov.vn", "-keyout", str(temp / "key.pem"),
             "-out", str(temp / "cert.pem")],
            check=True, capture_output=True,
        )  # fmt: skip
        full = re.sub(
            r"ssl_certificate (\S+);", f"ssl_certificate {temp}/cert.pem;", NGINX_CONF.read_text()
        )
        full = re.sub(r"ssl_certificate_key (\S+);", f"ssl_certificate_key {temp}/key.pem;", full)
        full = full.replace("/var/cache/nginx/portal", str(temp / "cache"))
        checked = subprocess.run(
            [NGINX, "-t", "-p", str(temp), "-c", nginx_conf(temp, "full.conf", full)],
            capture_output=True, text=True,
        )  # fmt: skip
        assert checked.returncode == 0, checked.stderr

    media = tmp_path / "srv" / "media"
    (media / "news").mkdir(parents=True)
    (media / "news" / "anh.png").write_bytes(image_bytes(8, 8))
    (media / "news" / "anh.avif").write_bytes(image_bytes(8, 8, "AVIF"))
    (media / "news" / "trang.html").write_text("<script>alert(1)</script>")
    (media / "news" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (media / "news" / "trang.html.png").write_text("<html><script>alert(1)</script></html>")
    (media / "news" / "ghi-chu.txt").write_text("không phải ảnh")
    (media / ".trash" / "7" / "news").mkdir(parents=True)
    (media / ".trash" / "7" / "news" / "anh.png").write_bytes(image_bytes(8, 8))
    with media_nginx(tmp_path, media) as get:
        answers = {
            name: get(f"/media/news/{name}")
            for name in (
                "anh.png",
                "anh.avif",
                "trang.html",
                "logo.svg",
                "trang.html.png",
                "ghi-chu.txt",
            )
        }
        trashed = [get("/media/.trash/7/news/anh.png"), get("/media/news/../.trash/7/news/anh.png")]
    status, headers = answers["anh.png"]
    assert status == 200 and headers["Content-Type"] == "image/png"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]
    assert answers["anh.avif"][0] == 200  # renditions' first <source>
    assert answers["anh.avif"][1]["Content-Type"] == "image/avif"
    assert answers["trang.html.png"][0] == 200
    assert answers["trang.html.png"][1]["Content-Type"] == "image/png"  # never text/html
    assert answers["trang.html.png"][1]["X-Content-Type-Options"] == "nosniff"
    for name in ("trang.html", "logo.svg", "ghi-chu.txt"):
        assert answers[name][0] == 404, name
    assert [status for status, _ in trashed] == [404, 404]


@contextlib.contextmanager
def media_nginx(tmp_path, media):
    """A real nginx serving the sample's /media/ location from ``media`` (a folder named media).

    Yields ``get(path)`` -> (status, headers).
    """
    assert media.name == "media"
    temp = tmp_path / "nginx-media"
    temp.mkdir(exist_ok=True)
    port = free_port()
    block = media_block().replace("root /srv/portal;", f"root {media.parent};")
    conf = nginx_conf(
        temp,
        "media.conf",
        f"server {{ listen 127.0.0.1:{port}; {block} }}",
        main="daemon off; master_process off;",
    )

    def get(path):
        # http.client sends the path as given (urllib would not keep "..").
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return response.status, response.headers
        finally:
            connection.close()

    with running_nginx(temp, conf, port):
        yield get


def error_pages_conf(temp, port, upstream_port, maintenance_flag):
    """The sample's error pages, body size limit and proxy location on a plain-HTTP port."""
    text = NGINX_CONF.read_text()
    upstream = conf_block("upstream portal_app {").replace(
        "127.0.0.1:8000", f"127.0.0.1:{upstream_port}"
    )
    # The server's own limits (4 spaces in), not a location's (the gallery's video form).
    limits = " ".join(re.findall(r"^    ((?:client_max_body_size|error_page) [^;]+;)", text, re.M))
    assert "client_max_body_size 32m;" in limits and limits.count("error_page") == 4
    errors = conf_block("location ^~ /errors/ {").replace(
        "root /srv/portal/app/deploy;", f"root {settings.BASE_DIR / 'deploy'};"
    )
    app = (
        conf_block("location / {")
        .replace("/srv/portal/maintenance", str(maintenance_flag))
        .replace("proxy_read_timeout 60s;", "proxy_read_timeout 1s;")
    )
    server = f"server {{ listen 127.0.0.1:{port}; {limits} {errors} {app} }}"
    cache = re.search(r"proxy_cache_path [^;]+;", text).group(0)
    cache = cache.replace("/var/cache/nginx/portal", str(temp / "cache"))
    return nginx_conf(
        temp, "errors.conf", f"{cache} {upstream} {server}", main="daemon off; master_process off;"
    )


def ask(port, method="GET", path="/", length=None):
    """(status, headers, text) of one request; ``length`` announces a body of that size."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.putrequest(method, path)
        if length is not None:
            connection.putheader("Content-Type", "multipart/form-data; boundary=x")
            connection.putheader("Content-Length", str(length))
        connection.endheaders()
        if length:
            connection.send(b"x" * 65536)  # a browser starts sending the body at once
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def assert_vietnamese_page(answer, status, *phrases):
    code, headers, text = answer
    assert code == status, text
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert '<html lang="vi">' in text and "nginx" not in text
    for phrase in phrases:
        assert phrase in text


@pytest.mark.skipif(not NGINX, reason="no nginx binary (set NGINX_PATH to run this test)")
def test_nginx_error_pages_are_vietnamese(tmp_path):
    """Too large a form (413), gunicorn down (502), maintenance (503) and too slow (504)."""
    temp = tmp_path / "nginx"
    temp.mkdir()
    flag = tmp_path / "maintenance"
    port, dead = free_port(), free_port()
    with running_nginx(temp, error_pages_conf(temp, port, dead, flag), port):
        too_large = ask(port, "POST", "/admin/news/article/add/", length=33 * 1024 * 1024)
        down = ask(port)
        flag.touch()
        maintenance = ask(port, "GET", "/tin-tuc/")
        assert ask(port, "GET", "/errors/502.html")[0] == 404  # internal: not a public page
    assert_vietnamese_page(
        too_large, 413, "Tệp gửi lên quá lớn", "mỗi ảnh tối đa 30 MB", "Nội dung bạn đã gõ vẫn còn"
    )
    assert "Quay lại" in too_large[2]
    assert_vietnamese_page(down, 502, "Hệ thống đang gián đoạn", "tải lại trang")
    assert_vietnamese_page(maintenance, 503, "đang bảo trì", "tải lại trang")

    # An upstream that takes the connection and never answers.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = free_port()
        conf = error_pages_conf(temp, port, silent.getsockname()[1], tmp_path / "none")
        with running_nginx(temp, conf, port):
            slow = ask(port)
    assert_vietnamese_page(slow, 504, "Máy chủ trả lời quá lâu", "tải lại trang")
