"""The "Quản trị nội dung" role gets the site settings' permissions (portal/newsroom/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from portal.newsroom.roles import sync_roles


def add_permissions(apps, schema_editor):
    # Permissions are made after migrate by a signal; this app's are needed now.
    app_config = apps.get_app_config("sitesettings")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("sitesettings", "0002_the_row"),
        ("newsroom", "0002_roles"),
        ("photos", "0002_roles"),
    ]

    # Going back leaves the groups as they are; the permissions go with the app's tables.
    operations = [migrations.RunPython(add_permissions, migrations.RunPython.noop)]
