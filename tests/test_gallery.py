"""Photo albums and video pages: published() on every path, pictures in order with their
captions, a picture stored once whatever the albums, query counts, the admin and the demo."""

import datetime as dt
import re
from io import StringIO

import pytest
from django.urls import reverse
from django.utils import timezone

from news import renditions
from news.models import Article, Photo
from portal.gallery import demo
from portal.gallery.models import Album, AlbumPicture, Video
from portal.photos.models import Picture
from tests.builders import image_bytes, upload
from tests.factories import (
    AlbumFactory,
    AlbumPictureFactory,
    ArticleFactory,
    CategoryFactory,
    CorrespondentFactory,
    PhotoFactory,
    PictureFactory,
    StaffFactory,
    VideoFactory,
)

pytestmark = pytest.mark.django_db

ALBUMS = "/thu-vien-anh/"
VIDEOS = "/video/"


def html(response):
    return response.content.decode()


# Albums: pictures, order, captions -----------------------------------------------------------


def test_album_pictures_in_order_with_captions_and_credits(client, media):
    album = AlbumFactory(title="Hội thao công nhân 2026")
    own = PictureFactory(caption="Chú thích trong thư viện", credit="Hải Yến")
    plain = PictureFactory(caption="Đội kéo co khu công nghiệp", credit="")
    AlbumPictureFactory(album=album, picture=plain, order=2)
    AlbumPictureFactory(album=album, picture=own, order=1, caption="Chú thích riêng của album")

    assert album.get_absolute_url() == "/thu-vien-anh/hoi-thao-cong-nhan-2026/"
    text = html(client.get(album.get_absolute_url()))
    assert text.index("Chú thích riêng của album") < text.index("Đội kéo co khu công nghiệp")
    assert "Chú thích trong thư viện" not in text  # the album's caption overrides it
    assert "(Ảnh: Hải Yến)" in text
    assert f'alt="{own.alt_text}"' in text and 'loading="lazy"' in text
    assert "2 ảnh" in text


def test_thumbnails_link_to_the_large_rendition_without_script(
    client, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        picture = PictureFactory()  # renditions are made once the row is committed
    album = AlbumFactory()
    AlbumPictureFactory(album=album, picture=picture)
    text = html(client.get(album.get_absolute_url()))
    base = Picture.objects.get().image.name.rsplit(".", 1)[0]
    large = f"/media/renditions/{base}/article@2x.jpg"
    assert f'<a class="album-picture__link" href="{large}">' in text
    assert client.get(large).status_code == 200
    # Renditions: <source> per modern format, srcset by width, size reserved.
    assert 'type="image/webp"' in text and "card@2x.jpg 960w" in text
    assert 'width="480" height="300"' in text
    assert re.search(r'<script src="/static/js/gallery-lightbox\.js[^"]*" defer>', text)


def test_without_renditions_the_thumbnail_links_to_the_stored_file(client, media):
    album = AlbumFactory()
    item = AlbumPictureFactory(album=album)
    renditions.remove(item.picture.image.name)
    text = html(client.get(album.get_absolute_url()))
    assert f'href="{item.picture.image.url}"' in text


def test_a_picture_in_two_albums_is_stored_once(client, media):
    shared = PictureFactory()
    first, second = AlbumFactory(), AlbumFactory()
    AlbumPictureFactory(album=first, picture=shared)
    AlbumPictureFactory(album=second, picture=shared)

    assert Picture.objects.count() == 1
    assert len(list((media / "library").rglob("*.*"))) == 1
    assert set(shared.albums.all()) == {first, second}
    for album in (first, second):
        assert shared.image.name.rsplit(".", 1)[0] in html(client.get(album.get_absolute_url()))


def test_album_card_uses_the_cover_else_the_first_picture(client, media):
    cover = PictureFactory()
    with_cover = AlbumFactory(cover=cover, title="Album có ảnh bìa")
    AlbumPictureFactory(album=with_cover)
    without = AlbumFactory(title="Album không ảnh bìa")
    second = AlbumPictureFactory(album=without, order=2)
    first = AlbumPictureFactory(album=without, order=1)

    cards = {album.title: album for album in Album.objects.for_cards()}
    assert cards["Album có ảnh bìa"].card_file.name == cover.image.name
    assert cards["Album không ảnh bìa"].card_file.name == first.picture.image.name
    assert cards["Album không ảnh bìa"].picture_total == 2
    assert second.picture.image.name not in html(client.get(ALBUMS))


def test_slug_is_vietnamese_and_unique():
    one = AlbumFactory(title="Đại hội Công đoàn cơ sở", slug="")
    two = AlbumFactory(title="Đại hội Công đoàn cơ sở", slug="")
    assert (one.slug, two.slug) == ("dai-hoi-cong-doan-co-so", "dai-hoi-cong-doan-co-so-2")


# published(): the one rule, on every path ----------------------------------------------------


@pytest.fixture
def drafts(media):
    now = timezone.now()
    return {
        "album_hidden": AlbumFactory(title="Album nháp", is_published=False),
        "album_later": AlbumFactory(
            title="Album hẹn giờ", published_at=now + dt.timedelta(hours=1)
        ),
        "video_hidden": VideoFactory(title="Video nháp", is_published=False),
        "video_later": VideoFactory(
            title="Video hẹn giờ", published_at=now + dt.timedelta(hours=1)
        ),
    }


def test_published_rule_at_its_boundaries(media):
    now = timezone.now()
    before = AlbumFactory(published_at=now - dt.timedelta(seconds=1))
    after = AlbumFactory(published_at=now + dt.timedelta(seconds=1))
    hidden = AlbumFactory(is_published=False, published_at=now - dt.timedelta(days=1))
    assert list(Album.objects.published()) == [before]
    assert before.is_published_now() and not after.is_published_now()
    assert not hidden.is_published_now()


def test_drafts_and_scheduled_are_404_and_listed_nowhere(client, drafts):
    for obj in drafts.values():
        assert client.get(obj.get_absolute_url()).status_code == 404
    lists = (
        html(client.get(ALBUMS))
        + html(client.get(VIDEOS))
        + html(client.get("/sitemap-gallery.xml"))
    )
    for obj in drafts.values():
        assert obj.title not in lists and obj.slug not in lists


def test_staff_who_may_change_preview_a_draft_uncached(client, drafts):
    client.force_login(StaffFactory())  # an editor: the gallery's permissions
    response = client.get(drafts["album_hidden"].get_absolute_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert client.get(drafts["video_later"].get_absolute_url()).status_code == 200
    client.force_login(CorrespondentFactory())
    assert client.get(drafts["album_hidden"].get_absolute_url()).status_code == 404


def test_sitemap_lists_published_albums_videos_and_the_list_pages(client, media):
    album, video = AlbumFactory(), VideoFactory()
    text = html(client.get("/sitemap-gallery.xml"))
    for path in (ALBUMS, VIDEOS, album.get_absolute_url(), video.get_absolute_url()):
        assert f"http://testserver{path}</loc>" in text


# Pagination and bad input ----------------------------------------------------------------------


@pytest.mark.parametrize("url", [ALBUMS, VIDEOS])
@pytest.mark.parametrize(
    "query, status", [("page=abc", 404), ("page=0", 404), ("page=99", 404), ("page=2", 200)]
)
def test_pagination_and_bad_page_numbers(client, media, url, query, status):
    factory = AlbumFactory if url == ALBUMS else VideoFactory
    factory.create_batch(13)
    response = client.get(f"{url}?{query}")
    assert response.status_code == status
    if status == 200:
        assert "trang 2" in html(response)


def test_unknown_slugs_are_404(client):
    assert client.get("/thu-vien-anh/khong-co/").status_code == 404
    assert client.get("/video/khong-co/").status_code == 404


def test_empty_lists_say_so(client):
    assert "Chưa có album ảnh nào." in html(client.get(ALBUMS))
    assert "Chưa có video nào." in html(client.get(VIDEOS))


# The video page --------------------------------------------------------------------------------


def test_video_page_uses_the_browsers_player_with_poster_and_download(
    client, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        video = VideoFactory(title="Bữa ăn giữa ca")
    assert video.get_absolute_url() == "/video/bua-an-giua-ca/"
    text = html(client.get(video.get_absolute_url()))
    tag = re.search(r"<video[^>]*>", text).group(0)
    poster = renditions.rendition_set(video.poster.image, "article").src
    assert poster.endswith("/article@1x.jpg")
    assert tag == f'<video controls preload="none" poster="{poster}" width="160" height="90">'
    assert "autoplay" not in text
    assert f'<source src="{video.file.url}" type="video/mp4">' in text
    size = f"{round(video.size / 1024)} KB"
    assert f'<a href="{video.file.url}" download>Tải video về máy</a> (MP4, {size})' in text
    assert "Thời lượng 0:02" in text


def test_video_list_shows_poster_and_duration(client, media):
    video = VideoFactory(title="Giải bóng đá công nhân")
    text = html(client.get(VIDEOS))
    assert video.get_absolute_url() in text and "▶ 0:02" in text
    assert video.poster.image.name.rsplit(".", 1)[0] in text


# Query counts (exact), cache warm; they do not grow with what the page shows -----------------

QUERIES = {"album-list": 2, "album-detail": 2, "video-list": 2, "video-detail": 1}


def build(kind, n):
    if kind.startswith("album"):
        albums = AlbumFactory.create_batch(n)
        for album in albums:
            for _ in range(n):
                AlbumPictureFactory(album=album)
        return ALBUMS if kind == "album-list" else albums[0].get_absolute_url()
    videos = VideoFactory.create_batch(n)
    return VIDEOS if kind == "video-list" else videos[0].get_absolute_url()


@pytest.mark.parametrize("n", [1, 12])
@pytest.mark.parametrize("kind", sorted(QUERIES))
def test_query_counts_are_exact(client, media, django_assert_num_queries, kind, n):
    url = build(kind, n)
    assert client.get(url).status_code == 200  # fills the cached menu
    with django_assert_num_queries(QUERIES[kind]):
        assert client.get(url).status_code == 200


# The admin -----------------------------------------------------------------------------------


def album_form(**fields):
    now = timezone.localtime()
    data = {
        "title": "Ngày hội văn hóa công nhân",
        "slug": "",
        "event_date": "22/11/2026",
        "description": "",
        "cover": "",
        "is_published": "on",
        "published_at_0": f"{now:%d/%m/%Y}",
        "published_at_1": f"{now:%H:%M}",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    return {**data, **fields}


def test_admin_album_with_ordered_pictures_from_the_library(client, media):
    client.force_login(StaffFactory())
    first, second = PictureFactory(), PictureFactory()
    data = album_form(
        **{
            "items-TOTAL_FORMS": "2",
            "items-0-picture": str(second.pk),
            "items-0-caption": "Tiết mục múa của công nhân may",
            "items-0-order": "2",
            "items-1-picture": str(first.pk),
            "items-1-caption": "",
            "items-1-order": "1",
        }
    )
    response = client.post("/admin/gallery/album/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    album = Album.objects.get()
    assert album.slug == "ngay-hoi-van-hoa-cong-nhan" and album.created_by is not None
    assert [item.picture for item in album.items.all()] == [first, second]
    assert album.items.get(picture=second).shown_caption == "Tiết mục múa của công nhân may"
    assert Picture.objects.count() == 2  # chosen, not copied

    page = html(client.get(f"/admin/gallery/album/{album.pk}/change/"))
    assert "picture-select" in page  # the library's autocomplete with its thumbnail
    assert f"/admin/gallery/album/{album.pk}/tai-anh/" in page
    assert 'data-ajax--url="/admin/autocomplete/"' in page


def test_admin_refuses_the_same_picture_twice_in_an_album(client, media):
    client.force_login(StaffFactory())
    picture = PictureFactory()
    data = album_form(
        **{
            "items-TOTAL_FORMS": "2",
            "items-0-picture": str(picture.pk),
            "items-0-order": "1",
            "items-1-picture": str(picture.pk),
            "items-1-order": "2",
        }
    )
    response = client.post("/admin/gallery/album/add/", data)
    assert response.status_code == 200
    assert not Album.objects.exists()


def test_album_upload_stores_pictures_once_in_the_library_and_appends_them(client, media):
    client.force_login(StaffFactory())
    album = AlbumFactory()
    AlbumPictureFactory(album=album, order=5)
    url = reverse("admin:gallery_album_upload", args=[album.pk])
    files = [
        upload("hoi-thao.png", image_bytes(64, 48)),
        upload("trang.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"),
    ]
    response = client.post(url, {"images": files}, headers={"Accept": "application/json"})
    results = response.json()["results"]
    assert [result["ok"] for result in results] == [True, False]
    assert "Chỉ nhận ảnh JPEG, PNG, WebP hoặc HEIC." in results[1]["error"]
    new = Picture.objects.get(pk=results[0]["id"])
    assert new.uploaded_by is not None
    assert list(album.items.values_list("order", flat=True)) == [5, 6]
    assert album.items.last().picture == new
    # Without JavaScript: the page itself, with the same script and form.
    page = html(client.get(url))
    assert 'id="photo-upload"' in page and "photo-upload.js" in page


def test_album_upload_needs_the_right_to_change_albums(client, media):
    album = AlbumFactory()
    client.force_login(CorrespondentFactory())
    url = reverse("admin:gallery_album_upload", args=[album.pk])
    assert client.post(url, {"images": [upload("a.png", image_bytes())]}).status_code == 403
    assert not AlbumPicture.objects.exists()


def test_admin_album_list_counts_and_folded_search(client, media):
    client.force_login(StaffFactory())
    album = AlbumFactory(title="Hội thi tay nghề công nhân cơ khí")
    AlbumPictureFactory.create_batch(3, album=album)
    AlbumFactory(title="Giải chạy việt dã")
    response = client.get("/admin/gallery/album/", {"q": "hoi thi tay nghe"})
    text = html(response)
    assert "Hội thi tay nghề" in text and "Giải chạy việt dã" not in text
    assert '<td class="field-picture_count">3</td>' in text


# Demo ------------------------------------------------------------------------------------------


def test_demo_albums_and_videos_are_made_once(media):
    for slug in ("hoat-dong-cong-doan", "cham-lo-doi-song", "thi-dua-khen-thuong", "nu-cong"):
        category = CategoryFactory(slug=slug)
        for _ in range(2):
            article = ArticleFactory(category=category, with_cover=True)
            PhotoFactory(article=article)
    out = StringIO()
    demo.load(out)
    assert "Album ảnh: 3 (mới 3)" in out.getvalue() and "Video: 2 (mới 2)" in out.getvalue()
    counts = (Album.objects.count(), AlbumPicture.objects.count(), Picture.objects.count())
    files = sorted(p.name for p in media.rglob("*") if p.is_file())
    assert counts[0] == 3 and counts[1] >= 12
    # Library pictures name the articles' files: nothing copied; one sits in two albums.
    drawn = {*Article.objects.values_list("cover", flat=True)}
    drawn |= {*Photo.objects.values_list("image", flat=True)}
    reused = Picture.objects.exclude(image__startswith="library/")
    assert set(reused.values_list("image", flat=True)) <= drawn
    assert reused.count() == counts[2] - 2  # all but the two posters
    assert AlbumPicture.objects.values("picture").distinct().count() < counts[1]
    for video in Video.objects.all():
        assert video.is_published_now() and video.duration == pytest.approx(4.0, abs=0.1)
        assert video.poster and video.poster.image.name.startswith("library/")

    again = StringIO()
    demo.load(again)
    assert "Album ảnh: 3 (mới 0)" in again.getvalue() and "Video: 2 (mới 0)" in again.getvalue()
    assert (Album.objects.count(), AlbumPicture.objects.count(), Picture.objects.count()) == counts
    assert sorted(p.name for p in media.rglob("*") if p.is_file()) == files


def test_demo_video_is_a_real_mp4(media):
    out = StringIO()
    demo.load_videos(out)
    video = Video.objects.first()
    with video.file.open("rb") as handle:
        head = handle.read(12)
    assert head[4:8] == b"ftyp" and video.width == 640 and video.height == 360


@pytest.mark.parametrize(
    "url",
    [
        "/admin/gallery/",
        "/admin/gallery/album/",
        "/admin/gallery/album/?q=hoi+thao&is_published__exact=1",
        "/admin/gallery/album/add/",
        "/admin/gallery/album/{album}/change/",
        "/admin/gallery/album/{album}/tai-anh/",
        "/admin/gallery/album/{album}/delete/",
        "/admin/gallery/video/",
        "/admin/gallery/video/add/",
        "/admin/gallery/video/{video}/change/",
    ],
)
def test_admin_pages_are_vietnamese(client, media, url):
    from tests.test_admin_vietnamese import leaks, visible_text

    client.force_login(StaffFactory())
    album = AlbumPictureFactory().album
    video = VideoFactory()
    response = client.get(url.format(album=album.pk, video=video.pk))
    assert response.status_code == 200
    text = visible_text(html(response))
    assert leaks(text) == [], text


def test_sitemap_costs_two_queries_for_the_gallery_whatever_it_holds(client, media):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap-gallery.xml").status_code == 200
        return len(queries)

    AlbumFactory(), VideoFactory()
    few = count()
    AlbumFactory.create_batch(10), VideoFactory.create_batch(10)
    assert count() == few


@pytest.mark.parametrize(
    "seconds, size, shown",
    [(2.4, 39_228, ("0:02", "38 KB")), (65, 12_897_485, ("1:05", "12,3 MB")),
     (3725.6, 524_288_000, ("1:02:06", "500,0 MB"))],
)  # fmt: skip
def test_duration_and_size_as_readers_see_them(seconds, size, shown):
    video = Video(duration=seconds, size=size)
    assert (video.duration_text, video.size_text) == shown
