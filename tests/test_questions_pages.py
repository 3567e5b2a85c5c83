"""Hỏi đáp in Chromium and the Nu checker: axe 0 violations and 0 HTML errors on the list,
search, topic, detail, form (also with its errors) and thank-you pages; a person sends a question
and gets the thank-you page."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from portal.questions.models import Question
from tests.factories import QuestionFactory, StaffFactory, TopicFactory
from tests.test_a11y import axe_page, describe, run_axe  # noqa: F401  (axe_page is a fixture)
from tests.test_html_valid import run_vnu, summarize
from tests.test_security_headers import violations, watch

ANSWER = (
    "<p>Chào bạn,</p><p>Theo Bộ luật Lao động, tiền lương làm thêm giờ ít nhất bằng:</p>"
    "<ul><li>150% vào ngày thường;</li><li>200% vào ngày nghỉ hằng tuần;</li>"
    "<li>300% vào ngày nghỉ lễ, tết.</li></ul>"
    "<blockquote><p>Làm thêm giờ phải được người lao động đồng ý.</p></blockquote>"
    '<table><tbody><tr><th scope="row">Ngày thường</th><td>150%</td></tr>'
    '<tr><th scope="row">Chủ nhật</th><td>200%</td></tr></tbody></table>'
    '<p>Xem thêm <a href="https://example.gov.vn/van-ban">văn bản hướng dẫn</a>.</p>'
)


def build_qa():
    """A topic with enough answers for two pages, one rich answer, one question still waiting."""
    now = timezone.now()
    topic = TopicFactory(name="Tiền lương", slug="tien-luong")
    for n in range(12):
        QuestionFactory(
            published=True,
            topic=topic,
            title=f"Công ty trả lương chậm {n + 2} ngày có bị phạt không?",
            published_at=now - dt.timedelta(days=n + 2),
        )
    main = QuestionFactory(
        published=True,
        topic=topic,
        title="Làm thêm giờ vào ngày chủ nhật được trả lương thế nào?",
        question=(
            "Tôi làm công nhân may, tháng trước công ty bắt làm thêm hai ngày chủ nhật.\n\n"
            "Công ty chỉ trả như ngày thường, <b>như vậy</b> có đúng không?"
        ),
        answer=ANSWER,
        published_at=now - dt.timedelta(hours=3),
    )
    QuestionFactory(topic=topic, title="Câu hỏi chờ trả lời")
    return {"topic": topic, "main": main}


def paths(site):
    return {
        "list": "/hoi-dap/",
        "list-page-2": "/hoi-dap/?page=2",
        "search": "/hoi-dap/?q=lam+them+gio",
        "topic": site["topic"].get_absolute_url(),
        "detail": site["main"].get_absolute_url(),
        "ask": "/hoi-dap/gui-cau-hoi/",
        "thanks": "/hoi-dap/gui-cau-hoi/da-gui/",
    }


PAGE_TYPES = ["list", "list-page-2", "search", "topic", "detail", "ask", "ask-errors", "thanks"]


@pytest.mark.django_db
def test_qa_pages_are_valid_html(client, tmp_path):
    files = {}
    for name, path in paths(build_qa()).items():
        response = client.get(path)
        assert response.status_code == 200, name
        files[name] = tmp_path / f"{name}.html"
        files[name].write_bytes(response.content)
    errors = client.post("/hoi-dap/gui-cau-hoi/", {"asker_name": "", "question": "ngắn"})
    assert errors.status_code == 200 and b"qa-form__errors" in errors.content
    files["ask-errors"] = tmp_path / "ask-errors.html"
    files["ask-errors"].write_bytes(errors.content)
    assert sorted(files) == sorted(PAGE_TYPES)
    counts, lines = summarize(run_vnu(files.values()), files)
    for name, count in sorted(counts.items()):
        print(f"Nu {name}: {count['error']} errors, {count['warning']} warnings")
    for _, line in lines:
        print(line)
    errors = [line for kind, line in lines if kind == "error"]
    assert errors == [], "\n".join(errors)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_qa_pages_have_no_axe_violations(axe_page, live_server, page_type):  # noqa: F811
    site_paths = paths(build_qa())
    found = {}
    for width in (360, 1280):
        axe_page.set_viewport_size({"width": width, "height": 900})
        if page_type == "ask-errors":
            axe_page.goto(live_server.url + site_paths["ask"])
            with axe_page.expect_navigation():
                axe_page.get_by_role("button", name="Gửi câu hỏi").click()
            assert axe_page.locator(".qa-form__errors").is_visible()
        else:
            response = axe_page.goto(live_server.url + site_paths[page_type])
            assert response.status == 200
        # Nothing wider than a phone's screen.
        overflow = axe_page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width, f"{page_type} is {overflow}px wide at {width}px"
        results = run_axe(axe_page)
        violations_found = results["violations"]
        print(f"axe {page_type} @{width}px: {len(violations_found)} violations")
        if violations_found:
            found[width] = describe(violations_found)
    assert not found, "\n".join(f"{width} px:\n{text}" for width, text in found.items())


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_person_sends_a_question_and_is_thanked(page, live_server):
    TopicFactory(name="Bảo hiểm xã hội", slug="bao-hiem-xa-hoi-2")
    editor = StaffFactory(email="bientap@example.org")
    console = watch(page)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_server.url + "/hoi-dap/")
    page.get_by_role("link", name="Gửi câu hỏi").first.click()
    page.wait_for_url("**/hoi-dap/gui-cau-hoi/")
    page.get_by_label("Họ và tên (bắt buộc)").fill("Trần Thị Mai")
    page.get_by_label("Số điện thoại").fill("0912 345 678")
    page.get_by_label("Thư điện tử").fill("mai@example.org")
    page.get_by_label("Nơi làm việc").fill("Nhà máy chế biến thủy sản")
    page.get_by_label("Chủ đề (bắt buộc)").select_option(label="Bảo hiểm xã hội")
    question = page.get_by_label("Câu hỏi (bắt buộc)")
    question.fill("Công ty chậm đóng bảo hiểm xã hội, khi sinh con em có được hưởng thai sản?")
    # The honeypot is off screen and skipped by Tab: from the question, Tab reaches the button.
    box = page.locator(".hp-field").bounding_box()
    assert box is None or box["x"] + box["width"] <= 0
    question.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Gửi câu hỏi"
    page.wait_for_timeout(3200)  # as long as a person takes, at least: the time check
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi câu hỏi").click()
    assert page.url.endswith("/hoi-dap/gui-cau-hoi/da-gui/")
    assert page.get_by_role("heading", level=1).inner_text() == "Cảm ơn bạn đã gửi câu hỏi"
    stored = Question.objects.get()
    assert stored.asker_name == "Trần Thị Mai" and stored.status == Question.Status.PENDING
    assert stored.ip_address == "127.0.0.1"
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert violations(page, console) == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_answer_with_the_editor_and_publish(signed_in, live_server):
    editor = StaffFactory()
    question = QuestionFactory(email="nguoihoi@example.org")
    page = signed_in(editor)
    page.goto(f"{live_server.url}/admin/questions/question/{question.pk}/change/")
    page.wait_for_function(
        "() => window.CKEDITOR && CKEDITOR.instances.id_answer"
        " && CKEDITOR.instances.id_answer.status === 'ready'"
    )
    page.evaluate(
        "html => new Promise(done => CKEDITOR.instances.id_answer.setData(html, {callback: done}))",
        ANSWER,
    )
    page.get_by_label("Tiêu đề công bố").fill("Làm thêm giờ ngày chủ nhật")
    with page.expect_navigation():
        page.get_by_role("button", name="Công bố câu trả lời").click()
    assert "Đã «Công bố câu trả lời»" in page.locator(".messagelist").inner_text()
    question.refresh_from_db()
    assert question.is_published() and question.answered_by == editor
    assert "<li>200% vào ngày nghỉ hằng tuần;</li>" in question.answer
    assert [m.to for m in mail.outbox] == [["nguoihoi@example.org"]]
    page.goto(live_server.url + question.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == "Làm thêm giờ ngày chủ nhật"
    assert page.locator(".qa__answer li").count() == 3
