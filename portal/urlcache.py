"""reverse() remembered per process, for the addresses every page repeats (cards, menu, sidebar).

Django's reverse() walks the URL resolver on every call; a list page asks it about fifty times
for a handful of patterns. The answer depends only on the view name, its arguments, the script
prefix and the URLconf, which are all in the key; a test that swaps ROOT_URLCONF clears it.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import reverse as django_reverse

from portal import environment


@functools.lru_cache(maxsize=50_000)
def _reverse(viewname, kwargs, prefix, urlconf):
    return django_reverse(viewname, urlconf=urlconf, kwargs=dict(kwargs))


def reverse(viewname, **kwargs):
    """django.urls.reverse(viewname, kwargs=kwargs), from memory after the first time."""
    _zone, prefix, urlconf = environment.current()
    return _reverse(viewname, tuple(sorted(kwargs.items())), prefix, urlconf)


@receiver(setting_changed)
def _forget(*, setting, **kwargs):
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME"}:
        _reverse.cache_clear()
