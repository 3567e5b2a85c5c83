"""What readers see comes from these models: saving or deleting any of them bumps the generation.

One list for every section. Changes made with QuerySet.update() bypass the signals; the code
does not make public changes that way (the bulk import bumps by itself).
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import generation

CONTENT_MODELS = [
    "news.Article", "news.Photo", "news.Category",
    "newsroom.Unit",
    "photos.Picture",
    "sitesettings.SiteSettings", "sitesettings.Link",
    "documents.Document", "documents.DocumentFile", "documents.DocumentType",
    "documents.Issuer", "documents.Field",
    "questions.Question", "questions.Topic",
    "gallery.Album", "gallery.AlbumPicture", "gallery.Video",
]  # fmt: skip


def changed(sender, **kwargs):
    generation.bump()


def connect():
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(changed, sender=model, dispatch_uid=f"pagecache-save-{label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"pagecache-delete-{label}")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                changed, sender=field.remote_field.through, dispatch_uid=f"pagecache-m2m-{label}"
            )
