from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_units_from_text"),
    ]

    operations = [
        migrations.RemoveField(model_name="article", name="author_unit_text"),
    ]
