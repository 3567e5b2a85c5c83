"""Partials rendered once per process for the same inputs: the menu, the footer, the cards.

Every reader of a list gets the same dozen cards, the same menu and the same footer; rendering
them is most of a page's CPU. ``render_once`` keeps a partial's HTML under a key holding every
value the partial shows (never an id alone), so a change shows on the next request in every
worker, with nothing to clear. The key also holds the time zone and the script prefix, which
change what dates and addresses read. Bounded: the whole memo is dropped when it is full.
"""

from django.template.loader import get_template
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.safestring import mark_safe

_rendered = {}
MAX_FRAGMENTS = 5000


def render_once(template_name, key, context, *, keep=True):
    """``template_name`` rendered with ``context`` (a dict), from memory when ``key`` was seen;
    not kept when ``keep`` is False (e.g. a picture still waiting for its renditions)."""
    full_key = (template_name, key, timezone.get_current_timezone_name(), get_script_prefix())
    html = _rendered.get(full_key)
    if html is None:
        html = mark_safe(get_template(template_name).render(context))
        if keep:
            if len(_rendered) >= MAX_FRAGMENTS:
                _rendered.clear()
            _rendered[full_key] = html
    return html


def freeze(value):
    """Plain values (dicts, lists, strings, numbers, dates) as a hashable key."""
    if isinstance(value, dict):
        return tuple(sorted((key, freeze(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return tuple(freeze(item) for item in value)
    return value
