"""The content generation: one number in the cache that every cached page's key contains.

Any change to what readers can see bumps it, so every page cached before is never served
again: no list of pages to find and purge, and no page can be missed. It lives in the shared
cache (Redis across servers), so a change through one server is seen by all.
"""

import time

from django.core.cache import cache
from django.db import transaction

from portal.request_scope import PerRequest

KEY = "pagecache:generation"


def _read():
    value = cache.get(KEY)
    if value is None:
        # A new start after an eviction or a flush must not meet keys of an old generation.
        # Kept for good: the cache's default timeout would end every page's life with it.
        cache.add(KEY, time.time_ns(), timeout=None)
        value = cache.get(KEY)
    return value


# Read once per request: a page asks for it for its key and for every shared block (memo.py),
# and each ask would be a round trip to the cache.
_generation = PerRequest("pagecache_generation", _read)

current = _generation.get
request_scope = _generation.open
end_request_scope = _generation.close


def _bump():
    _generation.forget()  # this request changed the content: read it again
    try:
        cache.incr(KEY)
    except ValueError:  # not in the cache: a fresh number is as good
        cache.set(KEY, time.time_ns(), None)


def bump():
    """Now, and again once the transaction commits: a page rendered in between from the old rows
    would otherwise be kept under the new number."""
    _bump()
    transaction.on_commit(_bump)
