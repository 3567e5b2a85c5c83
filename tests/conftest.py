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
