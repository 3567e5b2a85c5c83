"""The trash (Thùng rác): the one place where articles are deleted, restored and purged.

Deleting an article hides it at once: ``deleted_at`` takes it out of every public path and of the
admin's article list, and once the transaction commits its pictures (cover, photos, images of its
body) move from the served tree to MEDIA_ROOT/.trash/<article id>/<same path>, which neither
nginx nor Django serves (on S3: to .trash/ in the bucket, which its policy keeps private); their
renditions and thumbnails are removed. Restoring moves the files
back to the paths the rows still name and makes their renditions again. ``purge()`` deletes for
good what has been in the trash longer than KEEP_DAYS, with its files. Who may delete an article
may also restore it (workflow.can_delete).
"""

import datetime as dt
import shutil
from pathlib import Path

import reversion
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from . import media_files, renditions, workflow
from .models import Article, Photo

KEEP_DAYS = 30
TRASH_DIR = ".trash"


def trash_folder(article_id):
    return media_files.media_path(f"{TRASH_DIR}/{article_id}")


def files_of(article):
    names = {article.cover.name} if article.cover else set()
    names |= set(Photo.objects.filter(article=article).values_list("image", flat=True))
    return sorted(n for n in names | media_files.body_names(article.body) if n)


def days_left(article, now=None):
    if article.deleted_at is None:
        return None
    gone = article.deleted_at + dt.timedelta(days=KEEP_DAYS)
    return max(0, (gone - (now or timezone.now())).days)


def move_to_trash(article, by):
    """Put ``article`` in the trash as user ``by``; raise PermissionDenied if they may not."""
    with transaction.atomic(), reversion.create_revision():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if not workflow.can_delete(by, current):
            raise PermissionDenied(f"Bạn không có quyền xóa bài «{current.title}».")
        if current.deleted_at is not None:
            return current
        current.deleted_at, current.deleted_by = timezone.now(), by
        current.save(update_fields=["deleted_at", "deleted_by"])
        _record(current, by, "Chuyển vào thùng rác")
        names = files_of(current)
        transaction.on_commit(lambda: _hide_files(current.pk, names))
    article.deleted_at, article.deleted_by = current.deleted_at, by
    return current


def restore(article, by):
    """Take ``article`` out of the trash with its pictures; PermissionDenied if ``by`` may not."""
    with transaction.atomic(), reversion.create_revision():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if not workflow.can_delete(by, current):
            raise PermissionDenied(f"Bạn không có quyền khôi phục bài «{current.title}».")
        if current.deleted_at is None:
            return current
        current.deleted_at = current.deleted_by = None
        current.save(update_fields=["deleted_at", "deleted_by"])
        _record(current, by, "Khôi phục từ thùng rác")
        transaction.on_commit(lambda: _bring_back_files(current.pk))
    article.deleted_at = article.deleted_by = None
    return current


def purge(older_than=dt.timedelta(days=KEEP_DAYS)):
    """Delete for good the articles in the trash for longer than ``older_than``, with their files.

    Returns [(title, [removed file paths relative to MEDIA_ROOT])].
    """
    limit = timezone.now() - older_than
    removed = []
    for article in Article.objects.filter(deleted_at__lt=limit).order_by("deleted_at"):
        with transaction.atomic():
            names = files_of(article)
            folder = trash_folder(article.pk)
            if media_files.local_root() is None:
                files = media_files.stored_under(f"{TRASH_DIR}/{article.pk}/")
            else:
                files = sorted(
                    str(p.relative_to(settings.MEDIA_ROOT))
                    for p in folder.rglob("*")
                    if p.is_file()
                )
            article.delete()
            transaction.on_commit(lambda folder=folder, names=names: _remove(folder, names))
        removed.append((article.title, files))
    return removed


def _record(article, by, message):
    LogEntry.objects.log_actions(
        by.pk, [article], CHANGE, change_message=message, single_object=True
    )
    reversion.set_user(by)
    reversion.set_comment(message)


def _used_elsewhere(article_id, name):
    from portal.photos.models import Picture

    # A library picture is used elsewhere too: the library keeps showing it.
    others = Article.objects.exclude(pk=article_id)
    shown = Q(body__contains=f'src="{media_files.media_url()}{name}"')
    return (
        others.filter(Q(cover=name) | shown).exists()
        or Photo.objects.exclude(article_id=article_id).filter(image=name).exists()
        or Picture.objects.filter(image=name).exists()
    )


def _hide_files(article_id, names):
    if media_files.local_root() is None:
        return _hide_stored(article_id, names)
    folder = trash_folder(article_id)
    for name in names:
        source = media_files.media_path(name)
        if not source.is_file():
            media_files.remove_thumbnails(name)
            continue
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        # A file another article still shows stays where it is, with its renditions; the trash
        # keeps a copy.
        if _used_elsewhere(article_id, name):
            shutil.copy2(source, target)
        else:
            media_files.remove_thumbnails(name)
            shutil.move(source, target)
            media_files._prune_empty(source.parent)


def _hide_stored(article_id, names):
    """_hide_files through the storage API (S3): a copy under .trash/, the original deleted."""
    for name in names:
        if not default_storage.exists(name):
            media_files.remove_thumbnails(name)
            continue
        with default_storage.open(name) as source:
            default_storage.save(f"{TRASH_DIR}/{article_id}/{name}", source)
        if not _used_elsewhere(article_id, name):
            media_files.remove_thumbnails(name)
            default_storage.delete(name)


def _bring_back_stored(article_id):
    folder = f"{TRASH_DIR}/{article_id}/"
    for kept in media_files.stored_under(folder):
        name = kept.removeprefix(folder)
        if not default_storage.exists(name):  # else a copy of a file that never left
            with default_storage.open(kept) as source:
                default_storage.save(name, source)
            renditions.make(name)
        default_storage.delete(kept)


def _bring_back_files(article_id):
    if media_files.local_root() is None:
        return _bring_back_stored(article_id)
    folder = trash_folder(article_id)
    if not folder.is_dir():
        return
    for kept in sorted(p for p in folder.rglob("*") if p.is_file()):
        target = media_files.media_path(kept.relative_to(folder))
        if target.exists():  # a copy of a file that never left
            kept.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(kept, target)
        renditions.make(kept.relative_to(folder).as_posix())
    shutil.rmtree(folder)


def _remove(folder, names):
    if media_files.local_root() is None:
        for kept in media_files.stored_under(f"{TRASH_DIR}/{folder.name}/"):
            default_storage.delete(kept)
    elif folder.is_dir():
        shutil.rmtree(folder)
    for name in names:
        if name.startswith(settings.CKEDITOR_UPLOAD_PATH):
            continue  # editor uploads went to the trash folder; clean_media sees the rest
        # Renditions go with the file; a file another row names keeps its own.
        media_files.remove_if_unused(name)


def trash_root():
    return Path(settings.MEDIA_ROOT) / TRASH_DIR
