"""The anonymous page cache: every public page, kept until the content changes.

A reader's page is stored under the content generation (generation.py) and lives no longer
than PAGE_CACHE_SECONDS, than the next scheduled change (schedule.py), and for search than
PAGE_CACHE_SEARCH_SECONDS. A hit costs no database query. What is never stored or served from
here: anything for a browser holding a session cookie (staff, and anyone the site remembered),
the admin, uploads, static files, answers that set a cookie or say private/no-store/no-cache
(previews, the question form), streams (downloads) and answers other than 200.

Every stored page carries an ETag; a browser, nginx or a CDN asking again with If-None-Match
gets a 304. Browsers must ask every time (max-age=0); nginx may keep a page for one second
(s-maxage=1), a micro-cache no further behind than that (deploy/nginx.conf).

Pages are stored as plain (expiry, status, headers, bytes), and each worker also keeps the pages
it served last in its own memory under the same key and expiry: a hit then reads only the
generation from the shared cache, not the page. The key holds the generation, so a change
through any server is seen at once.
"""

import hashlib
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control

from portal import environment

from . import generation, schedule

SKIPPED_PREFIXES = ("/admin/", "/ckeditor/")
REFUSED_CACHE_CONTROL = ("private", "no-store", "no-cache")


def _skipped(path):
    return path.startswith((*SKIPPED_PREFIXES, settings.MEDIA_URL, settings.STATIC_URL))


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not _skipped(request.path)
    )


def storable(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in REFUSED_CACHE_CONTROL)
    )


def lifetime(request, now, until):
    seconds = settings.PAGE_CACHE_SECONDS
    if request.path == settings.PAGE_CACHE_SEARCH_PATH:
        seconds = min(seconds, settings.PAGE_CACHE_SEARCH_SECONDS)
    return max(1, min(seconds, int((until - now).total_seconds())))


def page_key(request, current):
    where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    # "page2": pages stored as tuples; an older release's entries are never read.
    return f"pagecache:page2:{current}:{hashlib.sha256(where.encode()).hexdigest()}"


def _mark_public(response):
    digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
    response["ETag"] = f'"{digest}"'
    # Browsers ask again every time (max-age=0) and get a 304 when nothing changed; shared
    # caches (nginx, a CDN) may keep the page one second. nginx 1.22 reads s-maxage before
    # max-age, and treats max-age=0 alone as "do not cache".
    patch_cache_control(response, public=True, max_age=0, s_maxage=1, must_revalidate=True)


# This worker's latest pages: {key: (expires, status, headers, content)}, emptied when full.
_in_memory = {}
IN_MEMORY_PAGES = 200


def _remember(key, stored):
    if len(_in_memory) >= IN_MEMORY_PAGES:
        _in_memory.clear()
    _in_memory[key] = stored


def _stored(key):
    """The page kept under ``key`` in this worker's memory or else the shared cache, unexpired."""
    from django.core.cache import cache

    stored = _in_memory.get(key)
    if stored is None:
        stored = cache.get(key)
        if stored is None:
            return None
        _remember(key, stored)
    if stored[0] <= time.time():
        _in_memory.pop(key, None)
        return None
    return stored


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scope, env = generation.request_scope(), environment.request_scope()
        try:
            return self.respond(request)
        finally:
            environment.end_request_scope(env)
            generation.end_request_scope(scope)

    def respond(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        from django.core.cache import cache
        from django.utils import timezone

        current = generation.current()
        key = page_key(request, current)
        stored = _stored(key)
        if stored is not None:
            _, status, headers, content = stored
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Page-Cache"] = "hit"
        else:
            response = self.get_response(request)
            if not storable(response):
                return response
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            _mark_public(response)
            now = timezone.now()
            seconds = lifetime(request, now, schedule.next_change(current))
            stored = (time.time() + seconds, response.status_code, dict(response.items()))
            stored += (response.content,)
            cache.set(key, stored, seconds)
            _remember(key, stored)
            response["X-Page-Cache"] = "miss"
        return get_conditional_response(request, etag=response["ETag"], response=response)
