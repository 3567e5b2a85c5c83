"""The three newsroom roles and exactly the permissions each needs (made by migration 0002)."""

CORRESPONDENT = "Cộng tác viên"
EDITOR = "Biên tập viên"
CONTENT_ADMIN = "Quản trị nội dung"

_CORRESPONDENT = [
    "news.add_article", "news.change_article", "news.view_article", "news.delete_article",
    "news.submit_article",
    "news.add_photo", "news.change_photo", "news.view_photo", "news.delete_photo",
    "news.view_category", "newsroom.view_unit",
    # The photo library: anyone who writes may upload and pick; portal/photos/admin.py lets only
    # the uploader or an editor change or delete a picture.
    "photos.add_picture", "photos.change_picture", "photos.view_picture", "photos.delete_picture",
]  # fmt: skip
_EDITOR = _CORRESPONDENT + [
    "news.review_article", "news.edit_all_units", "news.view_articletransition",
    # The documents register (portal/documents): editors publish documents and their files.
    "documents.add_document", "documents.change_document", "documents.view_document",
    "documents.delete_document", "documents.add_documentfile", "documents.change_documentfile",
    "documents.view_documentfile", "documents.delete_documentfile",
    "documents.view_documenttype", "documents.view_issuer", "documents.view_field",
]  # fmt: skip
# Hỏi đáp (portal/questions, its migration 0003 syncs them): editors answer, publish and clear
# spam; topics are the content administrators'.
_EDITOR += [
    "questions.view_question", "questions.change_question", "questions.add_question",
    "questions.delete_question", "questions.answer_question", "questions.view_topic",
    # Photo albums and videos (portal/gallery): published by editors, as articles are.
    "gallery.add_album", "gallery.change_album", "gallery.view_album", "gallery.delete_album",
    "gallery.add_albumpicture", "gallery.change_albumpicture", "gallery.view_albumpicture",
    "gallery.delete_albumpicture",
    "gallery.add_video", "gallery.change_video", "gallery.view_video", "gallery.delete_video",
]  # fmt: skip
_CONTENT_ADMIN = _EDITOR + [
    "documents.add_documenttype", "documents.change_documenttype",
    "documents.delete_documenttype", "documents.add_issuer", "documents.change_issuer",
    "documents.delete_issuer", "documents.add_field", "documents.change_field",
    "documents.delete_field",
    "news.add_category", "news.change_category", "news.delete_category",
    "newsroom.add_unit", "newsroom.change_unit", "newsroom.delete_unit",
    "newsroom.add_staffprofile", "newsroom.change_staffprofile", "newsroom.view_staffprofile",
    "newsroom.delete_staffprofile",
    "auth.add_user", "auth.change_user", "auth.view_user", "auth.view_group",
    "questions.add_topic", "questions.change_topic", "questions.delete_topic",
    # The portal's own details (portal/sitesettings): one row, never added or deleted.
    "sitesettings.change_sitesettings", "sitesettings.view_sitesettings",
    "sitesettings.add_link", "sitesettings.change_link", "sitesettings.delete_link",
    "sitesettings.view_link",
]  # fmt: skip

ROLES = {CORRESPONDENT: _CORRESPONDENT, EDITOR: _EDITOR, CONTENT_ADMIN: _CONTENT_ADMIN}


def sync_roles(Group, Permission):
    """Make the three groups hold exactly their permissions (models passed in, so the
    migration can call it with its historical models).

    Permissions of an app not migrated yet are left for that app's own migration, which calls
    this again (portal/photos/migrations/0002_roles.py); an unknown one of a migrated app fails.
    """
    for name, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            found = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            if found or Permission.objects.filter(content_type__app_label=app_label).exists():
                wanted.append(found.get())
        group.permissions.set(wanted)


def sync_roles_operation(app_label):
    """The migration operation of an app whose permissions the roles name: make the app's
    permissions now (Django makes them after migrate, by a signal) and sync the groups. Going
    back leaves the groups as they are; the permissions go with the app's tables."""
    from django.contrib.auth.management import create_permissions
    from django.db import migrations

    def add_permissions(apps, schema_editor):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
        sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))

    return migrations.RunPython(add_permissions, migrations.RunPython.noop)
