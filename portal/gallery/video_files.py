"""Video files follow their rows: a replaced or deleted video's file goes once nothing names it.

Wired with signals, as news/media_files.py is for pictures: a storage concern that must also
follow queryset deletes, which never call ``Video.delete()``.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_init, post_save


def _stored(instance):
    # Deferred fields are not in __dict__; reading them would cost a query per row.
    value = instance.__dict__.get("file")
    return getattr(value, "name", value) or ""


def remove_if_unused(storage, name):
    from .models import Video

    if name and not Video.objects.filter(file=name).exists() and storage.exists(name):
        storage.delete(name)


def forget(instance, name):
    if name:
        storage = instance.file.storage
        transaction.on_commit(lambda: remove_if_unused(storage, name))


def _remember(sender, instance, **kwargs):
    instance._stored_video = _stored(instance) if instance.pk else ""


def _saved(sender, instance, **kwargs):
    old, new = getattr(instance, "_stored_video", ""), _stored(instance)
    if old and old != new:
        forget(instance, old)
    instance._stored_video = new


def _deleted(sender, instance, **kwargs):
    forget(instance, _stored(instance))


def connect():
    from .models import Video

    post_init.connect(_remember, sender=Video, dispatch_uid="gallery.video_files")
    post_save.connect(_saved, sender=Video, dispatch_uid="gallery.video_files")
    post_delete.connect(_deleted, sender=Video, dispatch_uid="gallery.video_files")
