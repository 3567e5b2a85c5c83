"""What an editor does in the admin, in a real Chromium."""

import pytest

from news.models import Article
from tests.conftest import sign_in
from tests.factories import CategoryFactory, StaffFactory, UnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_page(page, live_server):
    """A browser page logged in as an editor (the session cookie of a real login)."""
    sign_in(page, live_server, StaffFactory(username="bientap"))
    return page


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Hội nghị kiểm điểm công tác năm 2020", "hoi-nghi-kiem-diem-cong-tac-nam-2020"),
        ("Đặng Bình Phương", "dang-binh-phuong"),
        ("ĐOÀN VIÊN ƯU TÚ: Lễ kết nạp Đảng!", "doan-vien-uu-tu-le-ket-nap-dang"),
    ],
)
def test_admin_fills_the_slug_as_a_vietnamese_title_is_typed(editor_page, live_server, title, slug):
    editor_page.goto(f"{live_server.url}/admin/news/article/add/")
    editor_page.locator("#id_title").press_sequentially(title)
    assert editor_page.locator("#id_slug").input_value() == slug


def test_editor_writes_an_article_with_ckeditor_and_saves_it(editor_page, live_server):
    category = CategoryFactory(name="Hoạt động Công đoàn")
    unit = UnitFactory(short_name="CĐ Ngành Giáo dục")
    page = editor_page
    page.goto(f"{live_server.url}/admin/news/article/add/")
    page.locator("#id_title").press_sequentially("Ngày hội đoàn viên công đoàn")
    page.select_option("#id_category", str(category.pk))
    page.fill("#id_summary", "Sáng nay, hơn 300 đoàn viên tham gia ngày hội.")
    page.fill("#id_author_name", "Minh Thư")
    page.select_option("#id_author_unit", str(unit.pk))

    # CKEditor 4 renders the body as an editable iframe with the news toolbar.
    editor = page.frame_locator("iframe.cke_wysiwyg_frame").locator("body")
    editor.click()
    page.keyboard.type("Đoàn viên tham gia các trò chơi dân gian.")
    toolbar = page.locator(".cke_top")
    assert toolbar.locator(".cke_button__bold").count() == 1
    assert toolbar.locator(".cke_button__source").count() == 0
    assert toolbar.locator(".cke_button__flash").count() == 0

    page.locator("button[name=_transition][value=publish]").click()
    page.wait_for_url("**/admin/news/article/")
    article = Article.objects.get()
    assert article.slug == "ngay-hoi-doan-vien-cong-doan"
    assert "Đoàn viên tham gia các trò chơi dân gian." in article.body

    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator("h1").inner_text() == "Ngày hội đoàn viên công đoàn"
    assert "Minh Thư - CĐ Ngành Giáo dục" in page.locator(".article__byline").inner_text()
