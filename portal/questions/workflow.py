"""The life of a question, in one place.

Chờ trả lời → Đã trả lời – công bố (the answer on the site, and by e-mail to the asker)
Chờ trả lời → Đã trả lời – không công bố (by e-mail only: a personal case)
Đã trả lời – không công bố ⇄ Đã trả lời – công bố (publish later, or take it off the site)
Chờ trả lời ⇄ Không trả lời (spam, off-topic, a duplicate)

Every change — the admin form's buttons, the list action, the demo data — goes through
``transition()``, which checks the permission and the state, stamps who and when, saves, logs
the step in the admin history and, after the commit, e-mails the asker the answer once.
"""

from dataclasses import dataclass

from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .models import Question
from .notifications import send_answer

Status = Question.Status
PERMISSION = "questions.answer_question"


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    sources: frozenset
    target: str
    needs_answer: bool = False


STEPS = {
    step.name: step
    for step in [
        Step("publish", "Công bố câu trả lời", frozenset({Status.PENDING, Status.PRIVATE}),
             Status.PUBLISHED, needs_answer=True),
        Step("reply", "Chỉ gửi cho người hỏi (không công bố)", frozenset({Status.PENDING}),
             Status.PRIVATE, needs_answer=True),
        Step("unpublish", "Thôi công bố", frozenset({Status.PUBLISHED}), Status.PRIVATE),
        Step("decline", "Không trả lời", frozenset({Status.PENDING}), Status.DECLINED),
        Step("reopen", "Mở lại (chờ trả lời)", frozenset({Status.DECLINED}), Status.PENDING),
    ]
}  # fmt: skip


class TransitionRefused(PermissionDenied):
    """A step this person may not take on this question now; the message says why."""


def may_answer(user):
    return user.is_active and user.has_perm(PERMISSION)


def refusal(user, question, name, *, has_answer=None):
    """Why ``user`` may not take step ``name`` on ``question`` now, or None if they may.

    ``has_answer`` lets a form ask about the answer it is about to save.
    """
    step = STEPS.get(name)
    if step is None:
        return "Thao tác không tồn tại."
    if not may_answer(user):
        return f"Bạn không có quyền «{step.label}»."
    if question.status not in step.sources:
        return (
            f"Câu hỏi đang ở trạng thái «{question.get_status_display()}», "
            f"không thể «{step.label}»."
        )
    if has_answer is None:
        has_answer = question.has_answer()
    if step.needs_answer and not has_answer:
        return f"Hãy viết câu trả lời trước khi «{step.label}»."
    return None


def allowed_steps(user, question):
    return [step for step in STEPS.values() if refusal(user, question, step.name) is None]


def transition(question, name, *, by):
    """Take step ``name`` on ``question`` as user ``by``; raise TransitionRefused if not allowed."""
    step = STEPS.get(name)
    with transaction.atomic():
        # The stored row decides, not what a stale form or list showed.
        current = Question.objects.select_for_update().get(pk=question.pk)
        reason = refusal(by, current, name)
        if reason:
            raise TransitionRefused(reason)
        from_label = current.get_status_display()
        now = timezone.now()
        current.status = step.target
        if step.needs_answer:
            current.answered_by = by
            current.answered_at = now
        if step.target == Status.PUBLISHED:
            current.published_at = now
            current.make_slug()
        else:
            current.published_at = None
        send = step.needs_answer and current.email and current.answer_emailed_at is None
        if send:
            # Claimed inside the transaction, so two clicks never send two e-mails.
            current.answer_emailed_at = now
        current.save()
        for field in ("status", "answered_by", "answered_at", "published_at", "slug"):
            setattr(question, field, getattr(current, field))
        question.answer_emailed_at = current.answer_emailed_at
        LogEntry.objects.log_actions(
            by.pk,
            [current],
            CHANGE,
            change_message=f"{step.label}: {from_label} → {current.get_status_display()}",
            single_object=True,
        )
        if send:
            transaction.on_commit(lambda: send_answer(current))
    return current
