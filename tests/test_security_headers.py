"""Security headers, and the two Content-Security-Policies checked in Chromium."""

import pytest
from django.test import Client

from news.images import MESSAGES
from news.models import Article
from tests.builders import huge_png, image_bytes
from tests.conftest import editor_ready
from tests.factories import ArticleFactory, CategoryFactory, PhotoFactory, StaffFactory

PASSWORD = "mat-khau-thu-nghiem-1"
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: set(values)
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.fixture
def published(db):
    article = ArticleFactory(with_cover=True)
    PhotoFactory.create_batch(2, article=article)
    return article


def public_urls(article):
    return [
        "/",
        "/tin-tuc/",
        "/tin-tuc/?page=2",
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        "/khong-co-trang-nay/",
    ]


@pytest.mark.django_db
def test_public_pages_have_the_strict_policy_and_the_other_headers(client, published):
    for url in public_urls(published):
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        csp = directives(response)
        assert csp["default-src"] == {"'none'"}
        assert csp["script-src"] == {"'self'"} and csp["style-src"] == {"'self'"}
        assert csp["img-src"] == {"'self'"}
        assert csp["frame-ancestors"] == {"'none'"}
        assert csp["form-action"] == {"'self'"}
        assert csp["base-uri"] == {"'none'"}
        assert csp["object-src"] == {"'none'"}
        assert "unsafe" not in response["Content-Security-Policy"]
        for header, value in COMMON_HEADERS.items():
            assert response[header] == value, (url, header)


@pytest.mark.django_db
def test_admin_and_editor_endpoint_have_the_staff_policy(client):
    client.force_login(StaffFactory())
    for url, method in [
        ("/admin/login/", "get"),
        ("/admin/news/article/add/", "get"),
        ("/ckeditor/upload/", "post"),
    ]:
        response = getattr(client, method)(url)
        csp = directives(response)
        assert "'unsafe-inline'" in csp["script-src"] and "'unsafe-inline'" in csp["style-src"]
        assert "'unsafe-eval'" not in csp["script-src"]
        assert csp["frame-ancestors"] == {"'none'"} and csp["object-src"] == {"'none'"}
        assert csp["base-uri"] == {"'none'"} and csp["form-action"] == {"'self'"}
        for header, value in COMMON_HEADERS.items():
            assert response[header] == value, (url, header)


@pytest.mark.django_db
def test_media_is_served_with_nosniff_and_a_sandbox(client, published):
    response = client.get(published.cover.url)
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/jpeg", "image/png", "image/webp"}
    assert response["X-Content-Type-Options"] == "nosniff"
    csp = directives(response)
    assert csp["default-src"] == {"'none'"} and "sandbox" in csp


# In Chromium ---------------------------------------------------------------------------------

COLLECT_VIOLATIONS = """
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(
        e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


def watch(page):
    """Collect CSP violations as events (every frame) and as console messages."""
    seen = []
    page.add_init_script(COLLECT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            seen.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return seen


def violations(page, console):
    events = [
        item for frame in page.frames for item in (frame.evaluate("() => window.__csp") or [])
    ]
    return events + console


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_log_no_csp_violation_in_chromium(page, live_server, published):
    console = watch(page)
    for url in public_urls(published):
        page.goto(live_server.url + url, wait_until="load")
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        assert violations(page, console) == [], url
        if url == published.get_absolute_url():
            images = page.eval_on_selector_all(
                "main img", "(imgs) => imgs.map((img) => img.complete && img.naturalWidth > 0)"
            )
            assert len(images) >= 3 and all(images)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_article_form_with_ckeditor_works_under_its_policy(browser, live_server, tmp_path):
    StaffFactory(username="bientap", password=PASSWORD)
    category = CategoryFactory(name="Chính sách pháp luật")
    picture = tmp_path / "hoi-nghi.png"
    picture.write_bytes(image_bytes(80, 60))
    hostile = tmp_path / "logo.svg"
    hostile.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    huge = tmp_path / "rat-lon.png"
    huge.write_bytes(huge_png(10_000, 10_000))

    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.set_default_timeout(15_000)
    console = watch(page)
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.accept()))
    try:
        page.goto(live_server.url + "/admin/login/?next=/admin/news/article/add/")
        page.fill("#id_username", "bientap")
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/news/article/add/")
        editor_ready(page)
        page.fill("#id_title", "Hội nghị tập huấn chính sách mới")
        page.select_option("#id_category", str(category.pk))
        page.fill("#id_summary", "Cán bộ công đoàn được cập nhật các quy định mới.")
        page.fill("#id_author_name", "Ngọc Hân")

        page.frame_locator("iframe.cke_wysiwyg_frame").locator("body").click()
        page.keyboard.type("Đoàn viên tham dự đông đủ.")
        page.click(".cke_button__bold")
        page.keyboard.type(" Rất đáng khen.")
        page.click(".cke_button__justifycenter")  # a class, never style="text-align"

        def upload_in_dialog(path):
            page.click(".cke_button__image")
            page.locator(".cke_dialog_tab", has_text="Tải lên").click()
            file_frame = page.frame_locator("iframe.cke_dialog_ui_input_file")
            file_frame.locator("input[type=file]").set_input_files(str(path))
            page.click(".cke_dialog_ui_fileButton")

        # A refused picture: CKEditor shows our message in an alert and the dialog stays open.
        for path in (hostile, huge):
            with page.expect_event("dialog"):
                upload_in_dialog(path)
            page.click(".cke_dialog_ui_button_cancel")
        upload_in_dialog(picture)
        page.wait_for_function(
            "() => CKEDITOR.dialog.getCurrent().getValueOf('info', 'src').startsWith('/media/')"
        )
        page.evaluate("() => CKEDITOR.dialog.getCurrent().setValueOf('info', 'alt', 'Hội trường')")
        page.click(".cke_dialog_ui_button_ok")
        page.click("button[name=_transition][value=publish]")
        page.wait_for_url("**/admin/news/article/")

        assert violations(page, console) == []
    finally:
        context.close()
    # (The other dialogs are CKEditor asking whether to drop the dialog's changes.)
    ours = [alert for alert in alerts if alert in MESSAGES.values()]
    assert ours == [MESSAGES["format"], MESSAGES["pixels"]]
    article = Article.objects.get()
    assert "Đoàn viên tham dự đông đủ." in article.body
    assert "<strong>&nbsp;Rất đáng khen." in article.body
    assert '<p class="text-center">' in article.body
    assert 'alt="Hội trường"' in article.body and 'src="/media/editor/' in article.body
    html = Client().get(article.get_absolute_url()).content.decode()
    # Readers get the picture's renditions, made at its upload (news/body_pictures.py).
    assert "Rất đáng khen." in html and 'src="/media/renditions/editor/' in html


@pytest.mark.parametrize("path", ["/", "/tin-tuc/", "/admin/", "/ckeditor/upload/", "/media/a.jpg"])
def test_the_policy_built_once_is_the_one_django_csp_builds(path):
    """portal.security.PathCSPMiddleware's kept header is django-csp's own, path by path; a
    response a view decorated still gets the library's answer."""
    from csp.middleware import CSPMiddleware
    from django.http import HttpResponse
    from django.test import RequestFactory

    from portal.security import PathCSPMiddleware

    ours = PathCSPMiddleware(lambda request: HttpResponse())
    request = RequestFactory().get(path)
    ours.process_request(request)
    kept = ours.process_response(request, HttpResponse())["Content-Security-Policy"]
    library = RequestFactory().get(path)
    ours.process_request(library)
    built = CSPMiddleware.process_response(ours, library, HttpResponse())
    assert kept == built["Content-Security-Policy"]

    decorated = HttpResponse()
    decorated._csp_update = {"img-src": ["https://anh.example"]}
    updated = RequestFactory().get(path)
    ours.process_request(updated)
    assert (
        "https://anh.example"
        in ours.process_response(updated, decorated)["Content-Security-Policy"]
    )
