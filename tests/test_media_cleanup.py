"""Picture files follow their rows: a replaced or removed picture goes with its thumbnails, after
commit (news/media_files.py); clean_media finds what no row uses."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from news.models import Article, Photo
from tests.builders import article_form, image_bytes
from tests.factories import ArticleFactory, PhotoFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    return root


def thumbnails(root, name):
    folder = Path(root) / "thumbs" / Path(name).with_suffix("")
    return sorted(folder.glob("*.jpg"))


def with_thumbnails(article):
    assert article.cover_card.url and article.cover_large.url  # made now
    assert len(thumbnails(article.cover.storage.location, article.cover.name)) == 2
    return article


def new_picture():
    return ContentFile(image_bytes(60, 40), name="moi.png")


def test_replacing_a_cover_removes_the_old_file_and_thumbnails_after_commit(
    media, django_capture_on_commit_callbacks
):
    article = with_thumbnails(ArticleFactory(with_cover=True))
    old = article.cover.name
    article = Article.objects.get(pk=article.pk)  # as the admin loads it
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.cover = new_picture()
        article.save()
        assert (media / old).is_file()  # nothing goes before the commit
    for callback in callbacks:
        callback()
    assert not (media / old).exists()
    assert thumbnails(media, old) == []
    assert article.cover.name != old and (media / article.cover.name).is_file()


def test_clearing_a_cover_removes_it(media, django_capture_on_commit_callbacks):
    article = with_thumbnails(ArticleFactory(with_cover=True))
    old = article.cover.name
    article = Article.objects.get(pk=article.pk)
    with django_capture_on_commit_callbacks(execute=True):
        article.cover = ""
        article.save()
    assert not (media / old).exists() and thumbnails(media, old) == []


def test_replacing_a_photo_and_deleting_one_removes_their_files(
    media, django_capture_on_commit_callbacks
):
    article = ArticleFactory()
    replaced, deleted, kept = (PhotoFactory(article=article) for _ in range(3))
    for photo in (replaced, deleted, kept):
        assert photo.thumbnail.url
    names = {p: p.image.name for p in (replaced, deleted, kept)}
    with django_capture_on_commit_callbacks(execute=True):
        photo = Photo.objects.get(pk=replaced.pk)
        photo.image = new_picture()
        photo.save()
        Photo.objects.get(pk=deleted.pk).delete()
    for gone in (replaced, deleted):
        assert not (media / names[gone]).exists() and thumbnails(media, names[gone]) == []
    assert (media / names[kept]).is_file() and len(thumbnails(media, names[kept])) == 1
    assert (media / Photo.objects.get(pk=replaced.pk).image.name).is_file()


def test_deleting_a_photo_from_the_admin_inline_removes_its_file(
    media, django_capture_on_commit_callbacks
):
    article = ArticleFactory(draft=True)
    photo = PhotoFactory(article=article)
    name = photo.image.name
    client = Client()
    client.force_login(StaffFactory())
    data = article_form(
        article.category,
        title=article.title,
        slug=article.slug,
        _transition="",
        published_at_0="",
        published_at_1="",
        opened_version=str(article.edit_version),
        **{
            "photos-TOTAL_FORMS": "1", "photos-INITIAL_FORMS": "1",
            "photos-0-id": str(photo.pk), "photos-0-article": str(article.pk),
            "photos-0-alt_text": photo.alt_text, "photos-0-order": "0",
            "photos-0-DELETE": "on",
        },
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admin:news_article_change", args=[article.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert not Photo.objects.filter(pk=photo.pk).exists()
    assert not (media / name).exists()


def test_a_file_another_row_names_is_kept(media, django_capture_on_commit_callbacks):
    first = ArticleFactory(with_cover=True)
    second = ArticleFactory(cover=first.cover.name, cover_alt="Ảnh dùng chung")
    shared = first.cover.name
    with django_capture_on_commit_callbacks(execute=True):
        first = Article.objects.get(pk=first.pk)
        first.cover = new_picture()
        first.save()
        PhotoFactory(article=second, image=shared).delete()
    assert (media / shared).is_file()
    assert Article.objects.get(pk=second.pk).cover.name == shared
