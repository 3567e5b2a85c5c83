"""Versions of an article with its photos (django-reversion), as comparable snapshots.

A snapshot is what a person would call the article's content: its fields and its photos. The
conflict message and the version history compare snapshots, never raw rows, so derived fields
(search text, the edit counter, timestamps) never count as a change.
"""

import difflib

import reversion
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from reversion.models import Version

from portal.newsroom.models import Unit
from portal.newsroom.people import display_name
from portal.photos.models import Picture

from .models import Article, Category, Photo, unique_slug
from .sanitize import normalize_html
from .search import html_to_text
from .workflow import can_edit, sees_all_units

# The fields a person edits, in the order a change list names them.
CONTENT_FIELDS = [
    "title", "slug", "category_id", "summary", "body", "cover", "cover_picture_id",
    "cover_caption", "cover_alt", "author_name", "author_unit_id", "status", "published_at",
    "expires_at", "is_featured",
]  # fmt: skip
# The library link travels with the file name, so a restored picture names its library entry.
PHOTO_FIELDS = ["image", "picture_id", "caption", "alt_text", "credit", "order"]


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


def snapshots_of_versions(versions, article_pk):
    """The snapshots of an article's ``versions``, their photos read in one query."""
    photo_rows = Version.objects.filter(
        revision__in=[v.revision_id for v in versions],
        content_type=ContentType.objects.get_for_model(Photo),
    )
    photos_by_revision = {}
    for row in photo_rows:
        photo = row.field_dict
        if photo.get("article_id") == article_pk:
            photos_by_revision.setdefault(row.revision_id, {})[photo["id"]] = {
                name: _value(name, photo.get(name)) for name in PHOTO_FIELDS
            }
    return [
        {
            "fields": {name: _value(name, v.field_dict.get(name)) for name in CONTENT_FIELDS},
            "photos": photos_by_revision.get(v.revision_id, {}),
        }
        for v in versions
    ]


def snapshot_of_version(version):
    return snapshots_of_versions([version], int(version.object_id))[0]


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


# --- history, comparison and restore (the admin's "Phiên bản" pages) --------------------------

# Changed only by news.workflow.transition(): a restore never brings these back.
STATE_FIELDS = ["status", "published_at", "expires_at", "is_featured"]
RESTORED_FIELDS = [name for name in CONTENT_FIELDS if name not in STATE_FIELDS]


def record_baseline(article_pk):
    """Keep the stored article as a version if its current state has none, dated when it was
    last saved and by whom.

    Called when a form is opened and before a change is saved: the conflict message compares
    with what the person opened, and the first change must be undoable, even when the stored
    state was written by something that kept no version (an import, the shell, older code).
    """
    article = Article.objects.select_related("updated_by").filter(pk=article_pk).first()
    if article is None:
        return
    latest = versions_of(article).first()
    if latest is not None and latest.field_dict.get("edit_version") == article.edit_version:
        return
    with reversion.create_revision():
        reversion.add_to_revision(article)
        reversion.set_user(article.updated_by)
        reversion.set_date_created(article.updated_at)
        reversion.set_comment("Bản đã lưu, chưa có trong lịch sử phiên bản")


def history(article):
    """The article's versions, newest first, each with its snapshot and what it changed from
    the version before it (photos of every revision read in one query)."""
    versions = list(versions_of(article))
    entries = [
        {"version": version, "snapshot": snapshot, "changes": None}
        for version, snapshot in zip(
            versions, snapshots_of_versions(versions, article.pk), strict=True
        )
    ]
    for newer, older in zip(entries, entries[1:], strict=False):
        newer["changes"] = changed_labels(older["snapshot"], newer["snapshot"])
    return entries


def body_diff(old_html, new_html):
    """The body's text as a word-level diff: removed words in <del>, added ones in <ins>."""
    old, new = html_to_text(old_html).split(), html_to_text(new_html).split()
    parts = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(conditional_escape(" ".join(old[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", " ".join(old[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", " ".join(new[j1:j2])))
    return mark_safe(" ".join(parts))  # every part is escaped above


def _when(value):
    return f"{localtime(value):%d/%m/%Y %H:%M}" if value else "—"


def _name_of(model, pk, attribute):
    if pk is None:
        return "—"
    row = model.objects.filter(pk=pk).first()
    return getattr(row, attribute) if row else f"(đã xóa, mã {pk})"


def readable(snapshot):
    """A snapshot's fields as a person reads them, in the order the compare page shows them."""
    f = snapshot["fields"]
    status = Article.Status(f["status"]).label if f["status"] else "—"
    state = (
        f"{status}; xuất bản: {_when(f['published_at'])}; thôi hiển thị: {_when(f['expires_at'])}"
    )
    if f["is_featured"]:
        state += "; tin nổi bật"
    unit = _name_of(Unit, f["author_unit_id"], "short_name") if f["author_unit_id"] else ""
    cover = f["cover"] or "—"
    if f["cover"]:
        cover += f" — {f['cover_caption'] or 'không chú thích'} (alt: {f['cover_alt'] or '—'})"
    return [
        ("tiêu đề", f["title"]),
        ("đường dẫn", f["slug"]),
        ("chuyên mục", _name_of(Category, f["category_id"], "name")),
        ("sa-pô", f["summary"]),
        ("tác giả", " - ".join(part for part in (f["author_name"], unit) if part)),
        ("ảnh đại diện", cover),
        ("trạng thái", state),
    ]


def compare(old, new):
    """Two snapshots side by side: field rows, the body's diff and the photos' changes."""
    rows = [
        {"label": label_, "old": a, "new": b, "changed": a != b}
        for (label_, a), (_, b) in zip(readable(old), readable(new), strict=True)
    ]
    old_photos, new_photos = old["photos"], new["photos"]
    photos = []
    for pk in sorted(old_photos.keys() | new_photos.keys()):
        before, after = old_photos.get(pk), new_photos.get(pk)
        if before == after:
            continue
        if before is None:
            photos.append({"kind": "thêm", "old": None, "new": after, "fields": []})
        elif after is None:
            photos.append({"kind": "bỏ", "old": before, "new": None, "fields": []})
        else:
            fields = [
                str(Photo._meta.get_field(n).verbose_name)
                for n in PHOTO_FIELDS
                if before[n] != after[n]
            ]
            photos.append({"kind": "sửa", "old": before, "new": after, "fields": fields})
    return {
        "rows": rows,
        "body_changed": old["fields"]["body"] != new["fields"]["body"],
        "body_diff": body_diff(old["fields"]["body"], new["fields"]["body"]),
        "photos": photos,
    }


def version_label(version):
    return f"{localtime(version.revision.date_created):%H:%M %d/%m/%Y} của " + display_name(
        version.revision.user
    )


class RestoreRefused(PermissionDenied):
    """This person may not restore this article now; the message says why."""


def restore(article, version, *, by):
    """Bring back ``version``'s content and photos as a new version; never its state.

    Returns (changed, problems): whether anything changed, and what could not be brought back
    (a photo or cover whose file is gone, a category since deleted).
    """
    old = snapshot_of_version(version)
    problems = []
    with transaction.atomic(), reversion.create_revision():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if not can_edit(by, current):
            raise RestoreRefused(
                "Bạn không có quyền sửa bài này nên không thể khôi phục phiên bản."
            )
        if not _restorable_change(old, current):
            return False, []
        fields = old["fields"]
        kept_cover = False
        for name in RESTORED_FIELDS:
            value = fields[name]
            if name == "author_unit_id" and not sees_all_units(by):
                continue  # a correspondent's article stays with their unit
            if name == "category_id" and not Category.objects.filter(pk=value).exists():
                problems.append("chuyên mục cũ đã bị xóa, giữ chuyên mục hiện tại")
                continue
            if name == "cover" and value and not default_storage.exists(value):
                problems.append(f"ảnh đại diện «{value}» không còn tệp, giữ ảnh hiện tại")
                kept_cover = True
                continue
            if name == "cover":
                value = value or ""
            if name == "cover_picture_id":
                if kept_cover:
                    continue  # the current file stays, and with it its library link
                value = _existing_picture(value)
            if name == "slug":
                value = unique_slug(Article, value or fields["title"], exclude_pk=current.pk)
            setattr(current, name, value)
        current.updated_by = by
        current.save()
        problems += _restore_photos(current, old["photos"])
        reversion.add_to_revision(current)
        note = f"Khôi phục phiên bản lúc {version_label(version)}"
        reversion.set_user(by)
        reversion.set_comment(note)
        LogEntry.objects.log_actions(
            by.pk, [current], CHANGE, change_message=note, single_object=True
        )
    for field in ("edit_version", "updated_at", "updated_by_id", *RESTORED_FIELDS):
        setattr(article, field, getattr(current, field))
    return True, problems


def _restorable_change(old, current):
    """Whether the version differs from the article in anything a restore brings back."""
    now = snapshot_of(current)
    return old["photos"] != now["photos"] or any(
        old["fields"][n] != now["fields"][n] for n in RESTORED_FIELDS
    )


def _existing_picture(pk):
    """A library picture's id if it still exists: a deleted one leaves the link empty."""
    return pk if pk and Picture.objects.filter(pk=pk).exists() else None


def _restore_photos(article, photos):
    problems = []
    Photo.objects.filter(article=article).exclude(pk__in=photos.keys()).delete()
    existing = {p.pk: p for p in Photo.objects.filter(article=article)}
    for pk, data in photos.items():
        photo = existing.get(pk)
        gone = not data["image"] or not default_storage.exists(data["image"])
        if gone and (photo is None or photo.image.name != data["image"]):
            what = data["caption"] or data["alt_text"] or data["image"]
            if photo is None:
                problems.append(f"ảnh «{what}» không còn tệp nên không khôi phục được")
                continue
            problems.append(f"ảnh «{what}»: tệp cũ không còn, giữ tệp hiện tại")
            data = {**data, "image": photo.image.name, "picture_id": photo.picture_id}
        data = {**data, "picture_id": _existing_picture(data.get("picture_id"))}
        if photo is None:
            taken = Photo.objects.filter(pk=pk).exists()
            photo = Photo(article=article) if taken else Photo(pk=pk, article=article)
        for name, value in data.items():
            setattr(photo, name, value)
        photo.save()
    return problems
