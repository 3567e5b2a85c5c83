"""Hỏi đáp: the published rule, the workflow and its e-mail, the admin, the public pages, privacy,
query ceilings, search, the sidebar block, roles and demo data."""

import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.text import vietnamese_slugify
from portal.newsroom import roles
from portal.questions import demo, workflow
from portal.questions.models import Question, Topic
from tests.factories import (
    ContentAdminFactory,
    CorrespondentFactory,
    QuestionFactory,
    StaffFactory,
    TopicFactory,
)
from tests.test_queries import HORIZON, SITE_WIDE_CACHES

pytestmark = pytest.mark.django_db

ANSWER = "<p>Bạn được trả <strong>ít nhất 200%</strong> tiền lương ngày thường.</p><p>Hỏi thêm.</p>"


@pytest.fixture
def editor(db):
    return StaffFactory(email="bientap@example.org")


@pytest.fixture
def topic(db):
    return TopicFactory(name="Tiền lương", slug="tien-luong")


def publish(question, by, capture):
    with capture(execute=True):
        workflow.transition(question, "publish", by=by)
    question.refresh_from_db()
    return question


# --- topics ---------------------------------------------------------------------------------


def test_the_migration_made_the_starting_topics_with_vietnamese_slugs():
    slugs = list(Topic.objects.values_list("slug", flat=True))
    for slug in ("tien-luong", "bao-hiem-xa-hoi", "hop-dong-lao-dong", "ky-luat-lao-dong",
                 "thoi-gio-lam-viec-nghi-ngoi", "an-toan-ve-sinh-lao-dong",
                 "cong-doan"):  # fmt: skip
        assert slug in slugs
    assert slugs.index("tien-luong") < slugs.index("cong-doan")  # ordered by "thứ tự"


def test_a_new_topic_gets_its_slug_from_its_vietnamese_name():
    assert Topic.objects.create(name="Đình công và đối thoại").slug == "dinh-cong-va-doi-thoai"


# --- the published rule ---------------------------------------------------------------------


@pytest.mark.parametrize("status", ["pending", "private", "declined"])
def test_only_published_answers_reach_the_public(client, status):
    shown = QuestionFactory(published=True)
    hidden = QuestionFactory(published=True, status=status)
    assert list(Question.objects.published()) == [shown]
    assert client.get(shown.get_absolute_url()).status_code == 200
    assert client.get(hidden.get_absolute_url()).status_code == 404
    listing = client.get("/hoi-dap/").content.decode()
    assert shown.title in listing and hidden.title not in listing
    assert hidden.title not in client.get("/hoi-dap/rss/").content.decode()
    sitemap = client.get("/sitemap-questions.xml").content.decode()
    assert shown.get_absolute_url() in sitemap and hidden.get_absolute_url() not in sitemap


def test_public_asker_is_a_given_name_or_bạn_đọc():
    assert QuestionFactory.build(asker_name="Nguyễn Văn Hùng").public_asker == "Bạn Hùng"
    assert QuestionFactory.build(asker_name="TRẦN THỊ MAI").public_asker == "Bạn Mai"
    assert QuestionFactory.build(asker_name="  ").public_asker == "Bạn đọc"
    assert QuestionFactory.build(asker_name="12345 !!").public_asker == "Bạn đọc"


def test_a_question_without_title_is_shown_by_its_first_words():
    question = QuestionFactory.build(title="", question=" ".join(["lương"] * 30))
    assert question.public_title == " ".join(["lương"] * 16) + "…"


# --- workflow -------------------------------------------------------------------------------


def test_publishing_stamps_who_and_when_and_mails_the_asker_once(
    editor, django_capture_on_commit_callbacks
):
    question = QuestionFactory(answer=ANSWER, email="nguoihoi@example.org")
    before = timezone.now()
    publish(question, editor, django_capture_on_commit_callbacks)
    assert question.status == Question.Status.PUBLISHED
    assert question.answered_by == editor and question.answered_at >= before
    assert question.published_at >= before and question.slug
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nguoihoi@example.org"]
    link = "http://127.0.0.1:8000" + question.get_absolute_url()
    assert link in message.body
    assert "Bạn được trả ít nhất 200% tiền lương ngày thường.\n\nHỏi thêm." in message.body
    html, mime = message.alternatives[0]
    assert mime == "text/html" and "<strong>ít nhất 200%</strong>" in html and link in html
    # Taken off the site and published again: the asker already has the answer.
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(question, "unpublish", by=editor)
        workflow.transition(question, "publish", by=editor)
    assert len(mail.outbox) == 1


def test_no_email_no_mail(editor, django_capture_on_commit_callbacks):
    question = QuestionFactory(answer=ANSWER, email="", phone="0912 345 678")
    publish(question, editor, django_capture_on_commit_callbacks)
    assert question.is_published() and mail.outbox == []


def test_a_private_answer_is_mailed_without_a_link_and_never_public(
    client, editor, django_capture_on_commit_callbacks
):
    question = QuestionFactory(answer=ANSWER)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(question, "reply", by=editor)
    question.refresh_from_db()
    assert question.status == Question.Status.PRIVATE and question.answered_by == editor
    assert question.slug is None and not Question.objects.published().exists()
    assert len(mail.outbox) == 1 and "/hoi-dap/" not in mail.outbox[0].body


def test_unpublishing_takes_the_answer_off_the_site(client, editor):
    question = QuestionFactory(published=True)
    url = question.get_absolute_url()
    workflow.transition(question, "unpublish", by=editor)
    assert client.get(url).status_code == 404
    assert question.published_at is None and question.answered_at is not None


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_a_mail_server_down_never_undoes_the_publication(
    editor, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "tests.test_questions.FailingBackend"
    question = publish(QuestionFactory(answer=ANSWER), editor, django_capture_on_commit_callbacks)
    assert question.is_published()
    assert question.answer_emailed_at is None  # not sent: a later publication tries again
    assert "Không gửi được thư trả lời" in caplog.text


@pytest.mark.parametrize(
    "step, status, answer, reason",
    [
        ("publish", "pending", "", "Hãy viết câu trả lời"),
        ("publish", "pending", "<p> </p>", "Hãy viết câu trả lời"),
        ("reply", "published", ANSWER, "không thể"),
        ("unpublish", "pending", ANSWER, "không thể"),
        ("reopen", "pending", ANSWER, "không thể"),
        ("nonsense", "pending", ANSWER, "Thao tác không tồn tại"),
    ],
)
def test_steps_out_of_place_are_refused(editor, step, status, answer, reason):
    question = QuestionFactory(status=status, answer=answer)
    with pytest.raises(workflow.TransitionRefused, match=reason):
        workflow.transition(question, step, by=editor)
    question.refresh_from_db()
    assert question.status == status


def test_only_who_may_answer_takes_a_step(db):
    question = QuestionFactory(answer=ANSWER)
    for user in (CorrespondentFactory(), StaffFactory(role_name=None)):
        with pytest.raises(workflow.TransitionRefused, match="không có quyền"):
            workflow.transition(question, "publish", by=user)
    assert Question.objects.get().status == Question.Status.PENDING


def test_decline_and_reopen(editor):
    question = QuestionFactory()
    workflow.transition(question, "decline", by=editor)
    assert question.status == Question.Status.DECLINED
    workflow.transition(question, "reopen", by=editor)
    assert Question.objects.get().status == Question.Status.PENDING


def test_the_answer_is_cleaned_on_every_write(editor):
    question = QuestionFactory(answer='<p onclick="x()">Đúng</p><script>alert(1)</script>')
    assert question.answer == "<p>Đúng</p>"
    Question.objects.filter(pk=question.pk).update(answer="<p>A</p><iframe src=x></iframe>")
    assert Question.objects.get().answer == "<p>A</p>"


# --- roles ----------------------------------------------------------------------------------


def test_roles_hold_the_qa_permissions(db):
    roles.sync_roles(Group, Permission)  # as the migrations leave them
    editor, admin, correspondent = StaffFactory(), ContentAdminFactory(), CorrespondentFactory()
    for user in (editor, admin):
        assert user.has_perm("questions.answer_question")
        assert user.has_perm("questions.change_question")
    assert admin.has_perm("questions.change_topic") and not editor.has_perm(
        "questions.change_topic"
    )
    assert not correspondent.has_perm("questions.answer_question")
    assert not correspondent.has_perm("questions.view_question")


# --- admin ----------------------------------------------------------------------------------


def test_the_admin_list_filters_searches_and_counts_the_waiting(client, editor, topic):
    other = TopicFactory(name="Công đoàn phí", slug="cong-doan-phi")
    QuestionFactory(topic=topic, question="Lương làm thêm giờ ngày lễ được tính thế nào ạ?")
    QuestionFactory(topic=other, asker_name="Trần Thị Mai", question="Đoàn phí đóng bao nhiêu?")
    QuestionFactory(published=True, topic=topic)
    client.force_login(editor)
    url = reverse("admin:questions_question_changelist")
    page = client.get(url).content.decode()
    assert "Chờ trả lời: 2 câu hỏi" in page
    assert client.get(url, {"status__exact": "published"}).context["cl"].result_count == 1
    assert client.get(url, {"topic__id__exact": other.pk}).context["cl"].result_count == 1
    found = client.get(url, {"q": "lam them gio ngay le"}).context["cl"].result_list
    assert [q.question for q in found] == ["Lương làm thêm giờ ngày lễ được tính thế nào ạ?"]
    assert client.get(url, {"q": "tran thi mai"}).context["cl"].result_count == 1
    index = client.get(reverse("admin:index")).content.decode()
    assert "Chờ trả lời: 2 câu hỏi" in index


def test_a_correspondent_has_no_qa_admin(client):
    client.force_login(CorrespondentFactory())
    assert client.get(reverse("admin:questions_question_changelist")).status_code == 403
    assert "Chờ trả lời" not in client.get(reverse("admin:index")).content.decode()


def change_data(question, **overrides):
    data = {
        "asker_name": question.asker_name,
        "phone": question.phone,
        "email": question.email,
        "workplace": question.workplace,
        "topic": question.topic_id,
        "title": "Lương làm thêm giờ ngày chủ nhật",
        "question": question.question,
        "answer": ANSWER,
    }
    data.update(overrides)
    return data


def test_answering_and_publishing_from_the_form(client, editor, django_capture_on_commit_callbacks):
    question = QuestionFactory()
    client.force_login(editor)
    url = reverse("admin:questions_question_change", args=[question.pk])
    page = client.get(url).content.decode()
    assert 'name="_buoc" value="publish"' in page and "ckeditor" in page.lower()
    assert question.phone in page and question.ip_address in page  # staff see the asker
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, change_data(question, _buoc="publish"))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.is_published() and question.answered_by == editor
    assert question.title == "Lương làm thêm giờ ngày chủ nhật"
    assert question.slug == "luong-lam-them-gio-ngay-chu-nhat"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [question.email]
    assert client.get(question.get_absolute_url()).status_code == 200


def test_publishing_an_empty_answer_keeps_the_form_and_says_why(client, editor):
    question = QuestionFactory()
    client.force_login(editor)
    url = reverse("admin:questions_question_change", args=[question.pk])
    response = client.post(
        url, change_data(question, answer="", title="Tiêu đề gõ dở", _buoc="publish")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hãy viết câu trả lời trước khi «Công bố câu trả lời»" in page
    assert "Tiêu đề gõ dở" in page
    assert Question.objects.get().status == Question.Status.PENDING


def test_the_list_action_publishes_what_has_an_answer(
    client, editor, django_capture_on_commit_callbacks
):
    ready, empty = QuestionFactory(answer=ANSWER), QuestionFactory()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:questions_question_changelist"),
            {"action": "publish_selected", "_selected_action": [ready.pk, empty.pk]},
            follow=True,
        )
    page = response.content.decode()
    assert "Đã «Công bố câu trả lời» 1 câu hỏi." in page and "Hãy viết câu trả lời" in page
    assert list(Question.objects.published()) == [ready]
    assert len(mail.outbox) == 1


# --- public pages: privacy -------------------------------------------------------------------

SECRETS = {
    "full name": "Nguyễn Văn Hùng",
    "family name": "Nguyễn Văn",
    "phone": "0912 345 678",
    "phone digits": "0912345678",
    "email": "hung.bimat@example.org",
    "workplace": "Công ty TNHH Bí Mật Phú Thịnh",
    "ip": "203.0.113.77",
}


def public_urls(question):
    return [
        "/hoi-dap/",
        "/hoi-dap/?q=lam+them+gio",
        question.topic.get_absolute_url(),
        question.get_absolute_url(),
        "/hoi-dap/rss/",
        "/sitemap.xml",
        "/hoi-dap/gui-cau-hoi/",
        "/hoi-dap/gui-cau-hoi/da-gui/",
    ]


def test_the_askers_details_are_never_public(client):
    question = QuestionFactory(
        published=True,
        asker_name=SECRETS["full name"],
        phone=SECRETS["phone"],
        email=SECRETS["email"],
        workplace=SECRETS["workplace"],
        ip_address=SECRETS["ip"],
        title="Làm thêm giờ ngày chủ nhật",
    )
    for url in public_urls(question):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for what, secret in SECRETS.items():
            assert secret not in body, f"{what} on {url}"
            assert secret.lower() not in body.lower(), f"{what} on {url}"
    assert "Bạn Hùng hỏi" in client.get(question.get_absolute_url()).content.decode()
    sidebar = Template("{% load questions_tags %}{% recent_answers %}").render(Context())
    assert question.title in sidebar
    assert all(secret not in sidebar for secret in SECRETS.values())


def test_the_public_search_never_finds_a_question_by_its_asker(client):
    QuestionFactory(published=True, asker_name="Nguyễn Văn Hùng", workplace="Công ty Phú Thịnh")
    for query in ("nguyen van hung", "phu thinh", "example.org"):
        response = client.get("/hoi-dap/", {"q": query})
        assert response.context["paginator"].count == 0, query


# --- search, pagination ----------------------------------------------------------------------


def test_search_without_diacritics(client):
    QuestionFactory(published=True, title="Lương làm thêm giờ", question="Ngày lễ có nhân ba?")
    QuestionFactory(published=True, title="Đoàn phí công đoàn", question="Đóng bao nhiêu?")
    QuestionFactory(title="Làm thêm giờ chưa trả lời", question="Chờ trả lời")  # pending
    for query in ("lam them gio", "LÀM THÊM", "luong lam them", "nhan ba"):
        found = client.get("/hoi-dap/", {"q": query}).context["page_obj"].object_list
        assert [q.title for q in found] == ["Lương làm thêm giờ"], query
    found = client.get("/hoi-dap/", {"q": "doan phi"}).context["page_obj"].object_list
    assert [q.title for q in found] == ["Đoàn phí công đoàn"]
    # Whole words: 'luon' is not 'lương'.
    assert client.get("/hoi-dap/", {"q": "luon"}).context["paginator"].count == 0
    page = client.get("/hoi-dap/", {"q": "lam them"}).content.decode()
    assert "Lương <mark>làm</mark> <mark>thêm</mark> giờ" in page


def test_search_within_a_topic(client, topic):
    QuestionFactory(published=True, topic=topic, title="Lương làm thêm giờ")
    QuestionFactory(published=True, title="Làm thêm giờ ở chủ đề khác")
    found = client.get(topic.get_absolute_url(), {"q": "lam them"}).context["page_obj"]
    assert [q.title for q in found] == ["Lương làm thêm giờ"]


@pytest.mark.parametrize("query", ["page=abc", "page=0", "page=-1", "page=999", "page=1.5",
                                   "page=" + "9" * 500])  # fmt: skip
@pytest.mark.parametrize("where", ["list", "topic"])
def test_bad_page_numbers_are_404_never_500(client, topic, query, where):
    QuestionFactory.create_batch(12, published=True, topic=topic)
    url = "/hoi-dap/" if where == "list" else topic.get_absolute_url()
    assert client.get(f"{url}?{query}").status_code == 404
    second = client.get(f"{url}?page=2")
    assert second.status_code == 200 and len(second.context["page_obj"]) == 2


@pytest.mark.parametrize("query", ["q=%00", "q=" + "ệ" * 5000, "q=%ff%fe", "q=!!!"])
def test_hostile_search_is_never_500(client, query):
    QuestionFactory(published=True)
    assert client.get(f"/hoi-dap/?{query}").status_code in {200, 400}


def test_unknown_topic_and_question_are_404(client):
    assert client.get("/hoi-dap/chu-de/khong-co/").status_code == 404
    assert client.get("/hoi-dap/cau-hoi/khong-co/").status_code == 404


# --- query ceilings -------------------------------------------------------------------------


def build(n):
    topic = TopicFactory(name="Bảo hiểm xã hội", slug="bao-hiem-xa-hoi-thu")
    questions = QuestionFactory.create_batch(n, published=True, topic=topic)
    return topic, questions[n // 2]


PAGES = {
    # page: (url, exact queries when warm)
    "list": (lambda topic, q: "/hoi-dap/", 2),  # count, page of questions
    "search": (lambda topic, q: "/hoi-dap/?q=lam+them+gio", 2),
    "topic": (lambda topic, q: topic.get_absolute_url(), 2),  # topic from the cache
    "detail": (lambda topic, q: q.get_absolute_url(), 2),  # question, same-topic list
    "ask": (lambda topic, q: "/hoi-dap/gui-cau-hoi/", 1),  # the topics of the select
    "thanks": (lambda topic, q: "/hoi-dap/gui-cau-hoi/da-gui/", 0),
    "feed": (lambda topic, q: "/hoi-dap/rss/", 1),
}


@pytest.mark.parametrize("n", [1, 30])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_exact_query_counts(client, django_assert_num_queries, page, n):
    make_url, expected = PAGES[page]
    url = make_url(*build(n))
    assert client.get(url).status_code == 200  # fills the menu and topic caches
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


def test_a_cold_cache_adds_only_the_cached_lists(client, django_assert_num_queries):
    topic, question = build(3)
    # The page's own 2, the topics, and what every news page fills once (tests/test_queries.py).
    with django_assert_num_queries(2 + 1 + SITE_WIDE_CACHES + HORIZON):
        client.get(question.get_absolute_url())


# --- sidebar block --------------------------------------------------------------------------

SIDEBAR = Template("{% load questions_tags %}{% recent_answers %}")


def test_the_sidebar_block_shows_the_5_latest_answers_at_no_cost_when_warm(editor):
    now = timezone.now()
    for n in range(7):
        QuestionFactory(published=True, title=f"Câu trả lời số {n}",
                        published_at=now - dt.timedelta(days=n))  # fmt: skip
    QuestionFactory(title="Chưa trả lời")
    html = SIDEBAR.render(Context())
    titles = re.findall(r"Câu trả lời số \d", html)
    assert titles == [f"Câu trả lời số {n}" for n in range(5)]
    assert "Chưa trả lời" not in html
    with CaptureQueriesContext(connection) as warm:
        assert SIDEBAR.render(Context()) == html
    assert len(warm.captured_queries) == 0


def test_the_sidebar_block_follows_saves_and_deletes(editor):
    old = QuestionFactory(published=True, title="Câu hỏi cũ")
    assert "Câu hỏi cũ" in SIDEBAR.render(Context())
    new = QuestionFactory(answer=ANSWER, title="Câu hỏi vừa công bố")
    workflow.transition(new, "publish", by=editor)
    assert "Câu hỏi vừa công bố" in SIDEBAR.render(Context())
    old.title = "Câu hỏi đã sửa tiêu đề"
    old.save()
    assert "Câu hỏi đã sửa tiêu đề" in SIDEBAR.render(Context())
    Question.objects.filter(pk=new.pk).delete()  # the admin's bulk delete
    html = SIDEBAR.render(Context())
    assert "Câu hỏi vừa công bố" not in html and "Câu hỏi đã sửa tiêu đề" in html


# --- demo -----------------------------------------------------------------------------------


def test_demo_questions_load_once():
    StaffFactory(username=demo.ANSWERER)
    out = io.StringIO()
    demo.load(out)
    total = Question.objects.count()
    assert total == len(demo.QUESTIONS)
    published = Question.objects.published().count()
    pending = Question.objects.pending().count()
    assert published >= 7 and pending >= 2 and published + pending == total
    assert Topic.objects.filter(slug=vietnamese_slugify("Bảo hiểm xã hội")).exists()
    assert len({q.topic_id for q in Question.objects.all()}) >= 7
    demo.load(out)
    assert Question.objects.count() == total
    assert "(mới 0)" in out.getvalue().splitlines()[-1]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/questions/",
        "/admin/questions/question/",
        "/admin/questions/question/?status__exact=pending&_facets=True",
        "/admin/questions/question/?q=lam+them",
        "/admin/questions/question/{pk}/change/",
        "/admin/questions/question/{pk}/history/",
        "/admin/questions/topic/",
        "/admin/questions/topic/add/",
    ],
)
def test_the_qa_admin_speaks_vietnamese(client, url):
    from tests.test_admin_vietnamese import leaks, visible_text

    admin = ContentAdminFactory()
    question = QuestionFactory(answer=ANSWER)
    workflow.transition(question, "publish", by=admin)
    client.force_login(admin)
    response = client.get(url.format(pk=question.pk))
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert leaks(text) == [], text
