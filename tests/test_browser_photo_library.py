"""The photo library in a real Chromium: pictures kept over a form error, many uploads."""

import pytest

from news.images import MESSAGES
from news.models import Article
from portal.photos.models import Picture
from tests.builders import image_bytes
from tests.conftest import sign_in
from tests.factories import CategoryFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_page(page, live_server):
    return sign_in(page, live_server, StaffFactory(username="bientap"))


def png(name, color):
    return {"name": name, "mimeType": "image/png", "buffer": image_bytes(80, 60, color=color)}


def test_cover_and_photo_chosen_before_a_form_error_are_saved_after_it(editor_page, live_server):
    category = CategoryFactory(name="Hoạt động Công đoàn")
    page = editor_page
    page.goto(f"{live_server.url}/admin/news/article/add/")
    page.locator("#id_title").fill("Công nhân hiến máu tình nguyện")
    page.select_option("#id_category", str(category.pk))
    page.fill("#id_author_name", "Minh Thư")
    page.frame_locator("iframe.cke_wysiwyg_frame").locator("body").click()
    page.keyboard.type("Ngày hội diễn ra tại nhà văn hóa công nhân.")
    page.set_input_files("#id_cover", png("bia.png", (176, 16, 31)))
    page.fill("#id_cover_alt", "Công nhân xếp hàng hiến máu")
    page.set_input_files("#id_photos-0-image", png("anh.png", (11, 79, 156)))
    page.fill("#id_photos-0-alt_text", "Bác sĩ lấy máu cho công nhân")
    # The sa-pô is left empty.
    with page.expect_navigation():  # the form comes back to its own address
        page.locator("input[name=_save]").click()
    assert page.locator(".errornote").is_visible()
    assert not Article.objects.exists()
    # The autocomplete is drawn by script after the page loads.
    page.locator(".field-cover_picture .select2").first.wait_for()
    assert page.locator(".field-cover_picture img.picture-preview").is_visible()

    page.fill("#id_summary", "Hơn 200 công nhân tham gia ngày hội hiến máu.")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/news/article/")
    article = Article.objects.get()
    photo = article.photos.get()
    assert article.cover and article.cover_alt == "Công nhân xếp hàng hiến máu"
    assert photo.alt_text == "Bác sĩ lấy máu cho công nhân"
    assert {article.cover.name, photo.image.name} == set(
        Picture.objects.values_list("image", flat=True)
    )


def test_many_pictures_dropped_at_once_each_get_an_answer(editor_page, live_server):
    page = editor_page
    page.goto(f"{live_server.url}/admin/photos/picture/tai-len/")
    page.set_input_files(
        "#id_images",
        [
            png("hoi-nghi.png", (20, 80, 160)),
            {"name": "van-ban.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 x"},
        ],
    )
    results = page.locator("#photo-results")
    results.locator(".photo-ok").wait_for()
    results.locator(".photo-error").wait_for()
    assert MESSAGES["format"] in results.locator(".photo-error").inner_text()
    assert "van-ban.pdf" in results.locator(".photo-error").inner_text()
    assert results.locator(".photo-ok progress").evaluate("p => p.value") == 100
    assert Picture.objects.count() == 1
    results.locator(".photo-ok a").click()
    page.wait_for_url("**/change/")
    page.fill("#id_alt_text", "Hội trường đông người")
    box = page.locator(".picture-focal img").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.75)
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/photos/picture/")
    picture = Picture.objects.get()
    assert picture.alt_text == "Hội trường đông người"
    assert picture.focal_x == pytest.approx(0.25, abs=0.02)
    assert picture.focal_y == pytest.approx(0.75, abs=0.02)
