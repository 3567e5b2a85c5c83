"""Editors and content administrators get the documents' permissions (portal/newsroom/roles.py)."""

from django.db import migrations

from portal.newsroom.roles import sync_roles_operation


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_starting_lists"),
        ("newsroom", "0002_roles"),
        ("photos", "0002_roles"),
    ]

    operations = [sync_roles_operation("documents")]
