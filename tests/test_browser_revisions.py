"""An editor works with an article's versions in a real Chromium."""

import pytest

from news import workflow
from news.models import Article
from tests.conftest import set_editor_body, sign_in
from tests.factories import ArticleFactory, PhotoFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_lists_compares_and_restores_versions(page, live_server):
    editor = StaffFactory(username="bientap-phienban", full_name="Đỗ Thu Hà")
    sign_in(page, live_server, editor)
    article = ArticleFactory(draft=True, title="Bản đầu", body="<p>Hội nghị thông qua quy chế.</p>")
    PhotoFactory(article=article, caption="Ảnh hội trường")
    workflow.transition(article, "publish", by=editor)  # the first version, made by the workflow

    # An edit in the form, with a note: the body changes and the title too.
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    page.fill("#id_title", "Bản sửa")
    page.fill("#id_version_note", "Sửa tiêu đề theo ý kiến ban biên tập")
    set_editor_body(page, "<p>Hội nghị nhất trí thông qua quy chế.</p>")
    with page.expect_navigation():  # the same address before and after: wait for the answer
        page.locator("input[name=_continue]").click()

    page.get_by_role("link", name="Phiên bản").first.click()
    rows = page.locator("table.versions tbody tr")
    assert rows.count() == 2
    assert "Đỗ Thu Hà" in rows.first.inner_text()
    assert "Sửa tiêu đề theo ý kiến ban biên tập" in rows.first.inner_text()

    page.get_by_role("button", name="So sánh hai bản đã chọn").click()
    assert page.locator(".body-diff ins").inner_text() == "nhất trí"
    assert "Bản đầu" in page.locator("table.version-diff").inner_text()

    page.get_by_role("link", name="Về danh sách phiên bản").click()
    page.locator("table.versions tbody tr").nth(1).get_by_role("link", name="Khôi phục").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Khôi phục phiên bản này").click()
    page.wait_for_url("**/change/")
    assert "Đã khôi phục phiên bản" in page.locator(".messagelist").inner_text()

    article.refresh_from_db()
    assert article.title == "Bản đầu"
    assert article.status == Article.Status.PUBLISHED
    assert page.locator("#id_title").input_value() == "Bản đầu"
