"""Every free-text unit of an article becomes a Unit; nothing typed is lost.

Texts that differ only by case, marks or spaces ("CĐCKCN", "cđckcn ") are one unit, named by the
spelling used most. A draft whose publication time is the default stamped at creation gets none,
so publishing it stamps the moment of publication (news.workflow).
"""

import datetime as dt
import unicodedata
from collections import Counter, defaultdict

from django.db import migrations
from django.utils.text import slugify

_D = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text):
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def guess_kind(text):
    folded = fold(text)
    if folded.startswith(("ldld", "lien doan lao dong")):
        return "district"
    if "kcn" in folded or "khu cong nghiep" in folded:
        return "zone"
    if folded.startswith(("cd nganh", "cong doan nganh")):
        return "industry"
    if folded.startswith(("ban ", "van phong")):
        return "office"
    return "grassroots"


def units_from_text(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    Unit = apps.get_model("newsroom", "Unit")
    spellings = defaultdict(Counter)
    rows = list(Article.objects.exclude(author_unit_text="").values_list("pk", "author_unit_text"))
    for _pk, text in rows:
        text = " ".join(unicodedata.normalize("NFC", text).split())
        if text:
            spellings[fold(text)][text] += 1
    units = {}
    for order, (key, counter) in enumerate(sorted(spellings.items()), start=1):
        name = counter.most_common(1)[0][0]
        unit = Unit.objects.filter(short_name=name).first()
        if unit is None:
            slug, n = slugify(key)[:70] or "don-vi", 2
            base = slug
            while Unit.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            unit = Unit.objects.create(
                name=name[:200], short_name=name[:60], slug=slug, kind=guess_kind(name), order=order
            )
        units[key] = unit
    for pk, text in rows:
        key = fold(unicodedata.normalize("NFC", text))
        if key in units:
            Article.objects.filter(pk=pk).update(author_unit=units[key])


def texts_from_units(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    for article in Article.objects.exclude(author_unit=None).select_related("author_unit"):
        Article.objects.filter(pk=article.pk).update(author_unit_text=article.author_unit.short_name)


def unset_default_publication_times(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    for article in Article.objects.exclude(status="published").only("created_at", "published_at"):
        if article.published_at and abs(article.published_at - article.created_at) < dt.timedelta(
            seconds=2
        ):
            Article.objects.filter(pk=article.pk).update(published_at=None)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_newsroom_fields"),
        ("newsroom", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(units_from_text, texts_from_units),
        migrations.RunPython(unset_default_publication_times, migrations.RunPython.noop),
    ]
