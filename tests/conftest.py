import os
import shutil

import pytest
from django.core.cache import cache

STRICT = os.environ.get("PORTAL_STRICT") == "1"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",  # the network is closed: no phoning home
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    """On the second database of `make test`, leave out what ran on the first and does not
    depend on the database: modules marked DATABASE_INDEPENDENT (picture, document and video
    files, object storage, Redis, nginx's configuration) and the Chromium tests (what a person
    does in the browser; the same pages' data paths run on both databases through the client)."""
    if os.environ.get("PORTAL_SECOND_DATABASE") != "1":
        return
    independent = [
        item
        for item in items
        if getattr(item.module, "DATABASE_INDEPENDENT", False) or item.get_closest_marker("browser")
    ]
    if independent:
        config.hook.pytest_deselected(items=independent)
        items[:] = [item for item in items if item not in independent]


@pytest.fixture
def staff_client(db):
    """A test client of its own, logged in as an editor (staff with the article permissions)."""
    from django.test import Client

    from tests.factories import StaffFactory

    client = Client()
    client.force_login(StaffFactory())
    return client


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def media(settings, tmp_path):
    """A MEDIA_ROOT of the test's own, empty."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    return root


def _unavailable(reason):
    if STRICT:
        pytest.fail(f"STRICT: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """A real headless Chromium driven by Playwright (Debian's chromium, not a download)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    if not shutil.which(CHROMIUM):
        _unavailable(f"no Chromium at {CHROMIUM}")
    # Playwright's sync API runs an event loop; Django must still allow its ORM calls in tests.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def sign_in(page, live_server, user):
    """Give ``page``'s browser context the session cookie of ``user``, as after a real login."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return page


@pytest.fixture
def signed_in(browser, live_server):
    """``signed_in(user)``: a new page in a browser context of its own, signed in as ``user``."""
    contexts = []

    def open_page(user):
        context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return sign_in(page, live_server, user)

    yield open_page
    for context in contexts:
        context.close()


def editor_ready(page):
    """Wait until the article form's CKEditor is ready for input."""
    page.wait_for_function(
        "() => window.CKEDITOR && CKEDITOR.instances.id_body"
        " && CKEDITOR.instances.id_body.status === 'ready'"
    )


def set_editor_body(page, html):
    """Put ``html`` in the article form's CKEditor and wait until it is in (setData is async)."""
    editor_ready(page)
    page.evaluate(
        "html => new Promise(done => CKEDITOR.instances.id_body.setData(html, {callback: done}))",
        html,
    )
