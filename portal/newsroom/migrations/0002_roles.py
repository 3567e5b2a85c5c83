"""The newsroom roles as groups with exactly their permissions (portal/newsroom/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from portal.newsroom.roles import ROLES, sync_roles


def make_roles(apps, schema_editor):
    # Permissions are made after migrate by a signal; a fresh database needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("news", "0005_remove_article_author_unit_text"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(make_roles, remove_roles)]
