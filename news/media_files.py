"""Picture files in the media storage (disk or S3): which rows use a file, its renditions,
removing it once unused.

Replacing or clearing a cover, replacing a photo's image or deleting a photo leaves the old file,
its renditions (news.renditions) and thumbnails behind; ``forget()`` removes them after the
transaction commits, unless another row still names the file. This is wired with signals
(``connect()``, called from NewsConfig.ready) rather than in ``save()``: it is a storage concern
that must also follow cascades and queryset deletes, which never call ``Photo.delete()``.
"""

import datetime as dt
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save
from django.utils import timezone
from imagekit.cachefiles.backends import get_default_cachefile_backend

# Which field of which model holds a picture; media_files and news.renditions work from this
# table. A library picture (portal.photos) and the covers and photos taken from it name the same
# file.
PICTURE_FIELDS = {"Article": "cover", "Photo": "image", "Picture": "image"}


def picture_models():
    """(model, field) for every row that names a picture file."""
    from portal.photos.models import Picture

    from .models import Article, Photo

    return [(model, PICTURE_FIELDS[model.__name__]) for model in (Article, Photo, Picture)]


def body_folders():
    """Where the pictures an article body shows live: editor uploads and the library."""
    return (settings.CKEDITOR_UPLOAD_PATH, "library/")


def local_root():
    """MEDIA_ROOT when the media storage keeps files on this host's disk; None on S3."""
    try:
        return Path(default_storage.path(""))
    except NotImplementedError:
        return None


def stored_under(folder):
    """Every stored file under ``folder`` (a storage name ending in "/"), through the storage."""
    dirs, files = default_storage.listdir(folder)
    found = [folder + file for file in files]
    for sub in dirs:
        found += stored_under(f"{folder}{sub}/")
    return found


def media_url():
    """The URL stored files are served from, with its final slash: MEDIA_URL on disk, the
    bucket's (or its CDN's) on S3. An article body names its pictures by this URL."""
    return default_storage.url("_")[:-1]


def body_names(body):
    """The picture files (editor uploads, library pictures) that an article body shows."""
    prefix = re.escape(media_url())
    folders = "|".join(re.escape(folder) for folder in body_folders())
    return set(re.findall(rf'src="{prefix}((?:{folders})[^"?#]+)"', body or ""))


def in_bodies(name):
    """Whether some article body (in the trash or not) shows file ``name``."""
    from .models import Article

    if not name.startswith(body_folders()):
        return False
    return Article.objects.filter(body__contains=f'src="{media_url()}{name}"').exists()


def used_names():
    """Every picture file some row names or some article body shows."""
    from .models import Article

    names = set()
    for model, field in picture_models():
        names |= set(model.objects.exclude(**{field: ""}).values_list(field, flat=True))
    for body in Article.objects.values_list("body", flat=True).iterator():
        names |= body_names(body)
    return names


def media_path(name):
    return Path(settings.MEDIA_ROOT) / name


def thumbnail_dir(name):
    """imagekit's cache folder for a source: thumbs/<source path without extension>/."""
    return media_path(Path(settings.IMAGEKIT_CACHEFILE_DIR) / Path(name).with_suffix(""))


def is_referenced(name):
    """Whether a cover, a photo row, a library picture or an article body (in the trash or not)
    names ``name``: a library picture deleted while a body shows it keeps its file."""
    return any(
        model.objects.filter(**{field: name}).exists() for model, field in picture_models()
    ) or in_bodies(name)


def remove_thumbnails(name):
    """Remove the renditions (news.renditions) and imagekit's admin thumbnails of ``name``."""
    from . import renditions

    renditions.remove(name)
    if local_root() is None:
        _remove_stored_thumbnails(name)
        return
    _prune_empty(renditions.folder(name).parent)
    folder = thumbnail_dir(name)
    if not folder.is_dir():
        return
    # imagekit caches that a thumbnail exists; forget it, or it is never made again.
    backend = get_default_cachefile_backend()
    root = Path(settings.MEDIA_ROOT)
    for path in folder.rglob("*"):
        key = backend.get_key(SimpleNamespace(name=str(path.relative_to(root))))
        backend.cache.delete(key)
    shutil.rmtree(folder)
    _prune_empty(folder.parent)


def _remove_stored_thumbnails(name):
    """imagekit's thumbnails of ``name`` in a storage without local files (S3)."""
    backend = get_default_cachefile_backend()
    folder = f"{settings.IMAGEKIT_CACHEFILE_DIR}/{Path(name).with_suffix('').as_posix()}/"
    for file in default_storage.listdir(folder)[1]:
        backend.cache.delete(backend.get_key(SimpleNamespace(name=folder + file)))
        default_storage.delete(folder + file)


def remove_if_unused(name):
    """Remove ``name`` and its thumbnails unless a row still uses it; True if it was removed."""
    if not name or is_referenced(name):
        return False
    remove_thumbnails(name)
    if local_root() is None:
        if not default_storage.exists(name):
            return False
        default_storage.delete(name)
        return True
    path = media_path(name)
    if not path.is_file():
        return False
    path.unlink()
    _prune_empty(path.parent)
    return True


def forget(name):
    """Remove ``name`` once the current transaction commits (at once outside a transaction)."""
    if name:
        transaction.on_commit(lambda: remove_if_unused(name))


def _prune_empty(folder):
    """Remove empty folders from ``folder`` up to MEDIA_ROOT (not included)."""
    root = Path(settings.MEDIA_ROOT).resolve()
    folder = folder.resolve()
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty
            return
        folder = folder.parent


def stored_name(instance):
    """The picture file a row names, as loaded; "" when the field was deferred."""
    # Deferred fields are not in __dict__; reading them here would cost a query per row.
    value = instance.__dict__.get(PICTURE_FIELDS[type(instance).__name__])
    return getattr(value, "name", value) or ""


def _remember(sender, instance, **kwargs):
    instance._stored_picture = stored_name(instance) if instance.pk else ""


def _saved(sender, instance, **kwargs):
    old, new = getattr(instance, "_stored_picture", ""), stored_name(instance)
    if old and old != new:
        forget(old)
    instance._stored_picture = new


def _deleted(sender, instance, **kwargs):
    forget(stored_name(instance))


def connect():
    for model, _field in picture_models():
        uid = f"news.media_files.{model.__name__}"
        post_init.connect(_remember, sender=model, dispatch_uid=uid)
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)


# Folders whose files belong to rows of this app; clean_media looks nowhere else.
MANAGED_FOLDERS = ("news/covers/", "news/photos/", "library/")
# A fresh editor upload may sit in a form not yet saved.
EDITOR_GRACE = dt.timedelta(days=1)


def orphans(now=None):
    """Files under MEDIA_ROOT that no row uses, relative to it, sorted.

    Covers and photos no row names; editor uploads older than a day that no article body shows;
    renditions and thumbnails whose source is gone or unused; trash folders of articles no longer
    in the trash.
    """
    from .models import Article
    from .renditions import RENDITIONS_DIR
    from .trash import TRASH_DIR

    root = Path(settings.MEDIA_ROOT)
    now = now or timezone.now()
    used = used_names()
    trashed = {
        str(pk)
        for pk in Article.objects.filter(deleted_at__isnull=False).values_list("pk", flat=True)
    }
    sources = {str(Path(name).with_suffix("")) for name in used if (root / name).is_file()}
    editor = settings.CKEDITOR_UPLOAD_PATH
    thumbs = settings.IMAGEKIT_CACHEFILE_DIR.rstrip("/") + "/"
    made = RENDITIONS_DIR + "/"
    trash = TRASH_DIR + "/"
    found = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        name = path.relative_to(root).as_posix()
        if name.startswith(MANAGED_FOLDERS):
            unused = name not in used
        elif name.startswith(editor):
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
            unused = name not in used and now - modified > EDITOR_GRACE
        elif name.startswith(thumbs):
            unused = str(Path(name).parent.relative_to(thumbs)) not in sources
        elif name.startswith(made):
            unused = str(Path(name).parent.relative_to(made)) not in sources
        elif name.startswith(trash):
            unused = name.split("/")[1] not in trashed
        else:
            continue
        if unused:
            found.append(name)
    return sorted(found)


def remove(names):
    root = Path(settings.MEDIA_ROOT)
    for name in names:
        path = root / name
        path.unlink(missing_ok=True)
        _prune_empty(path.parent)
