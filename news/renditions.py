"""Renditions: the resized copies of a picture the public pages show, made once, at upload.

After a cover, an article photo or a library picture is stored (once the transaction commits),
``make(name)`` writes every rendition of the file to renditions/<name without its
extension>/<kind>@<scale>x.<format> in the media storage (MEDIA_ROOT, or the S3 bucket): cards,
the lead slot and the compact thumbnails cropped around the library picture's focal point,
article pictures fitted to a width, the OpenGraph
image. A reader's request never makes one: ``rendition_set()`` names the files, and if they are
not there yet the page shows the original file instead. Each file is written under a temporary
name and moved into place with ``os.replace``, so two processes making the same rendition leave
one complete file (on S3 a PUT is atomic by itself). ``python manage.py make_renditions``
(re)builds them for existing rows. On S3, what is made (the JPEGs' sizes) is kept in the shared
cache (filled by make()), so a reader's page asks the bucket nothing.
"""

import functools
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_init, post_save
from PIL import Image, features

from .media_files import local_root

RENDITIONS_DIR = "renditions"
QUALITY = {"avif": 55, "webp": 78, "jpg": 80}
MIME = {"avif": "image/avif", "webp": "image/webp", "jpg": "image/jpeg"}
# Modern formats first (the browser takes the first <source> it can show); JPEG is the <img>.
MODERN = ("avif", "webp") if features.check("avif") else ("webp",)


@dataclass(frozen=True)
class Kind:
    width: int
    height: int | None = None  # None: fit to the width, keep the ratio; else fill, focal crop
    scales: tuple = (1, 2)
    formats: tuple = (*MODERN, "jpg")
    enlarge: bool = False  # a small picture is enlarged to the exact size (sharing sites want it)
    # The slot's width by viewport (<img sizes>): the set is then offered with w-descriptors, so a
    # phone takes the file its slot needs rather than 2x; None keeps 1x/2x.
    sizes: str | None = None


KINDS = {
    # Cards and the lead are offered by width with their slot's size (site.css): the page's width
    # on a phone, where a 1.5x file is enough (a 360 px phone at DPR 2 needs 656 px: Chromium
    # takes the smallest file at least that wide, 720 rather than 960 for a card, 960 rather than
    # 1280 for the lead).
    # Cards in lists and blocks (8:5): at most 3/5 of the page from 48em (a category block's
    # first card), 510 px beside the sidebar from 64em.
    "card": Kind(
        480,
        300,
        scales=(1, 1.5, 2),
        sizes="(min-width: 64em) 510px, (min-width: 48em) 60vw, calc(100vw - 2rem)",
    ),
    # The first featured card on the home page: 55 % of the page from 48em, at most 464 px beside
    # the sidebar from 64em.
    "lead": Kind(
        640,
        400,
        scales=(1, 1.5, 2),
        sizes="(min-width: 64em) 464px, (min-width: 48em) 55vw, calc(100vw - 2rem)",
    ),
    "thumb": Kind(160, 100),  # compact cards beside a title
    "article": Kind(800),  # the cover and photos on an article's page
    "og": Kind(1200, 630, scales=(1,), formats=("jpg",), enlarge=True),  # OpenGraph / Twitter card
}


# Pictures only an article body shows (editor uploads) are shown at the body's width only.
BODY_ONLY_KINDS = ("article",)


def kinds_for(name):
    """The kinds file ``name`` needs: every kind, but only the body's for an editor upload."""
    return BODY_ONLY_KINDS if name.startswith(settings.CKEDITOR_UPLOAD_PATH) else tuple(KINDS)


def prefix(name):
    """The storage name of file ``name``'s renditions folder, with its final slash."""
    return f"{RENDITIONS_DIR}/{Path(name).with_suffix('').as_posix()}/"


def folder(name):
    """The renditions folder on local disk (the file system storage only)."""
    return Path(settings.MEDIA_ROOT) / prefix(name)


def base_url(name):
    """The URL of file ``name``'s renditions folder, with its final slash."""
    return default_storage.url(prefix(name))


def file_name(kind, scale, fmt):
    return f"{kind}@{scale}x.{fmt}"


def focal_point(name):
    """The library picture's focal point for file ``name``; the centre when it has none."""
    from portal.photos.models import Picture

    point = Picture.objects.filter(image=name).values_list("focal_x", "focal_y").first()
    return point or (0.5, 0.5)


def focal_box(size, ratio, focal):
    """The largest box of ``ratio`` (width / height) inside ``size``, centred as near the focal
    point as the edges allow."""
    width, height = size
    if width / height > ratio:
        box_w, box_h = round(height * ratio), height
    else:
        box_w, box_h = width, round(width / ratio)
    left = min(max(round(focal[0] * width - box_w / 2), 0), width - box_w)
    top = min(max(round(focal[1] * height - box_h / 2), 0), height - box_h)
    return left, top, left + box_w, top + box_h


def render(image, kind, scale, focal):
    """``image`` as rendition ``kind`` at ``scale``; enlarged only if the kind says so."""
    if kind.height is None:
        width = min(kind.width * scale, image.width)
        height = max(1, round(image.height * width / image.width))
        return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    box = focal_box(image.size, kind.width / kind.height, focal)
    shrink = 1.0 if kind.enlarge else min(1.0, (box[2] - box[0]) / (kind.width * scale))
    size = (round(kind.width * scale * shrink), round(kind.height * scale * shrink))
    return image.resize(size, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)


def _encode(image, out, fmt):
    if fmt == "jpg":
        image.save(out, "JPEG", quality=QUALITY[fmt], optimize=True, progressive=True)
    elif fmt == "webp":
        image.save(out, "WEBP", quality=QUALITY[fmt], method=4)
    else:
        image.save(out, "AVIF", quality=QUALITY[fmt], speed=8)


def _write(image, name, fmt, root):
    """On disk (``root``): under a temporary name in the same folder, then moved into place
    atomically. Elsewhere: one PUT through the storage, replacing what was there."""
    if root is None:
        buffer = io.BytesIO()
        _encode(image, buffer, fmt)
        out = ContentFile(buffer.getvalue())
        out.content_type = MIME[fmt]
        default_storage.delete(name)  # the storage keeps names unique: make room
        saved = default_storage.save(name, out)
        if saved != name:  # another process wrote it meanwhile: one copy is enough
            default_storage.delete(saved)
        return
    path = root / name
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=f".{fmt}")
    try:
        with os.fdopen(handle, "wb") as out:
            _encode(image, out, fmt)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def make(name, *, force=False, kinds=None, focal=None):
    """Write the renditions of file ``name`` that are missing (all of them with ``force``).

    Returns how many files were written.
    """
    if not name or not default_storage.exists(name):
        return 0
    root, stem = local_root(), prefix(name)
    wanted = [
        (kind_name, scale, fmt)
        for kind_name in kinds or kinds_for(name)
        for scale in sorted(KINDS[kind_name].scales, reverse=True)
        # JPEG last: its 1x is what rendition_set() checks, so it means the set is complete.
        for fmt in KINDS[kind_name].formats
    ]
    if not force:
        wanted = [w for w in wanted if not default_storage.exists(stem + file_name(*w))]
    if not wanted:
        return 0
    focal = focal or focal_point(name)
    if root is not None:
        (root / stem).mkdir(parents=True, exist_ok=True)
    with default_storage.open(name) as source, Image.open(source) as opened:
        image = opened.convert("RGBA") if opened.mode in {"RGBA", "LA", "P"} else opened
        image = image.convert("RGB") if image.mode != "RGBA" else image
        if image.mode == "RGBA":  # JPEG has no transparency: pictures sit on white
            flat = Image.new("RGB", image.size, "white")
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        done = {}
        for kind_name, scale, fmt in wanted:
            key = (kind_name, scale)
            if key not in done:
                done[key] = render(image, KINDS[kind_name], scale, focal)
            _write(done[key], stem + file_name(kind_name, scale, fmt), fmt, root)
    if root is None:  # what pages need to know, ready before the first reader asks
        for kind_name in {kind_name for kind_name, _scale, _fmt in wanted}:
            cache.set(_sizes_key(name, kind_name), _read_sizes(name, kind_name), SIZES_KEPT)
    return len(wanted)


def remove(name):
    """Delete the renditions of file ``name``."""
    if local_root() is None:
        stem = prefix(name)
        for file in default_storage.listdir(stem)[1]:
            default_storage.delete(stem + file)
        _forget_sizes(name)
        return
    target = folder(name)
    if target.is_dir():
        shutil.rmtree(target)


def make_on_commit(name, **kwargs):
    if name:
        transaction.on_commit(lambda: make(name, **kwargs))


@dataclass
class RenditionSet:
    """What <picture> needs: the JPEG <img> (src, srcset, size) and a <source> per format."""

    src: str
    srcset: str = ""
    sources: tuple = ()
    width: int | None = None
    height: int | None = None
    sizes: str = ""


def _read_sizes(name, kind_name):
    """[(scale, width, height)] of the JPEG renditions made, smallest scale first, one per width
    (a small picture is not enlarged: its 2x may be its 1x again); [] without the 1x."""
    stem, found = prefix(name), []
    for scale in KINDS[kind_name].scales:
        jpeg = stem + file_name(kind_name, scale, "jpg")
        if not default_storage.exists(jpeg):  # made before this scale existed: make_renditions
            if scale == 1:
                return []
            continue
        with default_storage.open(jpeg) as opened, Image.open(opened) as header:
            if not found or header.width > found[-1][1]:
                found.append((scale, header.width, header.height))
    return found


# Kept per process on disk: a stored file never changes (names are generated), so neither do its
# renditions' sizes, and a page of cards reads no header.
_local_sizes = functools.lru_cache(maxsize=4096)(_read_sizes)
SIZES_KEPT = 7 * 24 * 3600
SIZES_RETRY = 60  # seconds, while renditions are not made yet


def _sizes_key(name, kind_name):
    return f"renditions:{kind_name}:{prefix(name)}"


def _forget_sizes(name):
    if local_root() is None:
        cache.delete_many([_sizes_key(name, kind_name) for kind_name in KINDS])


def jpeg_sizes(name, kind_name):
    """The made JPEG renditions of file ``name`` for ``kind_name`` as (scale, width, height);
    [] when they are not made. From the disk, or on S3 from the shared cache (make() and
    remove() clear it), so a reader's page never waits on the bucket when warm."""
    root = local_root()
    if root is not None:
        if not (root / prefix(name) / file_name(kind_name, 1, "jpg")).is_file():
            return []
        return _local_sizes(name, kind_name)
    key = _sizes_key(name, kind_name)
    found = cache.get(key)
    if found is None:
        found = _read_sizes(name, kind_name)
        cache.set(key, found, SIZES_KEPT if found else SIZES_RETRY)
    return found


def rendition_set(field_file, kind_name):
    """The renditions of a stored picture for ``kind_name``, or its original file when they are
    not made yet (never made here: a reader's request does not wait for a picture)."""
    if not field_file:
        return None
    kind, name = KINDS[kind_name], field_file.name
    try:
        found = jpeg_sizes(name, kind_name)
    except OSError:  # a file gone meanwhile
        found = []
    if not found:
        return RenditionSet(src=field_file.url)
    base = base_url(name)
    if kind.sizes:
        descriptors = {scale: f"{width}w" for scale, width, _height in found}
    else:
        descriptors = {s: f"{s}x" for s in kind.scales}

    def srcset(fmt):
        return ", ".join(
            f"{base}{file_name(kind_name, s, fmt)} {descriptor}"
            for s, descriptor in descriptors.items()
        )

    if kind.height is None:
        width, height = found[0][1:]
    else:
        width, height = kind.width, kind.height
    return RenditionSet(
        src=base + file_name(kind_name, 1, "jpg"),
        srcset=srcset("jpg") if len(kind.scales) > 1 else "",
        sources=tuple((MIME[f], srcset(f)) for f in kind.formats if f != "jpg"),
        width=width,
        height=height,
        sizes=kind.sizes or "",
    )


# Which field of which model holds a picture (as in news.media_files).
def _state(instance):
    from .media_files import stored_name

    focal = (instance.__dict__.get("focal_x"), instance.__dict__.get("focal_y"))
    return stored_name(instance), focal


def _remember(sender, instance, **kwargs):
    instance._rendered = _state(instance) if instance.pk else ("", (None, None))


def _saved(sender, instance, **kwargs):
    old_name, old_focal = getattr(instance, "_rendered", ("", (None, None)))
    name, focal = _state(instance)
    if name and name != old_name:
        make_on_commit(name)
    elif name and sender.__name__ == "Picture" and old_focal != focal:
        # A moved focal point changes every crop: make them again.
        crops = [k for k, kind in KINDS.items() if kind.height is not None]
        make_on_commit(name, force=True, kinds=crops)
    instance._rendered = (name, focal)


def connect():
    """Make renditions after every save that stores a picture, whatever the path (admin form,
    library upload, shell, load_demo, a restored version): a storage concern, like
    news.media_files, hence signals."""
    from .media_files import picture_models

    for model, _field in picture_models():
        uid = f"news.renditions.{model.__name__}"
        post_init.connect(_remember, sender=model, dispatch_uid=uid)
        post_save.connect(_saved, sender=model, dispatch_uid=uid)


def all_names():
    """Every picture file a row names (covers, photos, library pictures), sorted."""
    from .media_files import used_names

    return sorted(used_names())
