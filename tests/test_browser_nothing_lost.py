"""Nothing typed is lost, in a real Chromium: a second editor, a lost session, a closed tab."""

import time

import pytest
from django.conf import settings

from news.models import Article, Autosave
from tests.conftest import editor_ready, set_editor_body
from tests.factories import ArticleFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "mat-khau-thu-nghiem-1"


def body_of(page):
    return page.evaluate("() => CKEDITOR.instances.id_body.document.getBody().getText()")


def sign_in_again(page, username):
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit], button[type=submit]").first.click()


def test_two_editors_the_second_save_is_refused_and_keeps_its_text(live_server, signed_in):
    article = ArticleFactory(title="Hội nghị người lao động", summary="Sa-pô ban đầu.")
    an = signed_in(StaffFactory(full_name="Nguyễn Văn An"))
    binh = signed_in(StaffFactory(full_name="Trần Thị Bình"))
    url = f"{live_server.url}/admin/news/article/{article.pk}/change/"
    an.goto(url)
    binh.goto(url)
    # Bình opened second: the form tells who else has it open.
    assert "Bài đang được Nguyễn Văn An sửa từ" in binh.locator("#presence-notice").inner_text()

    an.fill("#id_title", "Hội nghị người lao động năm 2026")
    with an.expect_navigation():  # the same address before and after: wait for the answer
        an.locator("input[name=_continue]").click()

    binh.fill("#id_summary", "Sa-pô Bình viết lại, dài và kỹ hơn.")
    with binh.expect_navigation():
        binh.locator("input[name=_continue]").click()
    error = binh.locator(".errornote, .errorlist").first.inner_text() + binh.content()
    assert "Bài đã được Nguyễn Văn An lưu lúc" in error
    assert binh.locator("#id_summary").input_value() == "Sa-pô Bình viết lại, dài và kỹ hơn."
    article.refresh_from_db()
    assert (article.title, article.summary) == (
        "Hội nghị người lao động năm 2026",
        "Sa-pô ban đầu.",
    )

    # Bình merges An's title in and saves again on purpose: it goes through.
    binh.fill("#id_title", "Hội nghị người lao động năm 2026")
    with binh.expect_navigation():
        binh.locator("input[name=_continue]").click()
    article.refresh_from_db()
    assert (article.title, article.summary) == (
        "Hội nghị người lao động năm 2026",
        "Sa-pô Bình viết lại, dài và kỹ hơn.",
    )


def test_autosave_brings_the_text_back_after_the_session_cookie_is_deleted(
    live_server, signed_in, settings
):
    settings.ARTICLE_AUTOSAVE_SECONDS = 1
    editor = StaffFactory(username="bientap-tuluu")
    article = ArticleFactory(title="Tiêu đề đã lưu", body="<p>Đoạn đã lưu.</p>")
    page = signed_in(editor)
    url = f"{live_server.url}/admin/news/article/{article.pk}/change/"
    page.goto(url)
    editor_ready(page)
    page.fill("#id_title", "Tiêu đề đang viết dở")
    set_editor_body(page, "<p>Đoạn viết dở chưa kịp lưu.</p>")
    page.wait_for_function(
        "() => document.getElementById('autosave-status').textContent.includes('Đã tự lưu')"
    )
    # A tick that began before the text was all in does not count: wait for one with all of it.
    deadline = time.monotonic() + 15
    while "chưa kịp lưu" not in str(Autosave.objects.filter(user=editor).values("data").first()):
        assert time.monotonic() < deadline, "no autosave with the whole text"
        page.wait_for_timeout(200)

    # The session cookie goes (expired, signed out elsewhere); the next tick says so; tab closed.
    page.context.clear_cookies(name=settings.SESSION_COOKIE_NAME)
    page.wait_for_function(
        "() => document.getElementById('autosave-status').textContent.includes('Chưa tự lưu')"
    )
    page.close()
    article.refresh_from_db()
    assert article.title == "Tiêu đề đã lưu"  # the autosave never writes over the article

    page = page.context.new_page()
    page.goto(url)
    sign_in_again(page, "bientap-tuluu")
    page.wait_for_url(url)
    editor_ready(page)
    assert page.locator("#id_title").input_value() == "Tiêu đề đã lưu"
    page.get_by_role("button", name="Khôi phục bản tự lưu").click()
    assert page.locator("#id_title").input_value() == "Tiêu đề đang viết dở"
    assert "Đoạn viết dở chưa kịp lưu." in body_of(page)
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/news/article/")
    article.refresh_from_db()
    assert article.title == "Tiêu đề đang viết dở"
    assert "Đoạn viết dở chưa kịp lưu." in article.body


def test_a_save_after_the_session_expired_comes_back_through_the_login(live_server, signed_in):
    editor = StaffFactory(username="bientap-hetphien")
    article = ArticleFactory(title="Tiêu đề cũ")
    page = signed_in(editor)
    url = f"{live_server.url}/admin/news/article/{article.pk}/change/"
    page.goto(url)
    editor_ready(page)
    page.fill("#id_title", "Tiêu đề gõ khi phiên đã hết")
    set_editor_body(page, "<p>Một đoạn dài vừa gõ xong.</p>")
    page.context.clear_cookies(name=settings.SESSION_COOKIE_NAME)
    page.locator("input[name=_save]").click()

    page.wait_for_url("**/admin/login/**")
    sign_in_again(page, "bientap-hetphien")
    page.wait_for_url(url)
    editor_ready(page)
    assert page.locator("#id_title").input_value() == "Tiêu đề gõ khi phiên đã hết"
    assert "Một đoạn dài vừa gõ xong." in body_of(page)
    assert Article.objects.get(pk=article.pk).title == "Tiêu đề cũ"
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/news/article/")
    article.refresh_from_db()
    assert article.title == "Tiêu đề gõ khi phiên đã hết"
    assert "Một đoạn dài vừa gõ xong." in article.body
