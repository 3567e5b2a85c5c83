"""Cached lists shown on many pages: the topics, and the latest answers for the sidebar block.

Cleared whenever a topic or a question is saved or deleted (also by the admin's bulk delete and
loaddata, which send the same signals), so a warm page asks the database nothing for them.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal.pagecache import memo

from .models import Question, Topic

TOPICS_KEY = "questions:topics"
RECENT_KEY = "questions:recent-answers"
RECENT_COUNT = 5
TIMEOUT = 3600


def topics():
    found = cache.get(TOPICS_KEY)
    if found is None:
        found = list(Topic.objects.all())
        cache.set(TOPICS_KEY, found, TIMEOUT)
    return found


def recent_answers():
    """The latest published answers as plain values: a title, its address and its date; in each
    worker's memory while the content is unchanged (portal.pagecache.memo)."""
    return memo.shared("questions-recent-answers", _recent_answers)


def _recent_answers():
    found = cache.get(RECENT_KEY)
    if found is None:
        rows = Question.objects.published().only("title", "question", "slug", "published_at")
        found = [
            {"title": q.public_title, "url": q.get_absolute_url(), "published_at": q.published_at}
            for q in rows.order_by("-published_at", "-id")[:RECENT_COUNT]
        ]
        cache.set(RECENT_KEY, found, TIMEOUT)
    return found


@receiver([post_save, post_delete], sender=Topic)
def _topic_changed(**kwargs):
    cache.delete(TOPICS_KEY)


@receiver([post_save, post_delete], sender=Question)
def _question_changed(**kwargs):
    cache.delete(RECENT_KEY)
