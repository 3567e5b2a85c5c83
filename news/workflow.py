"""The life of an article, in one place.

Nháp → Chờ duyệt → Đã xuất bản (now, or Hẹn giờ at a future time); Chờ duyệt → Trả lại (with the
editor's comment) → Chờ duyệt again; Đã xuất bản → Đã gỡ (with a reason). Every state change —
from the article form, a list action or anything later — goes through ``transition()``, which
checks the role and the unit, stamps the publication time, saves, and records the step (an
ArticleTransition row, the admin history and a version). Who may edit or delete what is here
too, so the admin only asks.
"""

from dataclasses import dataclass

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from portal.newsroom.people import unit_of

from .models import Article, ArticleTransition
from .notifications import notify

Status = Article.Status
# A correspondent edits their unit's article only while it is theirs to work on.
EDITABLE_BY_UNIT = {Status.DRAFT, Status.RETURNED}


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    sources: frozenset
    target: str
    permission: str
    needs_comment: bool = False


STEPS = {
    step.name: step
    for step in [
        Step("submit", "Gửi duyệt", frozenset(EDITABLE_BY_UNIT), Status.PENDING,
             "news.submit_article"),
        Step("return", "Trả lại", frozenset({Status.PENDING}), Status.RETURNED,
             "news.review_article", needs_comment=True),
        Step("publish", "Duyệt và xuất bản",
             frozenset({Status.DRAFT, Status.PENDING, Status.RETURNED, Status.WITHDRAWN}),
             Status.PUBLISHED, "news.review_article"),
        Step("withdraw", "Gỡ bài", frozenset({Status.PUBLISHED}), Status.WITHDRAWN,
             "news.review_article", needs_comment=True),
    ]
}  # fmt: skip


class TransitionRefused(PermissionDenied):
    """A step this person may not take on this article now; the message says why."""


def sees_all_units(user):
    return user.has_perm("news.edit_all_units")


def may_review(user):
    return user.has_perm("news.review_article")


def in_reach(user, article):
    """Editors reach every article; a correspondent only their own unit's."""
    if sees_all_units(user):
        return True
    unit = unit_of(user)
    return unit is not None and article.author_unit_id == unit.pk


def can_edit(user, article):
    if not user.has_perm("news.change_article") or not in_reach(user, article):
        return False
    return article.deleted_at is None and (
        sees_all_units(user) or article.status in EDITABLE_BY_UNIT
    )


def can_delete(user, article):
    if not user.has_perm("news.delete_article") or not in_reach(user, article):
        return False
    return sees_all_units(user) or article.status in EDITABLE_BY_UNIT


def refusal(user, article, name, comment=""):
    """Why ``user`` may not take step ``name`` on ``article`` now, or None if they may."""
    step = STEPS.get(name)
    if step is None:
        return "Thao tác không tồn tại."
    if not user.has_perm(step.permission) or not in_reach(user, article):
        return f"Bạn không có quyền «{step.label}» với bài này."
    if article.deleted_at is not None:
        return "Bài đang ở thùng rác."
    if article.status not in step.sources:
        return f"Bài đang ở trạng thái «{article.get_status_display()}», không thể «{step.label}»."
    if step.needs_comment and not comment.strip():
        return f"Hãy ghi lý do khi «{step.label}»."
    return None


def allowed_steps(user, article):
    """The steps to offer as buttons (the comment is asked for separately)."""
    return [
        step
        for step in STEPS.values()
        if refusal(user, article, step.name, comment="-" if step.needs_comment else "") is None
    ]


def transition(article, name, *, by, comment="", publish_at=None):
    """Take step ``name`` on ``article`` as user ``by``; raise TransitionRefused if not allowed.

    Publishing stamps the publication time with now unless one was set (by hand, or
    ``publish_at`` here: a future time schedules the article).
    """
    step = STEPS.get(name)
    comment = (comment or "").strip()
    with transaction.atomic(), reversion.create_revision():
        # The stored row decides, not what a stale form or list showed.
        current = Article.objects.select_for_update().get(pk=article.pk)
        reason = refusal(by, current, name, comment)
        if reason:
            raise TransitionRefused(reason)
        from_status = current.status
        current.status = step.target
        if step.target == Status.PUBLISHED:
            if publish_at is not None:
                current.published_at = publish_at
            elif current.published_at is None:
                current.published_at = timezone.now()
        current.updated_by = by
        current.save()
        for field in ("status", "published_at", "updated_by_id", "updated_at", "edit_version"):
            setattr(article, field, getattr(current, field))
        row = ArticleTransition.objects.create(
            article=current,
            actor=by,
            from_status=from_status,
            to_status=step.target,
            comment=comment,
            publish_at=current.published_at if step.target == Status.PUBLISHED else None,
        )
        message = f"{step.label}: {row}" + (f". Ghi chú: {comment}" if comment else "")
        LogEntry.objects.log_actions(
            by.pk, [current], CHANGE, change_message=message, single_object=True
        )
        reversion.set_user(by)
        if not reversion.get_comment():
            reversion.set_comment(message)
        transaction.on_commit(lambda: notify(row))
    return row
