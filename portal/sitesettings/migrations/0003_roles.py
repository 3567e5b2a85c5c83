"""The "Quản trị nội dung" role gets the site settings' permissions (portal/newsroom/roles.py)."""

from django.db import migrations

from portal.newsroom.roles import sync_roles_operation


class Migration(migrations.Migration):
    dependencies = [
        ("sitesettings", "0002_the_row"),
        ("newsroom", "0002_roles"),
        ("photos", "0002_roles"),
    ]

    operations = [sync_roles_operation("sitesettings")]
