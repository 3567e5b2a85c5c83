"""Editors and content administrators get the gallery's permissions (portal/newsroom/roles.py)."""

from django.db import migrations

from portal.newsroom.roles import sync_roles_operation


class Migration(migrations.Migration):
    dependencies = [
        ("gallery", "0001_initial"),
        ("newsroom", "0002_roles"),
        ("photos", "0002_roles"),
    ]

    operations = [sync_roles_operation("gallery")]
