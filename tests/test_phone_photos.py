"""Issue 9: pictures from phones and cameras are accepted, reduced and stripped, on every path."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.utils.crypto import get_random_string
from PIL import Image

from news.images import LONG_SIDE
from news.models import Article, Photo
from tests.builders import (
    ADD_URL,
    article_form,
    cmyk_jpeg,
    heic_bytes,
    image_bytes,
    jpeg_60mp,
    jpeg_with_comment,
    jpeg_with_gps,
    mpo_bytes,
    png16,
    transparent_png,
    upload,
)
from tests.factories import ArticleFactory, CategoryFactory, StaffFactory

# Files, storage or servers, not the database: `make test` runs it on SQLite only (conftest).
DATABASE_INDEPENDENT = True

GENERATED_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp)$")

# kind: (file name as the phone names it, bytes, stored format, stored size)
PHONE_PHOTOS = {
    "heic": ("IMG_0001.HEIC", heic_bytes, "JPEG", (1200, 900)),
    "mpo": ("DSCF0001.JPG", mpo_bytes, "JPEG", (2560, 1707)),
    "jpeg 60 MP": ("DSC00001.JPG", jpeg_60mp, "JPEG", (2560, 1896)),
    "cmyk jpeg": ("in-an.jpg", cmyk_jpeg, "JPEG", (2560, 1707)),
    "16-bit png": ("scan.png", png16, "PNG", (2560, 1707)),
    "transparent png": ("logo.png", transparent_png, "PNG", (2560, 1707)),
}


def assert_clean(path, fmt, size):
    """Stored as ``fmt``, reduced, under a generated name, without any metadata."""
    assert GENERATED_NAME.match(Path(path).name)
    assert max(size) <= LONG_SIDE
    with Image.open(path) as stored:
        assert stored.format == fmt
        assert stored.size == size
        assert dict(stored.getexif()) == {}
        for key in ("exif", "icc_profile", "comment", "xmp", "XML:com.adobe.xmp"):
            assert key not in stored.info
        assert stored.mode in {"L", "RGB", "RGBA"}
        return stored.convert("RGBA").getpixel((0, 0))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(PHONE_PHOTOS))
def test_admin_cover_and_photo_accept_phone_pictures(staff_client, media, kind):
    name, make, fmt, size = PHONE_PHOTOS[kind]
    data = article_form(
        CategoryFactory(),
        cover=upload(name, make()),
        cover_alt="Ảnh bìa",
        photos=[{"image": upload(name, make())}],
    )
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert_clean(article.cover.path, fmt, size)
    assert_clean(article.photos.get().image.path, fmt, size)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(PHONE_PHOTOS))
def test_editor_upload_accepts_phone_pictures(media, kind):
    name, make, fmt, size = PHONE_PHOTOS[kind]
    client = Client(enforce_csrf_checks=True)
    client.force_login(StaffFactory())
    client.cookies["csrftoken"] = token = get_random_string(32)
    response = client.post(
        "/ckeditor/upload/",
        {"upload": upload(name, make())},
        HTTP_ORIGIN="http://testserver",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200
    assert response.json()["uploaded"] == 1, response.json()
    (stored,) = [p for p in media.rglob("*") if p.is_file()]
    assert_clean(stored, fmt, size)


def test_colours_survive_the_conversions(media):
    from news.images import clean_image

    def first_pixel(data):
        with Image.open(clean_image(ContentFile(data, name="x"))) as stored:
            return stored.convert("RGBA").getpixel((0, 0))

    assert first_pixel(png16(value=40_000))[:3] == (156, 156, 156)  # scaled, not clipped to 255
    assert first_pixel(transparent_png())[3] == 255
    with Image.open(clean_image(ContentFile(transparent_png(), name="x"))) as stored:
        assert stored.mode == "RGBA" and stored.getpixel((2999 * 2560 // 3000, 0))[3] == 0
    red, green, blue, _ = first_pixel(cmyk_jpeg())  # C0 M60% Y100% K0: orange, not inverted
    assert red > 200 and 60 < green < 160 and blue < 60
    assert first_pixel(mpo_bytes())[:3] == pytest.approx((11, 79, 156), abs=3)  # first frame


def test_a_jpeg_comment_is_never_stored(media):
    from news.images import clean_image

    original = jpeg_with_comment()
    assert Image.open(io.BytesIO(original)).info["comment"]
    stored = clean_image(ContentFile(original, name="x.jpg")).read()
    assert b"0912345678" not in stored and b"\xff\xfe" not in stored  # no COM marker
    assert "comment" not in Image.open(io.BytesIO(stored)).info


# From the shell: FieldFile.save() and assignment ---------------------------------------------


@pytest.mark.django_db
def test_cover_save_from_the_shell_goes_through_the_checks(media):
    article = ArticleFactory()
    article.cover.save("nha-rieng-IMG_2024.jpg", ContentFile(jpeg_with_gps(60, 40)))
    article.refresh_from_db()
    assert article.cover.name.startswith("news/covers/")
    assert_clean(article.cover.path, "JPEG", (40, 60))  # GPS gone, orientation applied
    assert "nha-rieng" not in article.cover.name


@pytest.mark.django_db
def test_field_file_save_takes_a_plain_file_and_refuses_what_forms_refuse(media, tmp_path):
    from django.core.exceptions import ValidationError

    article = ArticleFactory()
    path = tmp_path / "comment.jpg"
    path.write_bytes(jpeg_with_comment())
    with path.open("rb") as handle:
        article.cover.save("comment.jpg", handle)
    assert b"0912345678" not in Path(article.cover.path).read_bytes()

    photo = Photo(article=article, alt_text="Ảnh")
    with pytest.raises(ValidationError):
        photo.image.save("x.svg", ContentFile(b"<svg onload=alert(1)>"), save=False)
    assert not list((media / "news" / "photos").rglob("*.svg"))


@pytest.mark.django_db
def test_an_assigned_file_is_cleaned_when_its_row_is_saved(media):
    photo = Photo(article=ArticleFactory(), alt_text="Ảnh", image=ContentFile(heic_bytes(), "a"))
    photo.save()
    assert_clean(photo.image.path, "JPEG", (1200, 900))


@pytest.mark.django_db
def test_a_fixture_names_a_file_and_carries_no_bytes(media, tmp_path):
    """loaddata sets the column to the name given; nothing is read, checked or written."""
    article = ArticleFactory()
    fixture = tmp_path / "photos.json"
    row = {"article": article.pk, "image": "news/photos/da-co.jpg", "alt_text": "Ảnh", "order": 0}
    fixture.write_text(json.dumps([{"model": "news.photo", "pk": 9001, "fields": row}]))
    call_command("loaddata", str(fixture), verbosity=0)
    assert Photo.objects.get(pk=9001).image.name == "news/photos/da-co.jpg"
    assert not (media / "news").exists()


def test_webp_stays_webp(media):
    from news.images import clean_image

    with Image.open(clean_image(ContentFile(image_bytes(40, 30, "WEBP"), name="x"))) as stored:
        assert stored.format == "WEBP" and "exif" not in stored.info


@pytest.mark.parametrize("mode", ["RGBA", "P"])
def test_a_transparent_picture_is_reduced_without_a_second_full_size_copy(monkeypatch, mode):
    """Issue 9, memory: only the decoded picture is ever full size (no RGBa or RGBA copy).

    Pillow premultiplies a transparent picture before reduce() or resize(), and a palette picture
    becomes RGBA: each a full-size copy (128 MB for 32 MP). Every image Pillow builds from another
    is recorded; none may be as large as the upload. Counted in pixels, so deterministic.
    """
    from news import images

    monkeypatch.setattr(images, "LONG_SIDE", 100)
    monkeypatch.setattr(images, "STRIP_PIXELS", 20_000)
    picture = Image.effect_noise((640, 480), 40).convert("RGBA")
    picture.putalpha(Image.linear_gradient("L").resize(picture.size))
    if mode == "P":
        picture = picture.convert("RGB").quantize(64)
        picture.info["transparency"] = 0
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    built = []
    new = Image.Image._new

    def recording_new(self, im):
        built.append(im.size[0] * im.size[1])
        return new(self, im)

    monkeypatch.setattr(Image.Image, "_new", recording_new)
    cleaned = images.clean_image(ContentFile(buffer.getvalue(), name="logo.png"))
    assert built and max(built) < 640 * 480 / 4
    with Image.open(cleaned) as stored:
        assert (stored.format, stored.mode, stored.size) == ("PNG", "RGBA", (100, 75))
        assert stored.getextrema()[3][0] < 255  # the transparency is kept


# HEIC over 12.5 MP or 8 MB: refused from its header, saying what to do -------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("limit", "value", "expected"),
    [
        ("MAX_HEIC_PIXELS", 1_000_000, "(1,1 triệu điểm ảnh,"),
        ("MAX_HEIC_BYTES", 1_000, "triệu điểm ảnh, 0,0 MB)"),
    ],
)
def test_a_heic_over_the_limits_is_refused_before_decoding_with_what_to_do(
    staff_client, media, monkeypatch, limit, value, expected
):
    from pillow_heif.as_plugin import HeifImageFile

    from news import images

    content = heic_bytes(1200, 900)
    # The rule, not the constant: a real 13 MP HEIC takes a minute to encode.
    monkeypatch.setattr(images, limit, value)
    decoded = []
    monkeypatch.setattr(HeifImageFile, "load", lambda image: decoded.append(image))
    data = article_form(CategoryFactory(), cover=upload("IMG_0002.HEIC", content))
    response = staff_client.post(ADD_URL, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["cover"]
    assert expected in errors[0]
    assert "chỉ nhận ảnh HEIC đến 12,5 triệu điểm ảnh và 8 MB" in errors[0]
    assert "Tương thích nhất" in errors[0]
    assert decoded == [] and not Article.objects.exists()


def test_the_heic_limits_keep_phones_12_mp_pictures():
    from news import images

    for width, height in ((4032, 3024), (4000, 3000), (4080, 3060)):
        assert width * height <= images.MAX_HEIC_PIXELS
    assert 5712 * 4284 > images.MAX_HEIC_PIXELS  # 24 MP: over the budget (bench_uploads)


def test_file_pickers_do_not_offer_heic_so_iphones_send_jpeg():
    from news.images import SafeImageFormField

    attrs = SafeImageFormField().widget_attrs(SafeImageFormField.widget())
    assert attrs["accept"] == "image/jpeg,image/png,image/webp"
