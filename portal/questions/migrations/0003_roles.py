"""The newsroom roles get the Q&A permissions (portal/newsroom/roles.py)."""

from django.db import migrations

from portal.newsroom.roles import sync_roles_operation


class Migration(migrations.Migration):
    dependencies = [
        ("questions", "0002_topics"),
        ("newsroom", "0002_roles"),
        ("photos", "0002_roles"),
    ]

    operations = [sync_roles_operation("questions")]
