"""Media on S3-compatible storage (DJANGO_MEDIA_STORAGE=s3): uploads, their renditions and the
public pages' links all go through the bucket, and a deleted picture leaves it.

The server is moto's (tests/servers.py); nothing is written under MEDIA_ROOT.
"""

import datetime as dt
import re
import urllib.request
from io import StringIO

import pytest
from django.core.files.storage import default_storage, storages
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.crypto import get_random_string

from news import renditions
from news.models import Article
from portal.photos.models import Picture
from portal.settings.base import s3_storage
from tests.builders import ADD_URL, article_form, image_bytes, upload
from tests.factories import (
    ArticleFactory,
    CategoryFactory,
    ContentAdminFactory,
    PictureFactory,
    StaffFactory,
)
from tests.servers import public_bucket, s3_endpoint  # noqa: F401  (fixture)

# Files, storage or servers, not the database: `make test` runs it on SQLite only (conftest).
DATABASE_INDEPENDENT = True

pytestmark = pytest.mark.django_db
BUCKET = "cong-thong-tin-media"
KEYS = {"access_key": "thu-nghiem", "secret_key": "thu-nghiem-bi-mat"}
UPLOAD_URL = "/admin/photos/picture/tai-len/"


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch, tmp_path):  # noqa: F811
    """A fresh bucket, readable by anyone except documents/ and .trash/, as the media storage
    (built by the same settings function production uses); MEDIA_ROOT an empty folder."""
    for name, value in {
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_ACCESS_KEY_ID": KEYS["access_key"],
        "S3_SECRET_ACCESS_KEY": KEYS["secret_key"],
        "S3_REGION": "us-east-1",
        "S3_ADDRESSING_STYLE": "path",
    }.items():
        monkeypatch.setenv(f"DJANGO_{name}", value)
    settings.MEDIA_ROOT = tmp_path / "media"
    with (
        public_bucket(s3_endpoint, BUCKET, KEYS["access_key"], KEYS["secret_key"]) as client,
        override_settings(STORAGES={**settings.STORAGES, "default": s3_storage()}),
    ):
        yield client


@pytest.fixture
def bucket_url(bucket):
    """The bucket's public URL, with its final slash."""
    return f"{bucket.meta.endpoint_url}/{BUCKET}/"


def stored(client, prefix=""):
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
    return sorted(item["Key"] for page in pages for item in page.get("Contents", []))


def every_rendition(name, kinds=None):
    stem = renditions.prefix(name)
    return sorted(
        stem + renditions.file_name(kind_name, scale, fmt)
        for kind_name in kinds or renditions.KINDS
        for scale in renditions.KINDS[kind_name].scales
        for fmt in renditions.KINDS[kind_name].formats
    )


def test_the_media_storage_is_the_bucket(bucket, bucket_url):
    assert type(storages["default"]).__name__ == "S3Storage"
    assert default_storage.url("library/a.jpg") == bucket_url + "library/a.jpg"


def test_an_admin_upload_and_its_renditions_land_in_the_bucket(
    bucket, tmp_path, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(StaffFactory())
    data = article_form(
        CategoryFactory(),
        cover=upload("bia.png", image_bytes(1200, 750), "image/png"),
        cover_alt="Hội trường",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, data)
    assert response.status_code == 302
    name = Article.objects.get().cover.name
    assert stored(bucket, name) == [name]
    assert stored(bucket, renditions.prefix(name)) == every_rendition(name)
    head = bucket.head_object(
        Bucket=BUCKET, Key=renditions.prefix(name) + renditions.file_name("card", 1, "webp")
    )
    assert head["ContentType"] == "image/webp"
    assert not (tmp_path / "media").exists()  # nothing on this host's disk


def test_a_library_upload_lands_in_the_bucket_with_its_renditions(
    bucket, django_capture_on_commit_callbacks
):
    client = Client()
    client.force_login(StaffFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            UPLOAD_URL,
            {"images": [upload("hoi-nghi.png", image_bytes(800, 500), "image/png")]},
            HTTP_ACCEPT="application/json",
        )
    assert response.json()["results"][0]["ok"]
    name = Picture.objects.get().image.name
    assert stored(bucket, "library/") == [name]
    assert stored(bucket, renditions.prefix(name)) == every_rendition(name)


def test_the_public_page_links_to_the_buckets_files(
    bucket, bucket_url, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(with_cover=True, cover_alt="Hội trường")
    html = client.get(article.get_absolute_url()).content.decode()
    base = bucket_url + renditions.prefix(article.cover.name)
    cover = re.search(r'<img src="([^"]+)"[^>]*alt="Hội trường"', html).group(1)
    assert cover == base + "article@1x.jpg"
    assert f'srcset="{base}article@1x.webp 1x' in html
    assert "/media/" not in html
    # Readers' browsers fetch it straight from the bucket.
    with urllib.request.urlopen(cover) as answer:
        assert answer.headers["Content-Type"] == "image/jpeg"
        assert answer.read(3) == b"\xff\xd8\xff"


def test_a_readers_page_asks_the_bucket_nothing(
    bucket, client, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(with_cover=True, is_featured=True)

    def refuse(*args, **kwargs):
        raise AssertionError("a reader's page asked the bucket")

    storage = type(storages["default"])
    for method in ("exists", "open", "listdir", "size"):
        monkeypatch.setattr(storage, method, refuse)
    base = renditions.base_url(article.cover.name)
    assert f'src="{base}lead@1x.jpg"' in client.get("/").content.decode()
    assert f'content="{base}og@1x.jpg"' in client.get(article.get_absolute_url()).content.decode()


def test_an_editor_upload_in_the_body_is_served_from_the_bucket(
    bucket, bucket_url, client, django_capture_on_commit_callbacks
):
    editor = Client(enforce_csrf_checks=True)
    editor.force_login(StaffFactory())
    token = get_random_string(32)
    editor.cookies["csrftoken"] = token
    with django_capture_on_commit_callbacks(execute=True):
        answer = editor.post(
            "/ckeditor/upload/",
            {"upload": upload("le-ky-niem.jpg", image_bytes(1600, 900, fmt="JPEG"), "image/jpeg")},
            HTTP_ORIGIN="http://testserver",
            HTTP_X_CSRFTOKEN=token,
        ).json()
    url = answer["url"]
    assert url.startswith(bucket_url + "editor/")
    name = url.removeprefix(bucket_url)
    assert stored(bucket, renditions.prefix(name)) == every_rendition(name, ["article"])
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(body=f'<p>Lễ kỷ niệm</p><p><img src="{url}" alt="Lễ kỷ niệm"></p>')
    article.refresh_from_db()
    assert f'src="{url}"' in article.body  # kept through cleaning
    html = client.get(article.get_absolute_url()).content.decode()
    base = bucket_url + renditions.prefix(name)
    assert f'<img src="{base}article@1x.jpg" srcset="{base}article@1x.jpg 800w' in html


def test_a_picture_from_elsewhere_is_still_dropped(bucket):
    article = ArticleFactory(body='<p>Ảnh</p><p><img src="https://example.com/a.jpg" alt="x"></p>')
    article.refresh_from_db()
    assert "example.com" not in article.body


def test_a_deleted_picture_leaves_the_bucket(bucket, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = PictureFactory()
    name = picture.image.name
    assert stored(bucket, renditions.prefix(name))
    assert renditions.rendition_set(picture.image, "card").src.endswith("card@1x.jpg")
    with django_capture_on_commit_callbacks(execute=True):
        picture.delete()
    assert stored(bucket) == []
    # and pages no longer name its renditions
    assert renditions.jpeg_sizes(name, "card") == []


def test_the_trash_moves_pictures_out_of_the_public_bucket_and_back(
    bucket, django_capture_on_commit_callbacks
):
    from news import trash

    editor = ContentAdminFactory()
    with django_capture_on_commit_callbacks(execute=True):
        article = ArticleFactory(with_cover=True)
    name = article.cover.name
    with django_capture_on_commit_callbacks(execute=True):
        trash.move_to_trash(article, editor)
    assert stored(bucket) == [f"{trash.TRASH_DIR}/{article.pk}/{name}"]
    with django_capture_on_commit_callbacks(execute=True):
        trash.restore(article, editor)
    assert stored(bucket, name) == [name]
    assert stored(bucket, renditions.prefix(name)) == every_rendition(name)
    assert stored(bucket, trash.TRASH_DIR) == []
    with django_capture_on_commit_callbacks(execute=True):
        trash.move_to_trash(article, editor)
    long_ago = timezone.now() - dt.timedelta(days=40)
    Article.objects.filter(pk=article.pk).update(deleted_at=long_ago)
    with django_capture_on_commit_callbacks(execute=True):
        ((_title, files),) = trash.purge()
    assert files == [f"{trash.TRASH_DIR}/{article.pk}/{name}"]
    assert stored(bucket) == []


# SQLite's backup waits for the test's transaction otherwise.
@pytest.mark.django_db(transaction=True)
def test_a_backup_holds_the_database_and_says_the_pictures_stay_in_the_bucket(bucket, tmp_path):
    ArticleFactory(with_cover=True)
    out = StringIO()
    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=out)
    assert "Ảnh nằm trong kho S3" in out.getvalue()
    assert ", 0 tệp ảnh" in out.getvalue()


def test_the_commands_that_need_files_on_disk_say_so(bucket, tmp_path):
    with pytest.raises(CommandError, match="kho S3"):
        call_command("clean_media", "--dry-run")
    with pytest.raises(CommandError, match="kho S3"):
        call_command("restore", str(tmp_path / "portal.tar.gz"))
