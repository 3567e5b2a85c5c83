"""The one settings row, with neutral names until the federation fills the form."""

from django.db import migrations


def create_row(apps, schema_editor):
    apps.get_model("sitesettings", "SiteSettings").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("sitesettings", "0001_initial")]

    operations = [migrations.RunPython(create_row, migrations.RunPython.noop)]
