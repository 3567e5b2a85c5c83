"""The newsroom roles get the photo library's permissions (portal/newsroom/roles.py)."""

from django.db import migrations

from portal.newsroom.roles import sync_roles_operation


class Migration(migrations.Migration):
    dependencies = [
        ("photos", "0001_initial"),
        ("newsroom", "0002_roles"),
        ("news", "0008_library_references"),
    ]

    operations = [sync_roles_operation("photos")]
