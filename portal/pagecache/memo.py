"""Data that many pages show, computed once per process for each state of the content.

A category's newest articles are the "Tin cùng chuyên mục" of every article in it, and the
previous/next links of most of them; which articles link documents decides whether an article
page looks for any. When the page cache misses (another address, or the content changed) these
would be read again for every page. Here they are kept in the worker's memory under the same two
things that end a cached page's life: the content generation (any public save or delete, on
every server through the shared cache) and the next scheduled change (schedule.py). Past
either, the next request computes them again: nothing to clear, never older than a cached page.
"""

import datetime as dt

from django.utils import timezone

from . import generation, schedule

_kept = {}
MAX_ENTRIES = 2000


def shared(key, compute, seconds=None):
    """``compute()``, from memory while the content is as it was when it was computed, and for
    at most ``seconds`` if given (for what also changes without a save, e.g. counts)."""
    current = generation.current()
    found = _kept.get(key)
    now = timezone.now()
    if found is not None and found[0] == current and now < found[1]:
        return found[2]
    # The horizon is read before computing: a change due meanwhile ends the value's life.
    until = schedule.next_change(current)
    if seconds is not None:
        until = min(until, now + dt.timedelta(seconds=seconds))
    value = compute()
    if len(_kept) >= MAX_ENTRIES:
        _kept.clear()
    _kept[key] = (current, until, value)
    return value
