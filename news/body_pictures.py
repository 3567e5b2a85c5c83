"""Pictures in an article's body as readers get them: renditions, not the stored file.

The stored body names each picture by its file (an editor upload or a library picture, as the
editor wrote it). Readers get a <picture> of its ``article`` renditions (news.renditions): AVIF
and WebP sources, a JPEG <img> with width and height, w-descriptors with ``sizes`` (a 360 px
phone at DPR 2 takes the 800 px file, not the 1600 px one), lazy loading. A picture whose
renditions are not there (file missing, not made yet) stays the plain <img> it was.

The HTML is made once per saved version of the article, after the save commits (``connect``),
and kept in the cache under a hash of the body; a reader's request only reads it (made then on a
cold cache, and kept briefly when some picture was missing, so it is tried again once
``make_renditions`` filled the gap). Each worker keeps what it read for a minute more
(``IN_MEMORY``): the same HTML, without a cache read on every article page.
"""

import hashlib
import html
import time

from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import media_files, renditions
from .sanitize import replace_images

KIND = "article"
# The body column: the page's and the article's padding (1rem each side, each) on a phone; at
# most the width the picture is shown at.
SIZES = "(max-width: {edge}px) calc(100vw - 4rem), {width}px"
KEEP = 7 * 24 * 3600  # old versions' HTML leaves the cache by itself
RETRY = 60  # seconds, when some picture had no renditions yet
# A body's HTML changes only when a missing picture's renditions are made: a worker's copy may
# trail the cache by this long, as a page cached by nginx would.
IN_MEMORY = 60
IN_MEMORY_MAX = 500
_in_memory = {}


def cache_key(body):
    # By content: a body changed by QuerySet.update() or SQL, which leaves edit_version alone,
    # is never served from an older version's HTML. Hashing 20 kB takes microseconds.
    return f"news:body:{hashlib.blake2b(body.encode(), digest_size=16).hexdigest()}"


def _picture(tag, attrs):
    """The <picture> for one <img> of the body; None when its renditions are not there."""
    src, stored = html.unescape(attrs.get("src", "")), media_files.media_url()
    if not src.startswith(stored):
        return tag
    name = src[len(stored) :]
    try:
        found = renditions.jpeg_sizes(name, KIND)
    except OSError:  # unreadable rendition: the stored file, as before
        found = []
    if not found:
        return None
    base = renditions.base_url(name)

    def srcset(fmt):
        return ", ".join(
            f"{base}{renditions.file_name(KIND, scale, fmt)} {width}w" for scale, width, _h in found
        )

    _scale, width, height = found[0]
    if attrs.get("width", "").isdigit() and attrs.get("height", "").isdigit():
        width, height = int(attrs["width"]), int(attrs["height"])  # the size the editor set
    sizes = SIZES.format(edge=width + 64, width=width)
    sources = "".join(
        f'<source type="{renditions.MIME[fmt]}" srcset="{srcset(fmt)}" sizes="{sizes}">'
        for fmt in renditions.KINDS[KIND].formats
        if fmt != "jpg"
    )
    # The alignment class floats or centres the whole <picture>.
    align = f' class="{attrs["class"]}"' if attrs.get("class") else ""
    return (
        f"<picture{align}>{sources}"
        f'<img src="{base}{renditions.file_name(KIND, 1, "jpg")}" srcset="{srcset("jpg")}" '
        f'sizes="{sizes}" width="{width}" height="{height}" alt="{attrs.get("alt", "")}" '
        f'loading="lazy" decoding="async"></picture>'
    )


def with_renditions(body):
    """``body`` (cleaned HTML) with its pictures as <picture> of their renditions.

    Returns (html, complete): ``complete`` is False when some picture had no renditions.
    """
    complete = True

    def replace(tag, attrs):
        nonlocal complete
        made = _picture(tag, attrs)
        if made is None:
            complete = False
            return tag
        return made

    return replace_images(body or "", replace), complete


def public_body(body):
    """The body readers get, from the cache when it was made already."""
    key = cache_key(body)
    now = time.monotonic()
    kept = _in_memory.get(key)
    if kept is not None and now < kept[0]:
        return kept[1]
    found = cache.get(key)
    if found is None:
        found = warm(body, key)
    if len(_in_memory) >= IN_MEMORY_MAX:
        _in_memory.clear()
    _in_memory[key] = (now + IN_MEMORY, found)
    return found


@receiver(setting_changed)
def _forget(*, setting, **kwargs):
    if setting in {"MEDIA_URL", "MEDIA_ROOT", "STORAGES"}:  # the pictures' addresses change
        _in_memory.clear()


def warm(body, key=None):
    """Make the readers' HTML of ``body`` and keep it in the cache."""
    key = key or cache_key(body)
    made, complete = with_renditions(body)
    cache.set(key, made, KEEP if complete else RETRY)
    _in_memory.pop(key, None)
    return made


def _saved(sender, instance, update_fields=None, **kwargs):
    if "body" not in instance.__dict__:  # deferred: made on the first request instead
        return

    body = instance.body

    def after_commit():
        # Pictures stored before renditions were made for bodies get theirs now, not on a
        # reader's request.
        for name in sorted(media_files.body_names(body)):
            renditions.make(name)
        warm(body)

    transaction.on_commit(after_commit)


def connect():
    from .models import Article

    post_save.connect(_saved, sender=Article, dispatch_uid="news.body_pictures")
