"""Bytes of images a phone downloads for the home page, with the demo content.

Loads the demo (``load_demo``) into a throwaway test database and a temporary MEDIA_ROOT, serves
it with Django's live-server thread and opens the home page in Debian's Chromium at 360×740,
device pixel ratio 2, scrolling to the bottom so lazy pictures load too; prints the sum of the
image responses' bodies. ``.venv/bin/python scripts/bench_home_bytes.py``
"""

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
os.environ["DJANGO_MEDIA_ROOT"] = tempfile.mkdtemp(prefix="portal-bytes-")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.testcases import LiveServerThread  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def measure(url):
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM_ARGS

    images = {}

    def seen(response):
        if response.request.resource_type == "image" and response.ok:
            images[response.url] = len(response.body())

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True
        )
        page = context.new_page()
        page.on("response", seen)
        page.goto(url, wait_until="networkidle")
        above_fold = sum(images.values())
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(1500)
        page.wait_for_load_state("networkidle")
        browser.close()
    return above_fold, images


def main():
    test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, connections_override=None)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        above_fold, images = measure(f"http://127.0.0.1:{server.port}/")
        server.terminate()
    finally:
        connection.creation.destroy_test_db(test_db, verbosity=0)
    total = sum(images.values())
    print(f"home, 360×740 @2x: {len(images)} images, {total:,} bytes after scrolling")
    print(f"  before scrolling (first screen): {above_fold:,} bytes")
    for url, size in sorted(images.items(), key=lambda item: -item[1]):
        print(f"  {size:>9,}  {url.split('/', 3)[-1]}")


if __name__ == "__main__":
    main()
