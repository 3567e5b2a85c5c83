"""The gallery's public pages in Chromium: axe-core and the Nu checker (0 violations, 0 errors)
on the album list, an album, the video list and a video; the browser's own player plays the
video; the large picture opens with and without the lightbox script; no CSP violation."""

import pytest
from django.urls import reverse

from tests.factories import AlbumFactory, AlbumPictureFactory, PictureFactory, VideoFactory
from tests.test_a11y import axe_page, describe, run_axe  # noqa: F401 (axe_page: a fixture)
from tests.test_html_valid import run_vnu, summarize
from tests.test_security_headers import violations, watch

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["album-list", "album", "video-list", "video"]


@pytest.fixture
def gallery(media):
    """Two albums (one picture in both), three pictures with and without captions, a video.
    Outside a test transaction, so each picture's renditions are made as it is saved."""
    album = AlbumFactory(
        title="Ngày hội văn hóa thể thao công nhân khu công nghiệp",
        description="Hơn 600 công nhân tham gia kéo co, bóng chuyền hơi và văn nghệ.\n\nCó ảnh.",
    )
    pictures = [
        PictureFactory(caption="Đội kéo co công ty may mặc", credit="Hải Yến"),
        PictureFactory(caption="", credit=""),
        PictureFactory(caption="Tiết mục văn nghệ của nữ công nhân", credit="Minh Thư"),
    ]
    for order, picture in enumerate(pictures, start=1):
        AlbumPictureFactory(album=album, picture=picture, order=order)
    other = AlbumFactory(title="Trao mái ấm công đoàn")
    AlbumPictureFactory(album=other, picture=pictures[0], caption="Trao nhà cho đoàn viên")
    video = VideoFactory(title="Phóng sự: bữa ăn giữa ca của công nhân")
    return {
        "album-list": reverse("gallery:album-list"),
        "album": album.get_absolute_url(),
        "video-list": reverse("gallery:video-list"),
        "video": video.get_absolute_url(),
    }


@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(axe_page, live_server, gallery, name):  # noqa: F811
    found = {}
    for width in (360, 1280):
        axe_page.set_viewport_size({"width": width, "height": 900})
        assert axe_page.goto(live_server.url + gallery[name]).status == 200
        results = run_axe(axe_page)
        ran = {
            rule["id"] for kind in ("passes", "violations", "incomplete") for rule in results[kind]
        }
        assert {"image-alt", "color-contrast", "document-title", "link-name"} <= ran
        print(f"axe {name} @{width}px: {len(ran)} rules, {len(results['violations'])} violations")
        if results["violations"]:
            found[width] = describe(results["violations"])
        # Readable at 360 px: nothing wider than the window.
        assert axe_page.evaluate("() => document.documentElement.scrollWidth") <= width
    assert not found, "\n".join(f"{width} px:\n{text}" for width, text in found.items())


def test_nu_checker_finds_no_error(client, gallery, tmp_path):
    files = {}
    for name in PAGES:
        response = client.get(gallery[name])
        assert response.status_code == 200
        files[name] = tmp_path / f"{name}.html"
        files[name].write_bytes(response.content)
    counts, lines = summarize(run_vnu(files.values()), files)
    for name, count in sorted(counts.items()):
        print(f"Nu {name}: {count['error']} errors, {count['warning']} warnings")
    errors = [line for kind, line in lines if kind == "error"]
    assert errors == [], "\n".join(errors)


def test_pages_log_no_csp_violation_and_show_their_pictures(page, live_server, gallery):
    console = watch(page)
    for name in PAGES:
        page.goto(live_server.url + gallery[name], wait_until="load")
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        assert violations(page, console) == [], name
        shown = page.eval_on_selector_all(
            "main img", "(imgs) => imgs.map((img) => img.complete && img.naturalWidth > 0)"
        )
        if name != "video":
            assert shown and all(shown), name


def test_the_browsers_own_player_plays_the_video(page, live_server, gallery):
    page.goto(live_server.url + gallery["video"])
    video = page.locator("main video")
    assert video.get_attribute("preload") == "none" and video.get_attribute("autoplay") is None
    # preload="none": nothing is fetched until the reader asks.
    assert page.evaluate("() => document.querySelector('main video').readyState") == 0
    playable = page.evaluate(
        "type => document.querySelector('main video').canPlayType(type)",
        'video/mp4; codecs="avc1.640015"',
    )
    if not playable:
        pytest.skip("this Chromium build has no H.264 decoder")
    state = page.evaluate(
        """async () => {
            const video = document.querySelector('main video')
            video.muted = true
            await video.play()
            await new Promise((done) => {
                const check = () => (video.currentTime > 0.3 ? done() : setTimeout(check, 50))
                check()
            })
            video.pause()
            return {duration: video.duration, width: video.videoWidth, height: video.videoHeight,
                    time: video.currentTime, error: video.error && video.error.code}
        }"""
    )
    assert state["error"] is None
    assert state["duration"] == pytest.approx(2.0, abs=0.1)
    assert (state["width"], state["height"]) == (160, 90)
    assert state["time"] > 0.3
    # The poster is the picture the page names, and it loads.
    poster = video.get_attribute("poster")
    assert page.request.get(live_server.url + poster).status == 200


def test_lightbox_opens_the_large_picture_with_keyboard_support(page, live_server, gallery):
    page.goto(live_server.url + gallery["album"])
    links = page.locator("a.album-picture__link")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(hrefs) == 3 and all(href.endswith("/article@2x.jpg") for href in hrefs)

    links.nth(0).click()
    dialog = page.locator("dialog.lightbox")
    assert dialog.evaluate("(d) => d.open")
    image = dialog.locator("img")
    assert image.get_attribute("src") == live_server.url + hrefs[0]
    assert "Đội kéo co công ty may mặc" in dialog.locator("figcaption").inner_text()
    page.wait_for_function("() => document.querySelector('dialog.lightbox img').naturalWidth > 0")

    page.keyboard.press("ArrowRight")
    assert image.get_attribute("src") == live_server.url + hrefs[1]
    assert dialog.locator("figcaption").inner_text().startswith("2/3")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert image.get_attribute("src") == live_server.url + hrefs[2]  # wraps round
    page.keyboard.press("Escape")
    assert not dialog.evaluate("(d) => d.open")
    # Focus goes back to the thumbnail of the picture last shown.
    assert page.evaluate("() => document.activeElement.href") == live_server.url + hrefs[2]


def test_without_javascript_a_thumbnail_opens_the_large_picture(browser, live_server, gallery):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + gallery["album"])
        link = page.locator("a.album-picture__link").first
        href = link.get_attribute("href")
        with page.expect_navigation():
            link.click()
        assert page.url == live_server.url + href
        assert page.evaluate("() => document.images[0].naturalWidth") > 0
    finally:
        context.close()
