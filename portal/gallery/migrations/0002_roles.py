"""Editors and content administrators get the gallery's permissions (portal/newsroom/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from portal.newsroom.roles import sync_roles


def add_permissions(apps, schema_editor):
    # Permissions are made after migrate by a signal; this app's are needed now.
    app_config = apps.get_app_config("gallery")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0001_initial"),
        ("newsroom", "0002_roles"),
        ("photos", "0002_roles"),
    ]

    # Going back leaves the groups as they are; the permissions go with the app's tables.
    operations = [migrations.RunPython(add_permissions, migrations.RunPython.noop)]
