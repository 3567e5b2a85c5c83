"""Views are counted in the worker's memory and written in batches: no database write per reader.

Each worker (gunicorn process, or runserver) adds up its own views and writes them once a
minute, or sooner when many articles are waiting; whatever it holds when it stops is written on
exit. A crash loses at most that minute. The batch adds to the stored numbers (UPDATE … count +
n), so any number of workers and servers can write side by side.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import DailyViews

log = logging.getLogger(__name__)

_lock = threading.Lock()
_pending = Counter()
_last_flush = time.monotonic()


def record(article_id):
    """One reader of the article today; written when the batch is due."""
    with _lock:
        _pending[(article_id, timezone.localdate())] += 1
        due = (
            time.monotonic() - _last_flush >= settings.MOSTREAD_FLUSH_SECONDS
            or len(_pending) >= settings.MOSTREAD_FLUSH_ROWS
        )
    if due:
        flush()


def pending():
    """What this worker holds and has not written yet (for tests and the shell)."""
    with _lock:
        return dict(_pending)


def _take():
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    return batch


def _give_back(batch):
    with _lock:
        _pending.update(batch)


def flush():
    """Write the batch: views of articles the public may read; returns how many were written."""
    from news.models import Article

    batch = _take()
    if not batch:
        return 0
    try:
        readable = set(
            Article.objects.published()
            .filter(pk__in={article_id for article_id, _ in batch})
            .values_list("pk", flat=True)
        )
        written = 0
        for (article_id, day), views in sorted(batch.items()):
            if article_id in readable:
                _add(article_id, day, views)
                written += views
        return written
    except Exception:
        # The database is away: keep the views for the next batch rather than lose them.
        _give_back(batch)
        raise


def _add(article_id, day, views):
    rows = DailyViews.objects.filter(article_id=article_id, day=day)
    if rows.update(count=F("count") + views):
        return
    try:
        with transaction.atomic():
            DailyViews.objects.create(article_id=article_id, day=day, count=views)
    except IntegrityError:
        # Another worker created the day's row between our UPDATE and INSERT.
        rows.update(count=F("count") + views)


@atexit.register
def _flush_on_exit():
    try:
        flush()
    except Exception:
        log.warning("Lượt xem chưa ghi được khi dừng tiến trình", exc_info=True)
