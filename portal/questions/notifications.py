"""E-mail of the Q&A: staff hear of a new question, the asker gets the answer.

Both are sent after the commit (transaction.on_commit), so a mail server that fails never loses
a question or undoes a publication; the failure is logged.
"""

import logging
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from news.search import html_to_text
from portal.sitesettings import models as site_settings

logger = logging.getLogger(__name__)
# Where a block of the answer ends: a line break in the plain-text e-mail.
_BLOCK_END = re.compile(r"</(?:p|h2|h3|h4|li|blockquote|tr|table|figure)>|<br\s*/?>", re.I)


def plain_text(answer_html):
    """The cleaned answer as plain text, one paragraph a line."""
    lines = html_to_text(_BLOCK_END.sub("\n", answer_html or "")).splitlines()
    return "\n\n".join(" ".join(line.split()) for line in lines if line.strip())


def staff_recipients():
    """settings.QUESTIONS_NOTIFY_EMAILS, else active staff who may answer (and superusers)."""
    if settings.QUESTIONS_NOTIFY_EMAILS:
        return list(settings.QUESTIONS_NOTIFY_EMAILS)
    perm = Q(
        user_permissions__codename="answer_question",
        user_permissions__content_type__app_label="questions",
    ) | Q(
        groups__permissions__codename="answer_question",
        groups__permissions__content_type__app_label="questions",
    )
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(perm | Q(is_superuser=True))
        .exclude(email="")
        .distinct()
    )
    return sorted({user.email for user in users})


def notify_staff(question):
    """A new question waits: its topic, its text and the link to answer it. No contact details:
    the message may be forwarded; they are in the admin."""
    recipients = staff_recipients()
    if not recipients:
        return
    link = settings.SITE_URL + reverse("admin:questions_question_change", args=[question.pk])
    body = render_to_string(
        "questions/email/new_question.txt", {"question": question, "admin_link": link}
    )
    try:
        send_mail(
            f"[Hỏi đáp] Câu hỏi mới: {question.public_title}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    except OSError:
        logger.exception("Không gửi được thư báo câu hỏi %s", question.pk)


def send_answer(question):
    """The answer to the asker, as plain text with an HTML alternative; once (workflow.py)."""
    link = settings.SITE_URL + question.get_absolute_url() if question.is_published() else ""
    context = {
        "question": question,
        "answer_text": plain_text(question.answer),
        "link": link,
        "site_settings": site_settings.current(),
    }
    message = EmailMultiAlternatives(
        f"Trả lời câu hỏi của bạn: {question.public_title}",
        render_to_string("questions/email/answer.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [question.email],
    )
    html = render_to_string("questions/email/answer.html", context)
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except OSError:
        logger.exception("Không gửi được thư trả lời câu hỏi %s", question.pk)
        # Not sent: the next publication may try again.
        type(question).objects.filter(pk=question.pk).update(answer_emailed_at=None)
