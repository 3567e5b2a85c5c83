"""From a unit's correspondent to the public, in a real Chromium, clicks counted."""

import datetime as dt
import time

import pytest
from django.utils import timezone

from news.models import Article
from tests.factories import CategoryFactory, CorrespondentFactory, StaffFactory, UnitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class Clicks:
    """A page whose clicks are counted: "clicks from writing to publishing"."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def click(self, selector):
        self.count += 1
        self.page.locator(selector).click()


def test_write_submit_return_fix_resubmit_schedule_and_it_appears_by_itself(
    browser, live_server, signed_in
):
    unit = UnitFactory(short_name="CĐCKCN", name="Công đoàn các Khu công nghiệp")
    category = CategoryFactory(name="Hoạt động công đoàn")
    author = CorrespondentFactory(unit=unit, full_name="Trần Thị Thu")
    editor = StaffFactory(full_name="Lê Văn Duyệt")
    writer = signed_in(author)
    checker = signed_in(editor)
    w, e = Clicks(writer), Clicks(checker)

    # The correspondent writes and submits.
    writer.goto(f"{live_server.url}/admin/news/article/add/")
    writer.locator("#id_title").fill("Công nhân khu công nghiệp hiến máu tình nguyện")
    writer.select_option("#id_category", str(category.pk))
    writer.fill("#id_summary", "Hơn 200 công nhân tham gia ngày hội hiến máu.")
    writer.fill("#id_author_name", "Thu Trang")
    w.click("iframe.cke_wysiwyg_frame")
    writer.keyboard.type("Ngày hội diễn ra tại nhà văn hóa công nhân.")
    assert writer.locator("#id_status").count() == 0  # no state field to forge in the page
    assert writer.locator("button[value=publish]").count() == 0
    w.click("button[name=_transition][value=submit]")
    writer.wait_for_url("**/admin/news/article/")
    article = Article.objects.get()
    assert (article.status, article.author_unit) == (Article.Status.PENDING, unit)

    # The editor finds it in the queue and returns it with a comment.
    checker.goto(f"{live_server.url}/admin/")
    e.click("text=Chờ duyệt: 1 bài")
    e.click(f"text={article.title}")
    checker.fill("#id_workflow_comment", "Ghi rõ số đơn vị máu thu được.")
    with checker.expect_navigation():
        e.click("button[name=_transition][value=return]")

    # The correspondent sees the comment, fixes and resubmits.
    writer.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    notice = writer.locator(".workflow-notice")
    assert "Ghi rõ số đơn vị máu thu được." in notice.inner_text()
    assert "Lê Văn Duyệt trả lại" in notice.inner_text()
    w.click("iframe.cke_wysiwyg_frame")
    writer.keyboard.press("End")
    writer.keyboard.type(" Thu được 215 đơn vị máu.")
    w.click("button[name=_transition][value=submit]")
    writer.wait_for_url("**/admin/news/article/")
    article.refresh_from_db()
    assert article.status == Article.Status.PENDING and "215 đơn vị máu" in article.body

    # The editor schedules it a few seconds ahead.
    at = timezone.localtime() + dt.timedelta(seconds=6)
    checker.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    checker.fill("#id_published_at_0", f"{at:%d/%m/%Y}")
    checker.fill("#id_published_at_1", f"{at:%H:%M:%S}")
    e.click("button[name=_transition][value=publish]")
    checker.wait_for_url("**/admin/news/article/")
    assert f"Hẹn giờ {at:%H:%M %d/%m}" in checker.locator("#result_list").inner_text()

    # Readers get a 404 until the time, then the article, with no job run in between.
    reader = browser.new_context().new_page()
    public = f"{live_server.url}{article.get_absolute_url()}"
    assert reader.goto(public).status == 404
    deadline = time.monotonic() + 20
    while reader.goto(public).status != 200:
        assert time.monotonic() < deadline, "the scheduled article never appeared"
        time.sleep(1)
    assert "Thu được 215 đơn vị máu." in reader.locator("article").inner_text()

    # The timeline shows every step.
    checker.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    steps = checker.locator("ol.timeline li").all_inner_texts()
    assert len(steps) == 4
    assert "Trần Thị Thu: Nháp → Chờ duyệt" in steps[0]
    assert "Lê Văn Duyệt: Chờ duyệt → Trả lại — «Ghi rõ số đơn vị máu thu được.»" in steps[1]
    assert "Trần Thị Thu: Trả lại → Chờ duyệt" in steps[2]
    assert "Lê Văn Duyệt: Chờ duyệt → Đã xuất bản" in steps[3]
    print(f"\nclicks: correspondent {w.count}, editor {e.count}")
    # With one return: the correspondent 4 (editor field and Gửi duyệt, twice), the editor 4
    # (queue, article, Trả lại, Duyệt và xuất bản). Without a return, writing to publishing
    # takes 2 + 3 clicks besides typing.
    assert w.count == 4 and e.count == 4
