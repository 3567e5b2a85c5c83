"""The layout with a federation's settings filled in (demo data: hotline, licence, links):
axe-core in Chromium at 360 and 1280 px, the Nu checker, no horizontal scroll, and with the
site's Content-Security-Policy on, no error in the console."""

import io
import os

import pytest

from portal.sitesettings import demo
from tests.pages import build_site
from tests.test_a11y import axe_page, describe, run_axe  # noqa: F401 (axe_page is a fixture)
from tests.test_html_valid import run_vnu, summarize
from tests.test_reader_flow import assert_no_horizontal_scroll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def paths():
    site = build_site()
    demo.load(io.StringIO())
    return {"home": "/", "detail": site["main"].get_absolute_url()}


@pytest.mark.parametrize("name", ["home", "detail"])
def test_axe_and_layout_with_filled_settings(axe_page, live_server, paths, name):  # noqa: F811
    found = {}
    for width in (360, 1280):
        axe_page.set_viewport_size({"width": width, "height": 900})
        assert axe_page.goto(live_server.url + paths[name]).status == 200
        footer = axe_page.locator(".site-footer")
        assert "Giấy phép số 08/GP-TTĐT" in footer.inner_text()
        assert axe_page.locator(".topbar__hotline").is_visible()
        assert_no_horizontal_scroll(axe_page)
        violations = run_axe(axe_page)["violations"]
        print(f"axe {name} (settings filled) @{width}px: {len(violations)} violations")
        if violations:
            found[width] = describe(violations)
    assert not found, "\n".join(f"{width} px:\n{text}" for width, text in found.items())


def test_no_console_error_under_the_sites_csp(browser, live_server, paths, tmp_path):
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    shots = os.environ.get("SCREENSHOTS_DIR")
    for name, path in paths.items():
        for width in (360, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            assert page.goto(live_server.url + path).status == 200
            if shots:
                page.screenshot(path=f"{shots}/{name}-{width}.png", full_page=True)
    context.close()
    assert not errors, errors


def test_nu_with_filled_settings(client, paths, tmp_path):
    files = {}
    for name, path in paths.items():
        response = client.get(path)
        assert response.status_code == 200
        files[name] = tmp_path / f"{name}.html"
        files[name].write_bytes(response.content)
    counts, lines = summarize(run_vnu(files.values()), files)
    for name, count in sorted(counts.items()):
        print(f"Nu {name} (settings filled): {count['error']} errors, {count['warning']} warnings")
    errors = [line for kind, line in lines if kind == "error"]
    assert errors == [], "\n".join(errors)
