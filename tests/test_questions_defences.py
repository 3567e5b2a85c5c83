"""The question form's defences: honeypot, signed time stamp, rate limit per address, CSRF, and
hostile text stored as text."""

import re
import time
from pathlib import Path

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from portal.questions import defences
from portal.questions.models import Question
from tests.factories import QuestionFactory, StaffFactory, TopicFactory

pytestmark = pytest.mark.django_db

ASK = "/hoi-dap/gui-cau-hoi/"
THANKS = "/hoi-dap/gui-cau-hoi/da-gui/"
TEXT = "Công ty bắt tôi làm thêm ngày chủ nhật nhưng chỉ trả lương như ngày thường, có đúng không?"


@pytest.fixture
def topic(db):
    return TopicFactory(name="Tiền lương", slug="tien-luong")


def form_data(topic, /, *, seconds_ago=10, **overrides):
    data = {
        "asker_name": "Nguyễn Văn Hùng",
        "phone": "0912 345 678",
        "email": "hung@example.org",
        "workplace": "Công ty TNHH May mặc Phú Thịnh",
        "topic": str(topic.pk),
        "question": TEXT,
        defences.STAMP_FIELD: defences.new_stamp(time.time() - seconds_ago),
        defences.HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


def post(client, data, address="198.51.100.10", **extra):
    return client.post(ASK, data, REMOTE_ADDR=address, **extra)


def test_a_question_is_stored_pending_and_the_person_sent_to_thank_you(client, topic):
    response = post(client, form_data(topic))
    assert response.status_code == 302 and response["Location"] == THANKS
    question = Question.objects.get()
    assert question.status == Question.Status.PENDING
    assert question.ip_address == "198.51.100.10"
    assert question.question == TEXT and question.email == "hung@example.org"
    assert client.get(THANKS).status_code == 200


def test_staff_who_may_answer_hear_of_a_new_question(
    client, topic, django_capture_on_commit_callbacks
):
    editor = StaffFactory(email="bientap@example.org")
    StaffFactory(email="ctv@example.org", role_name="Cộng tác viên")
    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data(topic))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert "Câu hỏi mới" in message.subject
    question = Question.objects.get()
    assert reverse("admin:questions_question_change", args=[question.pk]) in message.body
    # The message may be forwarded: no contact details in it.
    assert "0912" not in message.body and "hung@example.org" not in message.body


def test_the_notification_setting_wins(client, topic, settings, django_capture_on_commit_callbacks):
    settings.QUESTIONS_NOTIFY_EMAILS = ["phapluat@example.gov.vn"]
    StaffFactory(email="bientap@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data(topic))
    assert [m.to for m in mail.outbox] == [["phapluat@example.gov.vn"]]


# --- honeypot ------------------------------------------------------------------------------


def test_a_filled_honeypot_is_dropped_with_the_same_thank_you(
    client, topic, django_capture_on_commit_callbacks
):
    StaffFactory(email="bientap@example.org")
    data = form_data(topic, **{defences.HONEYPOT_FIELD: "http://spam.example"})
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, data)
    assert response.status_code == 302 and response["Location"] == THANKS
    assert not Question.objects.exists()
    assert mail.outbox == []


def test_the_honeypot_is_hidden_by_class_and_skipped_by_screen_readers(client, topic):
    html = client.get(ASK).content.decode()
    wrapper = re.search(r'<div class="hp-field" aria-hidden="true">(.*?)</div>', html, re.S)
    assert wrapper, "the honeypot is wrapped in .hp-field with aria-hidden"
    field = re.search(rf'<input[^>]*name="{defences.HONEYPOT_FIELD}"[^>]*>', wrapper.group(1))
    assert 'tabindex="-1"' in field.group() and 'autocomplete="off"' in field.group()
    assert "style=" not in html
    css = Path(__file__).resolve().parent.parent / "static" / "css" / "site.css"
    assert re.search(r"\.hp-field \{[^}]*left: -10000px", css.read_text(encoding="utf-8"))


# --- time stamp ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stamp, message",
    [
        (lambda: defences.new_stamp(), defences.TOO_FAST),  # posted at once
        (lambda: defences.new_stamp(time.time() - 1), defences.TOO_FAST),
        (lambda: defences.new_stamp(time.time() - 2 * 86400), defences.EXPIRED),  # stale
        (lambda: "", defences.EXPIRED),  # missing
        (lambda: "1700000000.0", defences.EXPIRED),  # unsigned
        (lambda: defences.new_stamp(time.time() - 10)[:-3] + "abc", defences.EXPIRED),  # forged
        (lambda: signing.dumps(time.time() - 10, salt="another"), defences.EXPIRED),
        (lambda: defences.new_stamp("not a time"), defences.EXPIRED),
    ],
    ids=["at-once", "1s", "2-days", "missing", "unsigned", "tampered", "other-salt", "not-a-time"],
)
def test_a_bad_time_stamp_is_refused_and_keeps_what_was_typed(client, topic, stamp, message):
    data = form_data(topic, **{defences.STAMP_FIELD: stamp()})
    data[defences.HONEYPOT_FIELD] = ""
    response = post(client, data)
    assert response.status_code == 200
    assert not Question.objects.exists()
    html = response.content.decode()
    assert message.split(".")[0] in html
    assert TEXT in html and 'value="Nguyễn Văn Hùng"' in html and 'value="0912 345 678"' in html
    # A fresh stamp comes with the form: sent again after a moment, it goes through.
    fresh = re.search(rf'name="{defences.STAMP_FIELD}" value="([^"]+)"', html).group(1)
    assert fresh != data[defences.STAMP_FIELD]
    assert time.time() - signing.loads(fresh, salt=defences._SALT) < 5


def test_three_seconds_after_the_form_is_enough(client, topic, settings):
    settings.QUESTIONS_MIN_SECONDS = 3
    response = post(client, form_data(topic, seconds_ago=3.5))
    assert response.status_code == 302


def test_the_honeypot_is_not_kept_when_the_form_comes_back(client, topic):
    data = form_data(topic, seconds_ago=0, question="ngắn")
    data[defences.HONEYPOT_FIELD] = ""
    html = post(client, data).content.decode()
    assert re.search(rf'name="{defences.HONEYPOT_FIELD}" value=""', html)


# --- rate limit ----------------------------------------------------------------------------


def test_the_fourth_question_in_an_hour_from_one_address_is_refused(client, topic, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(3):
        # A new forged X-Forwarded-For each time: ignored with no proxy in front.
        response = post(
            client,
            form_data(topic, question=f"{TEXT} ({n})"),
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
        assert response.status_code == 302
    response = post(client, form_data(topic), HTTP_X_FORWARDED_FOR="10.0.0.99")
    assert response.status_code == 200
    html = response.content.decode()
    assert "chỉ gửi được 3 câu hỏi trong một giờ" in html
    assert "60 phút" in html or "59 phút" in html
    assert TEXT in html  # what was typed is kept
    assert Question.objects.count() == 3
    assert set(Question.objects.values_list("ip_address", flat=True)) == {"198.51.100.10"}
    # Another address is not held back.
    assert post(client, form_data(topic), address="198.51.100.11").status_code == 302


def test_behind_the_proxy_the_address_nginx_saw_counts(client, topic, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(3):
        forwarded = f"10.9.9.{n}, 203.0.113.50"  # forged first entry, nginx's last
        response = post(client, form_data(topic, question=f"{TEXT} {n}"), address="127.0.0.1",
                        HTTP_X_FORWARDED_FOR=forwarded)  # fmt: skip
        assert response.status_code == 302
    assert set(Question.objects.values_list("ip_address", flat=True)) == {"203.0.113.50"}
    refused = post(client, form_data(topic), address="127.0.0.1",
                   HTTP_X_FORWARDED_FOR="10.9.9.200, 203.0.113.50")  # fmt: skip
    assert refused.status_code == 200 and Question.objects.count() == 3
    other = post(client, form_data(topic), address="127.0.0.1",
                 HTTP_X_FORWARDED_FOR="203.0.113.51")  # fmt: skip
    assert other.status_code == 302


def test_questions_older_than_an_hour_do_not_count(client, topic):
    import datetime as dt

    from django.utils import timezone

    QuestionFactory.create_batch(3, topic=topic, ip_address="198.51.100.10")
    Question.objects.update(created_at=timezone.now() - dt.timedelta(minutes=61))
    assert post(client, form_data(topic)).status_code == 302


# --- CSRF, and the form under a page cache -------------------------------------------------


def test_a_post_without_csrf_token_is_refused_in_vietnamese(topic):
    client = Client(enforce_csrf_checks=True)
    response = post(client, form_data(topic))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Biểu mẫu đã hết hạn" in page
    # A public form has no autosave: the page says how to keep the text instead.
    assert "Chữ bạn đã gõ thường vẫn còn" in page and "tự lưu" not in page
    assert not Question.objects.exists()


def fresh_token(client):
    html = client.get(ASK).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_post_with_the_token_of_a_fresh_get_goes_through(topic):
    client = Client(enforce_csrf_checks=True)
    data = form_data(topic, csrfmiddlewaretoken=fresh_token(client))
    assert post(client, data).status_code == 302
    assert Question.objects.count() == 1


def test_the_form_page_is_never_kept_by_a_shared_cache(client, topic):
    response = client.get(ASK)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-cache", "no-store"} <= cache_control


def test_under_a_page_cache_each_visitor_gets_a_working_token(topic, settings):
    """Django's own page cache in front of every view: the form page is not stored, so a second
    visitor gets their own token and time stamp, and both can post."""
    settings.MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_token, second_token = fresh_token(first), fresh_token(second)
    assert first_token != second_token
    assert post(first, form_data(topic, csrfmiddlewaretoken=first_token)).status_code == 302
    data = form_data(topic, csrfmiddlewaretoken=second_token, question=f"{TEXT} (2)")
    assert post(second, data, address="198.51.100.12").status_code == 302
    assert Question.objects.count() == 2
    # The same cache does keep a public page: the test would notice a cache that stores nothing.
    list_page = first.get("/hoi-dap/")
    assert "max-age=600" in list_page["Cache-Control"]


# --- what people type ----------------------------------------------------------------------

HOSTILE = [
    '<script>alert("xss")</script>Công ty có được trừ lương khi tôi nghỉ ốm không ạ?',
    "<img src=x onerror=alert(1)> Tôi bị nợ lương hai tháng, tôi phải làm gì bây giờ?",
    "</textarea><svg onload=alert(1)> Công ty không cho tôi nghỉ phép năm, có đúng không?",
    "Hỏi về <b>bảo hiểm</b> &amp; &lt;tai nạn&gt; lao động trên đường đi làm về nhà.",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_question_text_is_stored_as_text_and_escaped(client, topic, text):
    assert post(client, form_data(topic, question=text)).status_code == 302
    question = Question.objects.get()
    assert question.question == text  # stored as typed: text, not HTML to clean
    question.status, question.slug = Question.Status.PUBLISHED, "cau-hoi-thu"
    question.answer = "<p>Trả lời.</p>"
    question.published_at = question.created_at
    question.save()
    for url in (question.get_absolute_url(), "/hoi-dap/", "/hoi-dap/rss/"):
        body = client.get(url).content.decode()
        assert "<script>alert" not in body and "<img src=x" not in body
        assert "<svg" not in body and "<b>bảo hiểm</b>" not in body
    # Shown as the text that was typed.
    assert escape(text) in client.get(question.get_absolute_url()).content.decode()


def test_control_characters_are_dropped(client, topic):
    text = "Tôi\x00 bị\x1b[31m trừ\u202e lương\x07 khi nghỉ ốm,\r\ncó đúng không ạ?\tCảm ơn."
    data = form_data(topic, question=text, asker_name="Lê\x00 Văn\x08 Tâm")
    assert post(client, data).status_code == 302
    question = Question.objects.get()
    assert question.question == "Tôi bị[31m trừ lương khi nghỉ ốm,\ncó đúng không ạ?\tCảm ơn."
    assert question.asker_name == "Lê Văn Tâm"


def test_a_very_long_question_is_refused_with_its_length_and_kept(client, topic):
    text = "Người lao động hỏi về tiền lương. " * 200  # 6,800 characters
    response = post(client, form_data(topic, question=text))
    assert response.status_code == 200
    html = response.content.decode()
    assert "quá giới hạn 3000 ký tự" in html
    assert text.strip() in html
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"phone": "", "email": ""}, "Hãy để lại số điện thoại hoặc thư điện tử"),
        ({"email": "khong-phai-thu"}, "Địa chỉ thư điện tử chưa đúng"),
        ({"phone": "gọi tôi"}, "Số điện thoại chỉ gồm chữ số"),
        ({"topic": "999999"}, "Hãy chọn một chủ đề trong danh sách."),
        ({"topic": "abc"}, "Hãy chọn một chủ đề trong danh sách."),
        ({"asker_name": ""}, "Hãy cho biết họ và tên của bạn."),
        ({"question": "Hỏi?"}, "Câu hỏi quá ngắn"),
    ],
)
def test_a_form_error_is_in_vietnamese_and_keeps_the_rest(client, topic, overrides, message):
    response = post(client, form_data(topic, **overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert not Question.objects.exists()
    if "question" not in overrides:
        assert TEXT in html


def test_one_contact_is_enough(client, topic):
    assert post(client, form_data(topic, phone="")).status_code == 302
    assert post(client, form_data(topic, email="", question=f"{TEXT} (2)")).status_code == 302
    assert Question.objects.count() == 2
