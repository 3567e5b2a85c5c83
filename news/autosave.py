"""Autosave and presence for the article form (WordPress's heartbeat and post lock are the model).

While a form is open, static/js/article-autosave.js posts its text every 30 s. The text goes to
the person's own Autosave row, never over the article; opening the article later offers an
autosave newer than the article's last save back. The same tick says "I am editing": others
who open the form see "Bài đang được Nguyễn Văn A sửa từ 09:12", a warning, never a lock.
Presence lives in the cache (a minute without a tick and it is gone).
"""

import datetime as dt
import time

from django.core.cache import cache
from django.utils import timezone

from portal.newsroom.people import display_name

from .models import Autosave
from .sanitize import normalize_html

# The text fields the form autosaves; pictures are files and stay with the browser.
FIELDS = ["title", "summary", "body", "author_name", "cover_caption", "cover_alt"]
PRESENCE_SECONDS = 75
MAX_LENGTH = 500_000


def store(user, article, posted):
    data = {name: str(posted.get(name, ""))[:MAX_LENGTH] for name in FIELDS if name in posted}
    Autosave.objects.update_or_create(
        user=user, article=article, defaults={"data": data, "saved_at": timezone.now()}
    )


def offer(user, article):
    """The person's autosave if it is newer than the article and differs from it, else None."""
    autosave = Autosave.objects.filter(user=user, article=article).first()
    if autosave is None:
        return None
    if article is not None:
        if autosave.saved_at <= article.updated_at:
            return None
        same = all(
            (normalize_html(value) if name == "body" else value)
            == (normalize_html(article.body) if name == "body" else getattr(article, name))
            for name, value in autosave.data.items()
        )
        if same:
            return None
    return autosave


def discard(user, article):
    Autosave.objects.filter(user=user, article=article).delete()


def _key(article_pk):
    return f"news:presence:{article_pk}"


def here(user, article_pk):
    """Note that ``user`` has the form open; return who else has."""
    now = time.time()
    people = {
        uid: entry
        for uid, entry in cache.get(_key(article_pk), {}).items()
        if now - entry["seen"] < PRESENCE_SECONDS
    }
    entry = people.get(user.pk) or {"name": display_name(user), "since": now}
    people[user.pk] = {**entry, "seen": now}
    cache.set(_key(article_pk), people, PRESENCE_SECONDS)
    return others(user, article_pk, people)


def others(user, article_pk, people=None):
    now = time.time()
    people = cache.get(_key(article_pk), {}) if people is None else people
    return [
        f"Bài đang được {entry['name']} sửa từ "
        f"{timezone.localtime(dt.datetime.fromtimestamp(entry['since'], tz=dt.UTC)):%H:%M}"
        for uid, entry in people.items()
        if uid != user.pk and now - entry["seen"] < PRESENCE_SECONDS
    ]
