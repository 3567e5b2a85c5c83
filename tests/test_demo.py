from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from PIL import Image

from news.demo_content import ARTICLES
from news.models import Article, Category, Photo
from news.sanitize import clean_html

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_demo_fills_the_portal_with_articles_categories_and_photos():
    output = load_demo()

    assert Category.objects.count() >= 5
    assert Article.objects.count() >= 12
    assert f"Bài viết: {Article.objects.count()} (mới {Article.objects.count()})" in output
    published = Article.objects.published()
    assert published.filter(is_featured=True).exists()
    drafts = Article.objects.filter(status=Article.Status.DRAFT)
    scheduled = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
    )
    assert drafts.count() == 1
    assert scheduled.count() == 1
    assert not published.filter(pk__in=[drafts.get().pk, scheduled.get().pk]).exists()
    assert published.count() == Article.objects.count() - 2
    assert Category.objects.filter(articles__isnull=True).count() == 0

    for article in Article.objects.prefetch_related("photos"):
        assert article.cover and article.cover_alt and article.cover_caption
        assert article.author_name and article.author_unit
        assert article.body.startswith("<p>")
        assert "{ngay}" not in article.summary
        photos = list(article.photos.all())
        assert photos, article.title
        for photo in photos:
            assert photo.caption and photo.alt_text and photo.credit
            assert photo.alt_text != photo.caption

    with Image.open(Article.objects.first().cover.path) as cover:
        assert (cover.format, cover.size) == ("JPEG", (1200, 750))


def test_demo_summary_dates_match_publication_dates():
    load_demo("--photos-per-article", "1")

    for article in Article.objects.all():
        local = timezone.localtime(article.published_at)
        assert f"{local:%d/%m/%Y}" in article.summary


def test_second_run_creates_nothing_and_keeps_the_files():
    load_demo("--photos-per-article", "1")
    counts = (Category.objects.count(), Article.objects.count(), Photo.objects.count())
    files = sorted(Article.objects.values_list("cover", flat=True))
    files += sorted(Photo.objects.values_list("image", flat=True))

    output = load_demo("--photos-per-article", "1")

    assert (Category.objects.count(), Article.objects.count(), Photo.objects.count()) == counts
    assert "(mới 0)" in output
    assert "Tệp ảnh vừa vẽ: 0" in output
    again = sorted(Article.objects.values_list("cover", flat=True))
    again += sorted(Photo.objects.values_list("image", flat=True))
    assert again == files


def test_missing_picture_is_drawn_again():
    load_demo("--photos-per-article", "1")
    article = Article.objects.first()
    article.cover.delete(save=True)

    output = load_demo("--photos-per-article", "1")

    article.refresh_from_db()
    assert article.cover and article.cover.storage.exists(article.cover.name)
    assert "Tệp ảnh vừa vẽ: 1" in output


def test_photos_per_article_must_be_positive():
    with pytest.raises(CommandError):
        load_demo("--photos-per-article", "0")
    assert not Article.objects.exists()


def test_demo_bodies_use_only_html_that_survives_cleaning():
    changed = [data["title"] for data in ARTICLES if clean_html(data["body"]) != data["body"]]
    assert changed == []
