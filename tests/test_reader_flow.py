"""A reader's path through the portal in a real Chromium, on a phone and on a desktop."""

import os
import shutil
import struct

import pytest
from playwright.sync_api import expect

from tests.pages import SEARCH_MISSING, SEARCH_MISSING_REASON, build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(viewport, **options):
        context = browser.new_context(
            viewport=viewport, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **options
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        context.close()


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide in a {widths[1]} px viewport"


def assert_images_fit(page):
    # Lazy pictures have their room reserved (width, height): scroll down so each one loads.
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height + 1, page.viewport_size["height"]):
        page.evaluate(f"window.scrollTo(0, {top})")
        page.wait_for_load_state("networkidle")
    page.wait_for_function("[...document.images].every(i => i.complete)")
    sizes = page.eval_on_selector_all(
        "main img",
        "imgs => imgs.map(i => [i.getBoundingClientRect().right, i.naturalWidth, i.currentSrc])",
    )
    assert sizes, "the page shows images"
    viewport = page.viewport_size["width"]
    for right, natural, source in sizes:
        assert natural > 0, f"{source} did not load"
        assert right <= viewport, f"{source} overflows the {viewport} px viewport"


def screenshot(page, tmp_path, name):
    """A full-page screenshot; its width is the page's, so it shows any horizontal overflow."""
    target = tmp_path / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    width, height = struct.unpack(">II", target.read_bytes()[16:24])
    assert width <= page.viewport_size["width"], f"{name}: screenshot is {width} px wide"
    if os.environ.get("PORTAL_SCREENSHOT_DIR"):
        shutil.copy(target, os.environ["PORTAL_SCREENSHOT_DIR"])
    return target


def test_phone_reader_menu_category_article_share_and_print(new_page, live_server, tmp_path):
    site = build_site()
    main = site["main"]
    page = new_page(PHONE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)

    page.goto(live_server.url + "/")
    assert_no_horizontal_scroll(page)
    menu_link = page.get_by_role("navigation", name="Chuyên mục").get_by_role(
        "link", name="Phong trào thi đua"
    )
    expect(menu_link).to_be_hidden()  # folded on a phone
    page.locator(".site-nav summary").click()
    expect(menu_link).to_be_visible()
    screenshot(page, tmp_path, "home-360-menu")
    menu_link.click()

    expect(page).to_have_url(live_server.url + site["categories"][0].get_absolute_url())
    expect(page.locator("h1")).to_have_text("Phong trào thi đua")
    assert_no_horizontal_scroll(page)
    # The list, not the sidebar's "Tin mới", which names the article too.
    page.locator(".layout__main").get_by_role("link", name=main.title).click()

    expect(page.locator("h1")).to_have_text(main.title)
    crumbs = page.get_by_role("navigation", name="Đường dẫn").get_by_role("listitem")
    expect(crumbs).to_have_text(["Trang chủ", "Phong trào thi đua", main.title])
    page.locator("main img").last.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    assert_images_fit(page)
    assert_no_horizontal_scroll(page)
    article_nav = page.get_by_role("navigation", name="Bài trước, bài sau trong chuyên mục")
    expect(article_nav.locator("a[rel=prev]")).to_contain_text(site["older"][0].title)
    expect(article_nav.locator("a[rel=next]")).to_contain_text(site["newer"].title)

    # Sharing: plain links, and the copy button site.js reveals.
    url = live_server.url + main.get_absolute_url()
    expect(page.get_by_role("link", name="Facebook")).to_have_attribute("target", "_blank")
    page.get_by_role("button", name="Sao chép liên kết").click()
    expect(page.get_by_role("status").filter(has_text="Đã sao chép")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == url

    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.get_by_role("button", name="In bài viết").click()
    assert page.evaluate("window.printed") is True
    screenshot(page, tmp_path, "article-360")

    # Print: the article alone, its photos with captions, and its address at the end.
    source_line = page.locator(".print-only")
    expect(source_line).to_be_hidden()
    page.emulate_media(media="print")
    for hidden in (".site-nav", ".layout__aside", ".site-footer", ".share", ".article-nav",
                   ".related", ".breadcrumbs"):  # fmt: skip
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator(".banner__name")).to_be_visible()
    assert page.locator(".site-header").bounding_box()["height"] < 80
    captions = page.locator("main figure figcaption")
    expect(captions).to_have_count(4)
    for index in range(4):
        expect(captions.nth(index)).to_be_visible()
    assert page.eval_on_selector("main figure", "f => getComputedStyle(f).breakInside") == "avoid"
    expect(source_line).to_be_visible()
    expect(source_line).to_contain_text(url)


def test_desktop_shows_menu_and_sidebar(new_page, live_server, tmp_path):
    site = build_site()
    page = new_page(DESKTOP)
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Chuyên mục")
    expect(nav.get_by_role("link", name="Phong trào thi đua")).to_be_visible()
    expect(page.locator(".layout__aside")).to_be_visible()
    assert_no_horizontal_scroll(page)
    screenshot(page, tmp_path, "home-1280")
    page.goto(live_server.url + site["main"].get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert_images_fit(page)
    screenshot(page, tmp_path, "article-1280")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_readable_and_navigable_without_javascript(new_page, live_server, viewport):
    site = build_site()
    page = new_page(viewport, java_script_enabled=False)
    page.goto(live_server.url + site["main"].get_absolute_url())
    expect(page.locator("h1")).to_have_text(site["main"].title)
    expect(page.get_by_role("link", name="Zalo")).to_be_visible()
    expect(page.locator("[data-copy-link]")).to_be_hidden()
    expect(page.locator("[data-print]")).to_be_hidden()
    category_link = page.get_by_role("navigation", name="Chuyên mục").get_by_role(
        "link", name="Chính sách pháp luật"
    )
    if viewport is PHONE:
        expect(category_link).to_be_hidden()
        page.locator(".site-nav summary").click()  # <details> needs no script
    expect(category_link).to_be_visible()
    category_link.click()
    expect(page.locator("h1")).to_have_text("Chính sách pháp luật")
    assert_no_horizontal_scroll(page)


@pytest.mark.skipif(SEARCH_MISSING, reason=SEARCH_MISSING_REASON)
def test_phone_reader_searches_without_diacritics(new_page, live_server):
    site = build_site()
    page = new_page(PHONE)
    page.goto(live_server.url + "/")
    box = page.locator('input[name="q"]').first
    if not box.is_visible():
        page.locator(".site-nav summary").click()
    box.fill("mai am cong doan dong xuan")
    box.press("Enter")
    page.wait_for_url("**/tim-kiem/**")
    assert_no_horizontal_scroll(page)
    page.locator(".layout__main").get_by_role("link", name=site["main"].title).click()
    expect(page.locator("h1")).to_have_text(site["main"].title)


def test_keyboard_skip_link_and_visible_focus(new_page, live_server):
    build_site()
    page = new_page(DESKTOP)
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/#noi-dung")
    page.keyboard.press("Tab")
    # The next stop is inside the main content, not back in the header.
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
