"""Partials rendered once per process for the same inputs: the menu, the footer, the cards.

Every reader of a list gets the same dozen cards, the same menu and the same footer; rendering
them is most of a page's CPU. Two ways to know the inputs are the same:

- ``render_once`` keeps a partial's HTML under a key holding every value the partial shows
  (never an id alone): for a card, whose article comes from the page's own query.
- ``render_for`` keeps it beside the very objects it was rendered from: for the site's chrome
  (banner, menu, footer, sidebar blocks), whose data are kept per state of the content
  (portal.pagecache.memo), which hands out the same objects until the content changes. Checking
  that they are the same objects costs nothing, where building a key of every value costs more
  than a small partial's rendering.

Either way a change shows on the next request in every worker, with nothing to clear. The key
also holds the time zone and the script prefix, which change what dates and addresses read.
Bounded: the whole memo is dropped when it is full.
"""

from operator import is_

from django.template.loader import get_template
from django.utils.safestring import mark_safe

from portal import environment

_rendered = {}
# render_for's: {full key: (sources, html)}.
_rendered_for = {}
MAX_FRAGMENTS = 5000


def render_once(template_name, key, context, *, keep=True):
    """``template_name`` rendered with ``context`` (a dict), from memory when ``key`` was seen;
    not kept when ``keep`` is False (e.g. a picture still waiting for its renditions)."""
    full_key = (template_name, key, *environment.current()[:2])
    html = _rendered.get(full_key)
    if html is None:
        html = mark_safe(get_template(template_name).render(context))
        if keep:
            if len(_rendered) >= MAX_FRAGMENTS:
                _rendered.clear()
            _rendered[full_key] = html
    return html


def render_for(template_name, sources, context, key=()):
    """``template_name`` rendered with ``context()`` once for the same ``sources`` (a tuple of
    objects from portal.pagecache.memo, compared by identity) and ``key`` (plain values)."""
    full_key = (template_name, key, *environment.current()[:2])
    found = _rendered_for.get(full_key)
    if found is not None and len(found[0]) == len(sources) and all(map(is_, found[0], sources)):
        return found[1]
    html = mark_safe(get_template(template_name).render(context()))
    if len(_rendered_for) >= MAX_FRAGMENTS:
        _rendered_for.clear()
    # The sources are held with the HTML: while kept, no other object can take their identity.
    _rendered_for[full_key] = (sources, html)
    return html
