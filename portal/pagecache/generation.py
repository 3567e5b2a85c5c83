"""The content generation: one number in the cache that every cached page's key contains.

Any change to what readers can see bumps it, so every page cached before is never served
again: no list of pages to find and purge, and no page can be missed. It lives in the shared
cache (Redis across servers), so a change through one server is seen by all.
"""

import contextvars
import time

from django.core.cache import cache
from django.db import transaction

KEY = "pagecache:generation"

# Read once per request (the page cache middleware opens the scope): a page asks for it for its
# key and for every shared block (memo.py), and each ask would be a round trip to the cache.
_OUTSIDE = object()
_this_request = contextvars.ContextVar("pagecache_generation", default=_OUTSIDE)


def current():
    known = _this_request.get()
    if known is not _OUTSIDE and known is not None:
        return known
    value = cache.get(KEY)
    if value is None:
        # A new start after an eviction or a flush must not meet keys of an old generation.
        # Kept for good: the cache's default timeout would end every page's life with it.
        cache.add(KEY, time.time_ns(), timeout=None)
        value = cache.get(KEY)
    if known is None:
        _this_request.set(value)
    return value


def request_scope():
    """Start of a request: the generation will be read once; returns the token to end it."""
    return _this_request.set(None)


def end_request_scope(token):
    _this_request.reset(token)


def _bump():
    if _this_request.get() is not _OUTSIDE:
        _this_request.set(None)  # this request changed the content: read it again
    try:
        cache.incr(KEY)
    except ValueError:  # not in the cache: a fresh number is as good
        cache.set(KEY, time.time_ns(), None)


def bump():
    """Now, and again once the transaction commits: a page rendered in between from the old rows
    would otherwise be kept under the new number."""
    _bump()
    transaction.on_commit(_bump)
