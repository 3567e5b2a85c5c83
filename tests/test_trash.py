"""Thùng rác: deleting hides an article and its pictures at once; restore; purge_trash."""

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from news import renditions, trash
from news.models import Article, Photo
from tests.factories import (
    ArticleFactory,
    CorrespondentFactory,
    PhotoFactory,
    StaffFactory,
    UnitFactory,
)
from tests.test_security_deploy import NGINX, media_nginx

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    """A MEDIA_ROOT of this test only, laid out as the nginx sample expects (…/media)."""
    root = tmp_path / "srv" / "media"
    root.mkdir(parents=True)
    settings.MEDIA_ROOT = root
    return root


def article_with_pictures(**kwargs):
    article = ArticleFactory(with_cover=True, **kwargs)
    PhotoFactory(article=article, caption="Ảnh một")
    PhotoFactory(article=article, caption="Ảnh hai")
    return article


def picture_urls(article):
    """Every picture URL of the article: files, renditions and the admin's thumbnails (made now
    if missing)."""
    renditions.make(article.cover.name)
    urls = [article.cover.url, card(article.cover), large(article.cover)]
    for photo in Photo.objects.filter(article=article):
        renditions.make(photo.image.name)
        urls += [photo.image.url, photo.thumbnail.url, large(photo.image)]
    return urls


def card(file):
    return renditions.rendition_set(file, "card").src


def large(file):
    return renditions.rendition_set(file, "article").src


def files_under(root):
    return sorted(str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file())


def status(client, url):
    response = client.get(url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response.status_code


def test_delete_in_admin_hides_page_and_pictures_then_restore_brings_all_back(
    media, client, django_capture_on_commit_callbacks
):
    article = article_with_pictures()
    urls = picture_urls(article)
    assert status(client, article.get_absolute_url()) == 200
    assert [status(client, url) for url in urls] == [200] * 9
    editor = StaffFactory()
    admin = Client()
    admin.force_login(editor)

    page = admin.get(reverse("admin:news_article_delete", args=[article.pk]))
    assert page.status_code == 200
    assert "Chuyển vào thùng rác" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"}
        )
    assert response.status_code == 302

    article.refresh_from_db()
    assert article.deleted_at is not None and article.deleted_by == editor
    assert status(client, article.get_absolute_url()) == 404
    assert status(admin, article.get_absolute_url()) == 404  # no preview of the trash either
    assert [status(client, url) for url in urls] == [404] * 9
    # Nothing served is left; the files wait in the trash folder, not served either.
    assert not (media / "thumbs").exists() or files_under(media / "thumbs") == []
    assert not (media / "renditions").exists() or files_under(media / "renditions") == []
    kept = files_under(media / ".trash" / str(article.pk))
    assert len(kept) == 3
    assert status(client, f"/media/.trash/{article.pk}/{article.cover.name}") == 404
    assert status(client, f"/media/news/../.trash/{article.pk}/{article.cover.name}") == 404
    assert article.pk not in admin.get(reverse("admin:news_article_changelist")).context[
        "cl"
    ].result_list.values_list("pk", flat=True)
    assert LogEntry.objects.filter(object_id=str(article.pk), change_message__contains="thùng rác")
    assert Version.objects.get_for_object(article).first().revision.comment == (
        "Chuyển vào thùng rác"
    )

    trash_list = admin.get(reverse("admin:news_trashedarticle_changelist"))
    assert article.title in trash_list.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(
            reverse("admin:news_trashedarticle_changelist"),
            {"action": "restore_selected", "_selected_action": [article.pk]},
        )

    article.refresh_from_db()
    assert article.deleted_at is None and article.deleted_by is None
    assert status(client, article.get_absolute_url()) == 200
    # Restoring made the renditions again, before any reader asks.
    assert (renditions.folder(article.cover.name) / "card@1x.jpg").is_file()
    assert [status(client, url) for url in picture_urls(article)] == [200] * 9
    assert sorted(article.photos.values_list("caption", flat=True)) == ["Ảnh hai", "Ảnh một"]
    assert not (media / ".trash" / str(article.pk)).exists()
    assert LogEntry.objects.filter(object_id=str(article.pk), change_message__contains="Khôi phục")


def test_bulk_delete_asks_in_vietnamese_and_moves_to_the_trash(
    media, django_capture_on_commit_callbacks
):
    articles = [article_with_pictures(), ArticleFactory(with_cover=True)]
    admin = Client()
    admin.force_login(StaffFactory())
    data = {"action": "trash_selected", "_selected_action": [a.pk for a in articles]}
    changelist = reverse("admin:news_article_changelist")
    asked = admin.post(changelist, data)
    assert "Chuyển vào thùng rác" in asked.content.decode()
    assert Article.objects.filter(deleted_at__isnull=False).count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(changelist, {**data, "post": "yes"})
    assert Article.objects.filter(deleted_at__isnull=False).count() == 2
    assert Article.objects.count() == 2  # nothing deleted for good
    for article in articles:
        assert not (media / article.cover.name).exists()
        assert (media / ".trash" / str(article.pk) / article.cover.name).is_file()


def test_correspondent_sees_only_their_units_trash_and_cannot_restore_another(
    media, django_capture_on_commit_callbacks
):
    ours, theirs = UnitFactory(short_name="CĐ Ngành Y tế"), UnitFactory(short_name="CĐ KCN")
    mine = ArticleFactory(author_unit=ours, draft=True, title="Bài của đơn vị mình")
    other = ArticleFactory(author_unit=theirs, draft=True, title="Bài của đơn vị khác")
    editor = StaffFactory()
    with django_capture_on_commit_callbacks(execute=True):
        trash.move_to_trash(mine, editor)
        trash.move_to_trash(other, editor)
    correspondent = CorrespondentFactory(unit=ours)
    outsider = CorrespondentFactory(unit=theirs)

    with pytest.raises(PermissionDenied):
        trash.restore(mine, outsider)
    client = Client()
    client.force_login(correspondent)
    page = client.get(reverse("admin:news_trashedarticle_changelist")).content.decode()
    assert "Bài của đơn vị mình" in page and "Bài của đơn vị khác" not in page
    client.post(
        reverse("admin:news_trashedarticle_changelist"),
        {"action": "restore_selected", "_selected_action": [other.pk]},
    )
    other.refresh_from_db()
    assert other.deleted_at is not None
    trash.restore(mine, correspondent)
    mine.refresh_from_db()
    assert mine.deleted_at is None


def test_correspondent_may_not_trash_a_published_article(media):
    unit = UnitFactory(short_name="CĐ Ngành Y tế")
    article = ArticleFactory(author_unit=unit)
    with pytest.raises(PermissionDenied):
        trash.move_to_trash(article, CorrespondentFactory(unit=unit))
    article.refresh_from_db()
    assert article.deleted_at is None


def test_trash_list_shows_who_deleted_and_days_left(media):
    editor = StaffFactory(full_name="Phạm Thị Xóa")
    article = ArticleFactory()
    trash.move_to_trash(article, editor)
    Article.objects.filter(pk=article.pk).update(
        deleted_at=timezone.now() - dt.timedelta(days=10, hours=1)
    )
    client = Client()
    client.force_login(editor)
    response = client.get(reverse("admin:news_trashedarticle_changelist"))
    row = response.context["cl"].result_list.get()
    assert trash.days_left(row) == 19
    assert "Phạm Thị Xóa" in response.content.decode()


def test_purge_trash_removes_old_rows_and_every_file(media, django_capture_on_commit_callbacks):
    old, recent = article_with_pictures(), article_with_pictures()
    picture_urls(old), picture_urls(recent)  # thumbnails on disk
    editor = StaffFactory()
    with django_capture_on_commit_callbacks(execute=True):
        trash.move_to_trash(old, editor)
        trash.move_to_trash(recent, editor)
    Article.objects.filter(pk=old.pk).update(deleted_at=timezone.now() - dt.timedelta(days=31))
    recent_files = files_under(media / ".trash" / str(recent.pk))

    with django_capture_on_commit_callbacks(execute=True):
        out = call_command_output("purge_trash")

    assert not Article.objects.filter(pk=old.pk).exists()
    assert not Photo.objects.filter(article_id=old.pk).exists()
    assert not (media / ".trash" / str(old.pk)).exists()
    assert all(str(old.pk) not in name.split("/") for name in files_under(media))
    assert files_under(media / ".trash" / str(recent.pk)) == recent_files
    assert Article.objects.filter(pk=recent.pk).exists()
    assert old.title in out and "Đã xóa hẳn 1 bài" in out and recent.title not in out
    assert out.count(".trash/") == 3

    with django_capture_on_commit_callbacks(execute=True):
        out = call_command_output("purge_trash", "--days", "0")
    assert not Article.objects.filter(pk=recent.pk).exists()
    assert files_under(media) == []


def call_command_output(*args):
    from io import StringIO

    stdout = StringIO()
    call_command(*args, stdout=stdout)
    return stdout.getvalue()


@pytest.mark.skipif(not NGINX, reason="no nginx binary (set NGINX_PATH to run this test)")
def test_trashed_pictures_404_through_the_nginx_sample(
    media, tmp_path, django_capture_on_commit_callbacks
):
    article = article_with_pictures()
    paths = picture_urls(article)
    editor = StaffFactory()
    with media_nginx(tmp_path, media) as get:
        assert [get(path)[0] for path in paths] == [200] * 9
        with django_capture_on_commit_callbacks(execute=True):
            trash.move_to_trash(article, editor)
        assert [get(path)[0] for path in paths] == [404] * 9
        hidden = f"/media/.trash/{article.pk}/{article.cover.name}"
        assert (media / hidden.removeprefix("/media/")).is_file()
        assert get(hidden)[0] == 404
        with django_capture_on_commit_callbacks(execute=True):
            trash.restore(article, editor)
        assert [get(path)[0] for path in picture_urls(article)] == [200] * 9
