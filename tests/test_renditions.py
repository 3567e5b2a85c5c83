"""Renditions (news.renditions): made once, after an upload commits; never on a reader's request;
one file when two make it at once; <picture> with WebP and 1x/2x; crops around the focal point."""

import re
import threading
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image

from news import renditions
from news.models import Article
from portal.photos.models import Picture
from tests.builders import ADD_URL, article_form, image_bytes, upload
from tests.factories import ArticleFactory, CategoryFactory, PhotoFactory, StaffFactory

pytestmark = pytest.mark.django_db
UPLOAD_URL = "/admin/photos/picture/tai-len/"


def made(media, name):
    folder = media / renditions.RENDITIONS_DIR / name.rsplit(".", 1)[0]
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def every_rendition():
    return sorted(
        renditions.file_name(kind_name, scale, fmt)
        for kind_name, kind in renditions.KINDS.items()
        for scale in kind.scales
        for fmt in kind.formats
    )


def test_an_admin_upload_has_every_rendition_once_committed(
    client, media, django_capture_on_commit_callbacks
):
    client.force_login(StaffFactory())
    cover = upload("bia.png", image_bytes(1200, 750), "image/png")
    photo = upload("anh.png", image_bytes(900, 600), "image/png")
    data = article_form(
        CategoryFactory(),
        cover=cover,
        cover_alt="Hội trường",
        photos=[{"image": photo, "alt_text": "Trao quà"}],
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    article = Article.objects.get()
    assert made(media, article.cover.name) == every_rendition()
    assert made(media, article.photos.get().image.name) == every_rendition()
    with Image.open(
        media / "renditions" / article.cover.name.rsplit(".", 1)[0] / "card@2x.webp"
    ) as im:
        assert (im.format, im.size) == ("WEBP", (960, 600))


def test_a_library_upload_has_every_rendition_once_committed(
    client, media, django_capture_on_commit_callbacks
):
    client.force_login(StaffFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            UPLOAD_URL,
            {"images": [upload("hoi-nghi.png", image_bytes(800, 500), "image/png")]},
            HTTP_ACCEPT="application/json",
        )
    assert response.json()["results"][0]["ok"]
    assert made(media, Picture.objects.get().image.name) == every_rendition()


def test_nothing_is_made_before_the_transaction_commits(media):
    article = ArticleFactory(with_cover=True)  # the test's transaction never commits
    assert made(media, article.cover.name) == []


def test_a_readers_request_never_makes_a_rendition(client, media):
    article = ArticleFactory(with_cover=True)
    PhotoFactory(article=article, alt_text="Trao quà")
    for url in ["/", "/tin-tuc/", article.get_absolute_url()]:
        html = client.get(url).content.decode()
        # The original file is shown instead, at once.
        assert f'src="/media/{article.cover.name}"' in html
    assert not (media / renditions.RENDITIONS_DIR).exists()


def test_two_first_generations_at_once_leave_one_file_each(media):
    name = "library/2026/11/song-song.png"
    (media / name).parent.mkdir(parents=True)
    (media / name).write_bytes(image_bytes(1200, 750))
    start = threading.Barrier(2)

    def make():
        start.wait()
        renditions.make(name)

    threads = [threading.Thread(target=make) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # No temporary file left, no duplicate: each rendition once, complete.
    assert made(media, name) == every_rendition()
    with Image.open(media / "renditions" / "library/2026/11/song-song" / "lead@1x.jpg") as im:
        im.load()
        assert im.size == (640, 400)


def test_public_pages_show_webp_sources_and_1x_2x_srcsets(client, media):
    article = ArticleFactory(with_cover=True, is_featured=True, cover_alt="Hội trường")
    PhotoFactory(article=article, alt_text="Trao quà")
    call_command("make_renditions", stdout=StringIO())
    stem = f"/media/renditions/{article.cover.name.rsplit('.', 1)[0]}"
    html = client.get(article.get_absolute_url()).content.decode()
    webp = f"{stem}/article@1x.webp 1x, {stem}/article@2x.webp 2x"
    assert f'<source type="image/webp" srcset="{webp}">' in html
    assert f'<img src="{stem}/article@1x.jpg" srcset="{stem}/article@1x.jpg 1x, ' in html
    # Cards and the lead: their slot's width is known (sizes), so they are offered by width and
    # a 360 px phone at DPR 2 takes the 1.5x file. The cover is 800×500: never enlarged, its 2x
    # is 800 px wide, named by that width.
    card = "(min-width: 64em) 510px, (min-width: 48em) 60vw, calc(100vw - 2rem)"
    lead = "(min-width: 64em) 464px, (min-width: 48em) 55vw, calc(100vw - 2rem)"
    cards = [("card@1x", "480w"), ("card@1.5x", "720w"), ("card@2x", "800w")]
    pages = {
        # The lead's 1.5x is already 800 px: its 2x, the same, is not named.
        "/": ([("lead@1x", "640w"), ("lead@1.5x", "800w")], lead),
        "/tin-tuc/": (cards, card),
        article.category.get_absolute_url(): (cards, card),
    }
    for url, (files, sizes) in pages.items():
        html = client.get(url).content.decode()
        for fmt in ("webp", "jpg"):
            srcset = ", ".join(f"{stem}/{name}.{fmt} {width}" for name, width in files)
            assert f'srcset="{srcset}" sizes="{sizes}"' in html, (url, fmt)
    home = client.get("/").content.decode()
    # The lead card is above the fold: not lazy.
    lead = re.search(r'<img src="[^"]*/lead@1x\.jpg"[^>]*>', home).group(0)
    assert 'width="640" height="400"' in lead and "loading" not in lead
    detail = client.get(article.get_absolute_url()).content.decode()
    cover = re.search(r'<img src="[^"]*/article@1x\.jpg"[^>]*alt="Hội trường"[^>]*>', detail)
    assert 'width="800" height="500"' in cover.group(0) and "loading" not in cover.group(0)
    assert 'alt="Trao quà" loading="lazy" decoding="async"' in detail
    assert f'<meta property="og:image" content="http://testserver{stem}/og@1x.jpg">' in detail
    assert '<meta property="og:image:width" content="1200">' in detail


def red_block_picture(size=(2400, 800), block=(0, 0, 800, 800), **focal):
    """White, with a red block (by default the left third of a wide picture)."""
    image = Image.new("RGB", size, "white")
    image.paste((220, 0, 0), block)
    buffer = ContentFile(b"", name="do.png")
    image.save(buffer, "PNG")
    buffer.seek(0)
    return Picture.objects.create(image=buffer, alt_text="Khối đỏ", **focal)


def centre_is_red(path):
    with Image.open(path) as im:
        r, g, b = im.convert("RGB").getpixel((im.width // 2, im.height // 2))
    assert (r > 200 and g < 60) or (r > 200 and g > 200), (r, g, b)
    return g < 60


PORTRAIT = {"size": (800, 1200), "block": (0, 0, 800, 400)}  # a face in the top third


@pytest.mark.parametrize(
    ("picture", "focal", "red"),
    [
        ({}, {"focal_x": 0.2}, True),
        ({}, {"focal_x": 0.8}, False),
        ({}, {}, False),  # no focal point: the centre
        (PORTRAIT, {"focal_y": 0.2}, True),
        (PORTRAIT, {"focal_y": 0.8}, False),
    ],
)
def test_crops_follow_the_focal_point(media, picture, focal, red):
    stored = red_block_picture(**picture, **focal)
    renditions.make(stored.image.name)
    folder = media / "renditions" / stored.image.name.rsplit(".", 1)[0]
    for file in ["card@1x.jpg", "card@2x.webp", "lead@1x.jpg", "thumb@1x.jpg", "og@1x.jpg"]:
        assert centre_is_red(folder / file) is red, file
    with Image.open(folder / "og@1x.jpg") as im:
        assert im.size == (1200, 630)


def test_a_moved_focal_point_makes_the_crops_again(media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = red_block_picture(focal_x=0.8)
    card = media / "renditions" / picture.image.name.rsplit(".", 1)[0] / "card@1x.jpg"
    assert not centre_is_red(card)
    with django_capture_on_commit_callbacks(execute=True):
        picture.focal_x = 0.1
        picture.save()
    assert centre_is_red(card)


def test_focal_box_is_the_largest_box_of_the_ratio_near_the_point():
    assert renditions.focal_box((1200, 800), 1.6, (0.5, 0.5)) == (0, 25, 1200, 775)
    assert renditions.focal_box((1200, 800), 1.0, (0.0, 0.5)) == (0, 0, 800, 800)
    assert renditions.focal_box((1200, 800), 1.0, (0.9, 0.5)) == (400, 0, 1200, 800)
    assert renditions.focal_box((1200, 800), 1.0, (0.5, 0.5)) == (200, 0, 1000, 800)
    assert renditions.focal_box((600, 1200), 1.6, (0.5, 0.1)) == (0, 0, 600, 375)


def test_make_renditions_builds_what_is_missing_and_is_idempotent(media):
    article = ArticleFactory(with_cover=True)
    out = StringIO()
    call_command("make_renditions", stdout=out)
    assert made(media, article.cover.name) == every_rendition()
    assert f"{len(every_rendition())} tệp mới tạo" in out.getvalue()
    out = StringIO()
    call_command("make_renditions", stdout=out)
    assert "0 tệp mới tạo" in out.getvalue()


@pytest.mark.django_db
def test_a_small_lead_is_offered_at_its_real_width_once(media):
    article = ArticleFactory(
        cover=ContentFile(image_bytes(600, 400), name="nho.png"), cover_alt="Ảnh nhỏ"
    )
    renditions.make(article.cover.name)
    lead = renditions.rendition_set(article.cover, "lead")
    assert lead.srcset.endswith("/lead@1x.jpg 600w")  # never enlarged: 2x is 1x again
    assert lead.sizes and (lead.width, lead.height) == (640, 400)
