"""A library picture picked for the body of an article, in a real Chromium with CKEditor."""

import html

import pytest

from news.models import Article
from tests.conftest import editor_ready, sign_in
from tests.factories import CategoryFactory, PictureFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALT_LABEL = "Mô tả ảnh cho người không xem được ảnh (bắt buộc)"


def test_pick_a_library_picture_in_the_image_dialog_and_publish_it(page, live_server, media):
    category = CategoryFactory(name="Đào tạo")
    chosen = PictureFactory(
        caption="Lớp tập huấn cán bộ công đoàn cơ sở", alt_text="Học viên chăm chú nghe giảng"
    )
    PictureFactory(caption="Giải cầu lông công nhân", alt_text="Hai vận động viên thi đấu")
    sign_in(page, live_server, StaffFactory(username="bientap"))
    page.goto(f"{live_server.url}/admin/news/article/add/")
    editor_ready(page)
    page.fill("#id_title", "Tập huấn nghiệp vụ cho cán bộ công đoàn")
    page.select_option("#id_category", str(category.pk))
    page.fill("#id_summary", "Hơn 100 cán bộ công đoàn cơ sở dự lớp tập huấn.")
    page.fill("#id_author_name", "Hồng Nhung")
    page.frame_locator("iframe.cke_wysiwyg_frame").locator("body").click()
    page.keyboard.type("Lớp học diễn ra trong hai ngày.")

    page.click(".cke_button__image")
    dialog = page.locator(".cke_dialog")
    dialog.get_by_text(ALT_LABEL, exact=True).wait_for()
    with page.expect_popup() as opened:
        dialog.get_by_role("button", name="Chọn trong thư viện").click()
    library = opened.value
    library.wait_for_url("**/admin/photos/picture/chon/**")
    assert "/admin/photos/picture/chon/" in library.url and "CKEditorFuncNum=" in library.url
    # Searched without diacritics; the editor's number survives the search.
    library.fill("#picture-browse-q", "tap huan can bo")
    with library.expect_navigation():
        library.get_by_role("button", name="Tìm").click()
    assert library.locator(".picture-browse__pick").count() == 1
    with library.expect_event("close"):
        library.locator(".picture-browse__pick").click()

    page.wait_for_function(
        "url => CKEDITOR.dialog.getCurrent().getValueOf('info', 'src') === url",
        arg=chosen.image.url,
    )
    assert dialog.get_by_label(ALT_LABEL).input_value() == "Học viên chăm chú nghe giảng"
    page.click(".cke_dialog_ui_button_ok")
    page.wait_for_function("() => CKEDITOR.dialog.getCurrent() === null")
    data = html.unescape(page.evaluate("() => CKEDITOR.instances.id_body.getData()"))
    assert f'src="{chosen.image.url}"' in data

    page.locator("button[name=_transition][value=publish]").click()
    page.wait_for_url("**/admin/news/article/")
    article = Article.objects.get()
    assert f'src="{chosen.image.url}"' in article.body
    assert 'alt="Học viên chăm chú nghe giảng"' in article.body
    # Stored once: the body shows the library's own file, nothing was copied.
    stored = sorted(
        p.relative_to(media).as_posix()
        for p in media.rglob("*")
        if p.is_file() and not {"renditions", "thumbs"} & set(p.parts)
    )
    assert chosen.image.name in stored and not any(n.startswith("editor/") for n in stored)

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    picture = page.locator(".article__body img[alt='Học viên chăm chú nghe giảng']")
    picture.scroll_into_view_if_needed()  # loaded lazily
    page.wait_for_function(
        "() => document.querySelector('.article__body picture img').naturalWidth > 0"
    )
    # The library picture's renditions, in a format Chromium takes (AVIF or WebP), not the file.
    shown = picture.evaluate("img => img.currentSrc")
    prefix = chosen.image.name.rsplit(".", 1)[0]
    assert f"/media/renditions/{prefix}/article@" in shown, shown
    assert shown.endswith((".avif", ".webp")), shown
