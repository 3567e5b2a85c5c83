"""The content generation: one number in the cache that every cached page's key contains.

Any change to what readers can see bumps it, so every page cached before is never served
again: no list of pages to find and purge, and no page can be missed. It lives in the shared
cache (Redis across servers), so a change through one server is seen by all.
"""

import time

from django.core.cache import cache
from django.db import transaction

KEY = "pagecache:generation"


def current():
    value = cache.get(KEY)
    if value is None:
        # A new start after an eviction or a flush must not meet keys of an old generation.
        cache.add(KEY, time.time_ns())
        value = cache.get(KEY)
    return value


def _bump():
    try:
        cache.incr(KEY)
    except ValueError:  # not in the cache: a fresh number is as good
        cache.set(KEY, time.time_ns(), None)


def bump():
    """Now, and again once the transaction commits: a page rendered in between from the old rows
    would otherwise be kept under the new number."""
    _bump()
    transaction.on_commit(_bump)
