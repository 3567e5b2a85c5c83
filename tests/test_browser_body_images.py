"""Pictures in the body as an editor inserts and pastes them, in a real Chromium."""

import html

import pytest

from news.models import Article
from tests.builders import image_bytes
from tests.conftest import editor_ready, sign_in
from tests.factories import CategoryFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALT_LABEL = "Mô tả ảnh cho người không xem được ảnh (bắt buộc)"
ALT_REQUIRED = (
    "Hãy mô tả ảnh cho người không xem được ảnh (ví dụ: “Đoàn viên nhận quà tại hội trường”)."
)
PASTED = (
    '<p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:14pt">'
    "Lễ kết nạp đoàn viên mới</span></p>"
    '<p class="MsoNormal"><img src="https://baomoi.example/anh.jpg" width="300"></p>'
    '<p class="MsoNormal">Ảnh dán từ trang khác.</p>'
)


@pytest.fixture
def editor_page(page, live_server):
    """A browser page logged in as an editor (the session cookie of a real login)."""
    return sign_in(page, live_server, StaffFactory(username="bientap"))


def get_data(page):
    """The editor's data with its entities (CKEditor writes "ú" as "&uacute;") read back."""
    return html.unescape(page.evaluate("() => CKEDITOR.instances.id_body.getData()"))


def test_picture_with_an_untyped_caption_a_required_alt_and_a_pasted_foreign_picture(
    editor_page, live_server, tmp_path
):
    category = CategoryFactory(name="Hoạt động Công đoàn")
    picture = tmp_path / "ket-nap.png"
    picture.write_bytes(image_bytes(80, 60))
    page = editor_page
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.accept()))
    page.goto(f"{live_server.url}/admin/news/article/add/")
    editor_ready(page)
    page.fill("#id_title", "Kết nạp đoàn viên mới")
    page.select_option("#id_category", str(category.pk))
    page.fill("#id_summary", "Công đoàn cơ sở kết nạp 50 đoàn viên mới.")
    page.fill("#id_author_name", "Minh Thư")
    page.frame_locator("iframe.cke_wysiwyg_frame").locator("body").click()
    page.keyboard.type("Buổi lễ diễn ra trang trọng.")

    # The image dialog: upload, tick "captioned", type no caption.
    page.click(".cke_button__image")
    dialog = page.locator(".cke_dialog")
    dialog.get_by_text(ALT_LABEL, exact=True).wait_for()
    page.locator(".cke_dialog_tab", has_text="Tải lên").click()
    file_frame = page.frame_locator("iframe.cke_dialog_ui_input_file")
    file_frame.locator("input[type=file]").set_input_files(str(picture))
    page.click(".cke_dialog_ui_fileButton")
    page.wait_for_function(
        "() => CKEDITOR.dialog.getCurrent().getValueOf('info', 'src').startsWith('/media/')"
    )
    dialog.get_by_label("Ảnh có chú thích").check()

    # No description: OK is refused with our message and the dialog stays open.
    with page.expect_event("dialog"):
        page.click(".cke_dialog_ui_button_ok")
    assert alerts == [ALT_REQUIRED]
    assert page.evaluate("() => CKEDITOR.dialog.getCurrent() !== null")
    dialog.get_by_label(ALT_LABEL).fill("   ")
    with page.expect_event("dialog"):
        page.click(".cke_dialog_ui_button_ok")
    assert alerts == [ALT_REQUIRED, ALT_REQUIRED]

    dialog.get_by_label(ALT_LABEL).fill("Đoàn viên mới tuyên thệ")
    page.click(".cke_dialog_ui_button_ok")
    page.wait_for_function("() => CKEDITOR.dialog.getCurrent() === null")
    # The editor shows where the caption goes; left as it is, it is not part of the data.
    caption = page.frame_locator("iframe.cke_wysiwyg_frame").locator("figcaption")
    assert caption.count() == 1
    data = get_data(page)
    assert 'alt="Đoàn viên mới tuyên thệ"' in data and 'src="/media/editor/' in data
    for placeholder in ("Nhãn", "Caption", "Chú thích ảnh", "<figcaption"):
        assert placeholder not in data

    # Pasted from Word or another site: the foreign picture goes, with a visible notice.
    page.evaluate(
        """(html) => {
            const editor = CKEDITOR.instances.id_body
            editor.focus()
            const end = editor.createRange()  // after the picture, not replacing it
            end.moveToElementEditEnd(editor.editable())
            end.select()
            editor.fire('paste', {
                type: 'html', method: 'paste', dataValue: html,
                dataTransfer: new CKEDITOR.plugins.clipboard.dataTransfer(),
            })
        }""",
        PASTED,
    )
    warning = page.locator(".cke_notification_warning")
    warning.wait_for()
    assert "Đã bỏ 1 ảnh dán từ Word hoặc trang khác" in warning.inner_text()
    data = get_data(page)
    assert "baomoi.example" not in data and "Ảnh dán từ trang khác." in data
    assert '<p class="text-center">Lễ kết nạp đoàn viên mới</p>' in data
    assert "Mso" not in data and "style=" not in data

    page.locator("button[name=_transition][value=publish]").click()
    page.wait_for_url("**/admin/news/article/")
    body = Article.objects.get().body
    assert 'alt="Đoàn viên mới tuyên thệ"' in body
    for gone in ("Nhãn", "Caption", "Chú thích ảnh", "<figcaption", "baomoi.example", "<p></p>"):
        assert gone not in body, gone
    assert '<p class="text-center">Lễ kết nạp đoàn viên mới</p>' in body


def test_a_typed_caption_is_kept(editor_page, live_server, tmp_path):
    category = CategoryFactory()
    picture = tmp_path / "hoi-truong.png"
    picture.write_bytes(image_bytes(80, 60))
    page = editor_page
    page.goto(f"{live_server.url}/admin/news/article/add/")
    editor_ready(page)
    page.fill("#id_title", "Hội nghị người lao động")
    page.select_option("#id_category", str(category.pk))
    page.fill("#id_summary", "Hội nghị người lao động năm 2024.")
    page.fill("#id_author_name", "Quốc Bảo")
    page.frame_locator("iframe.cke_wysiwyg_frame").locator("body").click()
    page.click(".cke_button__image")
    page.locator(".cke_dialog_tab", has_text="Tải lên").click()
    file_frame = page.frame_locator("iframe.cke_dialog_ui_input_file")
    file_frame.locator("input[type=file]").set_input_files(str(picture))
    page.click(".cke_dialog_ui_fileButton")
    page.wait_for_function(
        "() => CKEDITOR.dialog.getCurrent().getValueOf('info', 'src').startsWith('/media/')"
    )
    dialog = page.locator(".cke_dialog")
    dialog.get_by_label("Ảnh có chú thích").check()
    dialog.get_by_label(ALT_LABEL).fill("Hội trường kín người")
    page.click(".cke_dialog_ui_button_ok")
    caption = page.frame_locator("iframe.cke_wysiwyg_frame").locator("figcaption")
    caption.click()
    # The prompt, selected whole (and checked so, a loaded machine may lag), replaced by typing.
    caption.select_text()
    for _ in range(50):
        if caption.evaluate(
            "el => el.ownerDocument.getSelection().toString().trim() === el.textContent.trim()"
        ):
            break
        caption.select_text()
        page.wait_for_timeout(100)
    page.keyboard.type("Quang cảnh hội nghị")
    assert "<figcaption>Quang cảnh hội nghị</figcaption>" in get_data(page)

    page.locator("button[name=_transition][value=publish]").click()
    page.wait_for_url("**/admin/news/article/")
    body = Article.objects.get().body
    assert '<figure class="article-figure">' in body
    assert "<figcaption>Quang cảnh hội nghị</figcaption>" in body
