"""The starting topics (portal/questions/topics.py); staff may add, rename and reorder them."""

from django.db import migrations

from portal.questions.topics import TOPICS, ensure_topics


def add_topics(apps, schema_editor):
    ensure_topics(apps.get_model("questions", "Topic"))


def remove_topics(apps, schema_editor):
    from news.text import vietnamese_slugify

    Topic = apps.get_model("questions", "Topic")
    Topic.objects.filter(slug__in=[vietnamese_slugify(name) for name, _ in TOPICS]).filter(
        questions__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("questions", "0001_initial")]

    operations = [migrations.RunPython(add_topics, remove_topics)]
