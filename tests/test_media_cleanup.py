"""Picture files follow their rows: a replaced or removed picture goes with its thumbnails, after
commit (news/media_files.py); clean_media finds what no row uses."""

import hashlib
import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from news import renditions, trash
from news.models import Article, Photo
from tests.builders import article_form, image_bytes
from tests.factories import ArticleFactory, PhotoFactory, StaffFactory

pytestmark = pytest.mark.django_db


def thumbnails(root, name):
    """The admin's imagekit thumbnails and the renditions (news.renditions) of ``name``."""
    stem = Path(name).with_suffix("")
    return sorted(
        [*(Path(root) / "thumbs" / stem).glob("*.jpg"), *renditions.folder(name).glob("*")]
    )


def with_thumbnails(article):
    assert article.cover_card.url  # made now
    made = renditions.make(article.cover.name)
    assert len(thumbnails(article.cover.storage.location, article.cover.name)) == 1 + made > 1
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


# clean_media ------------------------------------------------------------------------------------


def checksums(root):
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in Path(root).rglob("*")
        if p.is_file()
    }


def put(root, name, *, days_old=0):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(image_bytes(10, 10))
    if days_old:
        then = time.time() - days_old * 86400
        os.utime(path, (then, then))
    return name


def run_clean_media(*args):
    stdout = StringIO()
    call_command("clean_media", *args, stdout=stdout)
    return stdout.getvalue()


def test_clean_media_lists_exactly_the_orphans_then_removes_them_and_nothing_else(
    media, django_capture_on_commit_callbacks
):
    used_upload = put(media, "editor/2020/01/dung-trong-bai.png", days_old=3)
    article = with_thumbnails(
        ArticleFactory(
            with_cover=True,
            body=f'<p>Ảnh:</p><p><img src="/media/{used_upload}" alt="Hội nghị"></p>',
        )
    )
    assert PhotoFactory(article=article).thumbnail.url
    in_trash = ArticleFactory(with_cover=True)
    PhotoFactory(article=in_trash)
    with django_capture_on_commit_callbacks(execute=True):
        trash.move_to_trash(in_trash, StaffFactory())
    assert (media / ".trash" / str(in_trash.pk)).is_dir()
    fresh_upload = put(media, "editor/2020/01/vua-tai-len.png")  # an open form may still use it
    elsewhere = put(media, "khac/ghi-chu.png")  # not a folder of this app
    orphan_article = with_thumbnails(ArticleFactory(with_cover=True))
    orphans = sorted(
        [
            put(media, "news/covers/2020/01/khong-ai-dung.jpg"),
            put(media, "news/photos/2020/01/khong-ai-dung.jpg"),
            put(media, "editor/2019/12/bo-quen.png", days_old=2),
            put(media, "thumbs/news/covers/2019/01/da-xoa/abc.jpg"),
            put(media, "renditions/news/covers/2019/01/da-xoa/card@1x.webp"),
            put(media, ".trash/999999/news/covers/2019/01/da-xoa-han.jpg"),
            orphan_article.cover.name,
            *(str(p.relative_to(media)) for p in thumbnails(media, orphan_article.cover.name)),
        ]
    )
    Article.objects.filter(pk=orphan_article.pk).delete()  # a row gone without its files
    before = checksums(media)
    assert set(orphans) <= set(before) and fresh_upload in before and elsewhere in before

    listed = run_clean_media("--dry-run")
    assert [line.strip() for line in listed.splitlines()[:-1]] == orphans
    assert f"Sẽ xóa {len(orphans)} tệp" in listed
    assert checksums(media) == before

    done = run_clean_media()
    assert f"Đã xóa {len(orphans)} tệp" in done
    after = checksums(media)
    assert after == {name: digest for name, digest in before.items() if name not in orphans}
    assert run_clean_media("--dry-run").splitlines() == [
        "Sẽ xóa 0 tệp không còn dùng (chạy thử, chưa xóa)."
    ]
