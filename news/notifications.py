"""E-mail about an article's steps: editors hear of a submission, the author of the answer."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.urls import reverse
from django.utils.timezone import localtime

from portal.newsroom.people import display_name

logger = logging.getLogger(__name__)


def editors():
    """Active staff who may review, with an address to write to."""
    perm = Q(user_permissions__codename="review_article") | Q(
        groups__permissions__codename="review_article"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(perm | Q(is_superuser=True))
        .exclude(email="")
        .distinct()
    )


def admin_link(article):
    path = reverse("admin:news_article_change", args=[article.pk])
    return f"{settings.SITE_URL}{path}"


def messages_for(row):
    article, actor = row.article, display_name(row.actor)
    Status = type(article).Status
    author = article.created_by
    if row.to_status == Status.PENDING:
        subject = f"[Chờ duyệt] {article.title}"
        body = (
            f"{actor} ({article.author_unit or 'chưa có đơn vị'}) vừa gửi bài chờ duyệt:\n\n"
            f"{article.title}\n\nDuyệt bài: {admin_link(article)}\n"
        )
        return [(subject, body, [u.email for u in editors() if u.pk != row.actor_id])]
    if author is None or not author.email or author.pk == row.actor_id:
        return []
    if row.to_status == Status.RETURNED:
        subject = f"[Trả lại] {article.title}"
        body = (
            f"Biên tập viên {actor} đã trả lại bài «{article.title}» với ghi chú:\n\n"
            f"{row.comment}\n\nSửa bài và gửi duyệt lại: {admin_link(article)}\n"
        )
        return [(subject, body, [author.email])]
    if row.to_status == Status.PUBLISHED:
        subject = f"[Đã duyệt] {article.title}"
        body = (
            f"Bài «{article.title}» đã được {actor} duyệt, "
            f"hiển thị từ {localtime(article.published_at):%H:%M %d/%m/%Y}.\n\n"
            f"{settings.SITE_URL}{article.get_absolute_url()}\n"
        )
        return [(subject, body, [author.email])]
    return []


def notify(row):
    """Send after the step is committed; a mail server that fails never undoes a step."""
    datatuple = [
        (subject, body, settings.DEFAULT_FROM_EMAIL, to)
        for subject, body, to in messages_for(row)
        if to
    ]
    if not datatuple:
        return
    try:
        send_mass_mail(datatuple, fail_silently=False)
    except OSError:
        logger.exception("Không gửi được thư về bài %s", row.article_id)
