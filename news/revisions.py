"""Versions of an article with its photos (django-reversion), as comparable snapshots.

A snapshot is what a person would call the article's content: its fields and its photos. The
conflict message and the version history compare snapshots, never raw rows, so derived fields
(search text, the edit counter, timestamps) never count as a change.
"""

import reversion
from django.contrib.contenttypes.models import ContentType
from reversion.models import Version

from .models import Article, Photo
from .sanitize import normalize_html

# The fields a person edits, in the order a change list names them.
CONTENT_FIELDS = [
    "title", "slug", "category_id", "summary", "body", "cover", "cover_caption", "cover_alt",
    "author_name", "author_unit_id", "status", "published_at", "expires_at", "is_featured",
]  # fmt: skip
PHOTO_FIELDS = ["image", "caption", "alt_text", "credit", "order"]


def _value(name, value):
    if name == "body":
        return normalize_html(value)
    if hasattr(value, "name"):  # a file field's value
        return value.name or ""
    return value


def snapshot_of(article):
    """The snapshot of the article as stored now."""
    fields = {name: _value(name, getattr(article, name)) for name in CONTENT_FIELDS}
    photos = {
        photo.pk: {name: _value(name, getattr(photo, name)) for name in PHOTO_FIELDS}
        for photo in Photo.objects.filter(article_id=article.pk)
    }
    return {"fields": fields, "photos": photos}


def snapshot_of_version(version):
    data = version.field_dict
    fields = {name: _value(name, data.get(name)) for name in CONTENT_FIELDS}
    photo_type = ContentType.objects.get_for_model(Photo)
    photos = {}
    for photo_version in version.revision.version_set.filter(content_type=photo_type):
        photo = photo_version.field_dict
        if photo.get("article_id") == int(version.object_id):
            photos[photo["id"]] = {name: _value(name, photo.get(name)) for name in PHOTO_FIELDS}
    return {"fields": fields, "photos": photos}


def label(name):
    return str(Article._meta.get_field(name.removesuffix("_id")).verbose_name)


def changed_labels(old, new):
    """What differs between two snapshots, as a person names it: «tiêu đề», «ảnh: thêm 1»."""
    labels = [label(n) for n in CONTENT_FIELDS if old["fields"][n] != new["fields"][n]]
    added = new["photos"].keys() - old["photos"].keys()
    removed = old["photos"].keys() - new["photos"].keys()
    edited = [
        pk for pk in new["photos"].keys() & old["photos"].keys()
        if new["photos"][pk] != old["photos"][pk]
    ]  # fmt: skip
    for count, what in ((len(added), "thêm"), (len(removed), "bỏ"), (len(edited), "sửa")):
        if count:
            labels.append(f"ảnh trong bài: {what} {count}")
    return labels


def versions_of(article):
    """The article's versions, newest first, with who made them."""
    return Version.objects.get_for_object(article).select_related("revision__user__profile")


def version_at(article, edit_version):
    """The version saved when the article's edit counter read ``edit_version``, if recorded."""
    for version in versions_of(article):
        if version.field_dict.get("edit_version") == edit_version:
            return version
    return None


def ensure_baseline(article, user):
    """Record the stored article as a version if its current state has none yet.

    Called when a form is opened: a conflict message compares with what the person opened,
    which may have been written by something that kept no version (an import, the shell).
    """
    latest = versions_of(article).first()
    if latest is not None and latest.field_dict.get("edit_version") == article.edit_version:
        return
    with reversion.create_revision():
        reversion.add_to_revision(article)
        reversion.set_user(user)
        reversion.set_comment("Bản đang lưu khi mở biểu mẫu")
