"""Pictures: covers and photos through the admin, the model layer, and the editor's upload view."""

import functools
import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.utils.crypto import get_random_string
from PIL import Image

from news.images import MESSAGES
from news.models import Article, Photo
from tests.builders import (
    ADD_URL,
    article_form,
    huge_png,
    image_bytes,
    jpeg_with_gps,
    upload,
)
from tests.factories import ArticleFactory, CategoryFactory, StaffFactory, UserFactory

# Files, storage or servers, not the database: `make test` runs it on SQLite only (conftest).
DATABASE_INDEPENDENT = True

UPLOAD_URL = "/ckeditor/upload/"
ORIGIN = "http://testserver"
GENERATED_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp)$")

HOSTILE_FILES = {
    "html": (
        lambda: upload("trang.html", b"<html><script>alert(1)</script></html>", "text/html"),
        "format",
    ),
    "html named as jpg": (
        lambda: upload("anh.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"),
        "format",
    ),
    "svg": (
        lambda: upload(
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>',
            "image/svg+xml",
        ),
        "format",
    ),
    "gif+html polyglot": (
        lambda: upload(
            "anh.gif", image_bytes(fmt="GIF") + b"<script>alert(1)</script>", "image/gif"
        ),
        "format",
    ),
    "10000x10000 png": (lambda: upload("lon.png", huge_png(10_000, 10_000), "image/png"), "pixels"),
    "7000x5000 png (35 MP)": (
        lambda: upload("png.png", huge_png(7000, 5000), "image/png"),
        "pixels",
    ),
    "60000x1 png": (lambda: upload("dai.png", huge_png(60_000, 1), "image/png"), "pixels"),
    "16001x1000 png": (lambda: upload("dai.png", huge_png(16_001, 1000), "image/png"), "pixels"),
    "60 MP progressive jpeg": (
        lambda: upload("prog.jpg", progressive_60mp()),
        "progressive",
    ),
    "truncated jpeg": (
        lambda: upload("cut.jpg", image_bytes(800, 600, "JPEG")[:2500], "image/jpeg"),
        "corrupt",
    ),
    "oversized file": (
        lambda: upload("nang.png", image_bytes() + b"\0" * (30 * 1024 * 1024), "image/png"),
        "too_large",
    ),
}


@functools.cache
def progressive_60mp():
    return image_bytes(9504, 6336, "JPEG", progressive=True)


def message(code):
    """The message as the page shows it: the size figure varies, the sentence around it does not."""
    return MESSAGES[code].split("(")[0].strip() if code == "too_large" else MESSAGES[code]


def stored_files(root):
    return sorted(p for p in Path(root).rglob("*") if p.is_file())


# Through the admin --------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["cover", "photo"])
@pytest.mark.parametrize("kind", list(HOSTILE_FILES))
def test_admin_refuses_hostile_file_with_a_clear_message(staff_client, media, target, kind):
    make, code = HOSTILE_FILES[kind]
    if target == "cover":
        data = article_form(CategoryFactory(), cover=make(), cover_alt="Ảnh bìa")
    else:
        data = article_form(CategoryFactory(), photos=[{"image": make()}])
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200  # the form again, not a 500 and not a redirect
    assert message(code) in response.content.decode()
    assert not Article.objects.exists() and not Photo.objects.exists()
    assert stored_files(media) == []


@pytest.mark.django_db
def test_admin_stores_jpeg_without_gps_upright_under_a_generated_name(staff_client, media):
    original = Image.open(io.BytesIO(jpeg_with_gps(60, 40)))
    assert original.getexif().get_ifd(0x8825)  # the test file does carry a GPS position
    data = article_form(
        CategoryFactory(),
        cover=upload("IMG_2024_nha-rieng.jpg", jpeg_with_gps(60, 40), "image/jpeg"),
        cover_alt="Ảnh bìa",
        photos=[{"image": upload("DSC_0001.jpg", jpeg_with_gps(60, 40), "image/jpeg")}],
    )
    assert staff_client.post(ADD_URL, data).status_code == 302
    article = Article.objects.get()
    for field in (article.cover, article.photos.get().image):
        assert GENERATED_NAME.match(Path(field.name).name)
        with Image.open(field.path) as stored:
            assert stored.format == "JPEG"
            assert stored.size == (40, 60)  # orientation 6 applied to the pixels
            assert dict(stored.getexif()) == {}
            assert "exif" not in stored.info


@pytest.mark.django_db
def test_anything_appended_to_a_picture_is_dropped(staff_client, media):
    polyglot = image_bytes(64, 48) + b"<html><script>alert(1)</script></html>"
    data = article_form(CategoryFactory(), cover=upload("anh.png", polyglot), cover_alt="Ảnh")
    assert staff_client.post(ADD_URL, data).status_code == 302
    stored = Path(Article.objects.get().cover.path).read_bytes()
    assert b"<script" not in stored and b"<html" not in stored
    assert stored.startswith(b"\x89PNG")


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_the_three_formats_are_accepted(staff_client, media, fmt):
    data = article_form(
        CategoryFactory(), cover=upload("anh.bin", image_bytes(32, 32, fmt)), cover_alt="Ảnh"
    )
    assert staff_client.post(ADD_URL, data).status_code == 302
    with Image.open(Article.objects.get().cover.path) as stored:
        assert stored.format == fmt


@pytest.mark.django_db
def test_file_pickers_offer_the_accepted_types(staff_client):
    html = staff_client.get(ADD_URL).content.decode()
    for name in ("cover", "photos-0-image"):
        (tag,) = re.findall(rf'<input type="file" name="{name}"[^>]*>', html)
        # HEIC is accepted but not offered: iPhones then send JPEG (tests/test_phone_photos.py).
        assert 'accept="image/jpeg,image/png,image/webp"' in tag


# In the model layer (shell, imports, factories) -----------------------------------------------


@pytest.mark.django_db
def test_model_save_refuses_and_cleans_too(media):
    article = ArticleFactory()
    # As any error raised by save(), it spoils an enclosing transaction: hence the savepoint.
    with pytest.raises(ValidationError) as refused, transaction.atomic():
        Photo(article=article, image=ContentFile(b"<svg onload=alert(1)>", name="a.png")).save()
    assert refused.value.messages == [MESSAGES["format"]]
    assert not Photo.objects.exists() and stored_files(media) == []

    photo = Photo(article=article, image=ContentFile(jpeg_with_gps(), name="nha-toi.jpg"))
    photo.alt_text = "Ảnh"
    photo.save()
    assert GENERATED_NAME.match(Path(photo.image.name).name)
    with Image.open(photo.image.path) as stored:
        assert dict(stored.getexif()) == {}


# The editor's upload view -------------------------------------------------------------------


def csrf_client(user):
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    # The page's CSRF cookie, as the admin form would have set it; the header repeats it.
    token = get_random_string(32)
    client.cookies["csrftoken"] = token
    return client, token


def editor_post(client, token=None, query="", file=None, origin=ORIGIN, **headers):
    if origin:
        headers["HTTP_ORIGIN"] = origin
    if token:
        headers["HTTP_X_CSRFTOKEN"] = token
    file = file or upload("keo-tha.png", image_bytes(50, 30), "image/png")
    return client.post(UPLOAD_URL + query, {"upload": file}, **headers)


@pytest.mark.django_db
def test_editor_upload_works_for_an_editor(media):
    client, token = csrf_client(StaffFactory())
    response = editor_post(client, token, file=upload("anh.jpg", jpeg_with_gps(), "image/jpeg"))
    assert response.status_code == 200
    answer = response.json()
    assert answer["uploaded"] == 1
    assert GENERATED_NAME.match(answer["fileName"])
    assert answer["url"].startswith("/media/editor/")
    (stored,) = stored_files(media)
    with Image.open(stored) as image:
        assert dict(image.getexif()) == {}


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "staff without permission", "not staff"])
def test_editor_upload_refuses_users_who_may_not_edit_articles(media, who):
    user = {
        "anonymous": lambda: None,
        "staff without permission": lambda: StaffFactory(role_name=None),
        "not staff": lambda: UserFactory(),
    }[who]()
    client, token = csrf_client(user)
    response = editor_post(client, token)
    assert response.status_code == 403
    assert stored_files(media) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("with_token", "origin", "referer"),
    [
        (False, ORIGIN, None),
        (True, "https://evil.example", None),
        (True, "null", None),
        (True, None, "https://evil.example/admin/news/article/add/"),
        (True, None, None),
    ],
    ids=[
        "no CSRF token",
        "foreign Origin",
        "null Origin",
        "foreign Referer",
        "no Origin or Referer",
    ],
)
def test_editor_upload_refuses_cross_site_requests(media, with_token, origin, referer):
    client, token = csrf_client(StaffFactory())
    headers = {"HTTP_REFERER": referer} if referer else {}
    response = editor_post(client, token if with_token else None, origin=origin, **headers)
    assert response.status_code == 403
    assert stored_files(media) == []


@pytest.mark.django_db
def test_editor_upload_accepts_a_same_origin_referer_when_origin_is_absent(media):
    client, token = csrf_client(StaffFactory())
    response = editor_post(client, token, origin=None, HTTP_REFERER=f"{ORIGIN}/admin/")
    assert response.json()["uploaded"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "func_num", ["abc", "1);alert(1)//", "1%3Cscript%3E", "１２", "-1", "1.5", ""]
)
def test_editor_upload_refuses_a_non_numeric_func_num(media, func_num):
    client, token = csrf_client(StaffFactory())
    response = editor_post(client, token, query=f"?CKEditorFuncNum={func_num}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "<script" not in response.content.decode()
    assert stored_files(media) == []


@pytest.mark.django_db
def test_editor_upload_with_a_numeric_func_num_answers_json(media):
    client, token = csrf_client(StaffFactory())
    response = editor_post(client, token, query="?CKEditor=id_body&CKEditorFuncNum=12&langCode=vi")
    assert response["Content-Type"] == "application/json"
    assert response.json()["uploaded"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(HOSTILE_FILES))
def test_editor_upload_refuses_hostile_files_with_the_message(media, kind):
    make, code = HOSTILE_FILES[kind]
    client, token = csrf_client(StaffFactory())
    response = editor_post(client, token, file=make())
    assert response.status_code == 200  # CKEditor shows error.message only from a 200 answer
    answer = response.json()
    assert answer["uploaded"] == 0
    assert message(code) in answer["error"]["message"]
    assert stored_files(media) == []


@pytest.mark.django_db
def test_editor_upload_only_takes_post_and_the_browser_is_gone(staff_client):
    assert staff_client.get(UPLOAD_URL).status_code == 405
    assert staff_client.get("/ckeditor/browse/").status_code == 404
