"""Videos of the gallery: MP4 judged by content on every path, stored under a generated name,
a poster frame, the file following its row, and nginx serving it with range requests."""

import http.client
import re
import shutil
import struct
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from portal.gallery import video as video_checks
from portal.gallery.models import Video
from portal.photos.models import Picture
from tests.builders import image_bytes, upload
from tests.factories import PictureFactory, StaffFactory, VideoFactory, video_bytes
from tests.test_security_deploy import (
    NGINX,
    free_port,
    media_block,
    nginx_conf,
    running_nginx,
)

# Files, storage or servers, not the database: `make test` runs it on SQLite only (conftest).
DATABASE_INDEPENDENT = True

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/gallery/video/add/"
STORED = re.compile(r"^gallery/videos/\d{4}/\d{2}/[0-9a-f]{32}\.mp4$")


@pytest.fixture
def editor_client(client):
    client.force_login(StaffFactory())
    return client


def stored_files(media):
    return sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file())


def form(file, **fields):
    now = timezone.localtime()
    return {
        "title": "Phóng sự: ca đêm ở nhà máy may",
        "slug": "",
        "recorded_on": "25/11/2026",
        "description": "Công nhân may làm ca đêm trước mùa hàng Tết.",
        "file": file,
        "poster": "",
        "is_published": "on",
        "published_at_0": f"{now:%d/%m/%Y}",
        "published_at_1": f"{now:%H:%M}",
        **fields,
    }


def truncated():
    data = video_bytes()
    return data[: len(data) * 2 // 3]


HOSTILE = {
    "html": (
        lambda: b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>",
        "không phải video MP4",
    ),
    "png": (lambda: image_bytes(64, 48), "không phải video MP4"),
    "truncated": (truncated, "không trọn vẹn"),
    "moov_missing": (lambda: video_bytes(faststart=False)[:-4000], "không trọn vẹn"),
    "mov": (lambda: video_bytes(fmt="mov"), "QuickTime (MOV)"),
    "mkv": (lambda: video_bytes(fmt="matroska"), "MKV/WebM"),
    "hevc": (lambda: video_bytes(codec="libx265"), "H.265 (HEVC)"),
    "empty_box": (lambda: b"\x00\x00\x00\x08ftyp", "không phải video MP4"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_check_refuses_what_is_not_a_playable_mp4(kind):
    content, message = HOSTILE[kind]
    with pytest.raises(ValidationError) as refused:
        video_checks.check_video(ContentFile(content(), name="video.mp4"))
    assert message in refused.value.messages[0]


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_admin_refuses_hostile_upload_in_vietnamese_and_stores_nothing(editor_client, media, kind):
    content, message = HOSTILE[kind]
    response = editor_client.post(ADD_URL, form(upload("ca-dem.mp4", content(), "video/mp4")))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["file"]
    assert message in errors[0]
    assert message in response.content.decode()
    assert not Video.objects.exists()
    assert stored_files(media) == []


def test_oversize_is_refused_before_reading(editor_client, media, settings):
    settings.GALLERY_VIDEO_MAX_MB = 1
    big = video_bytes() + b"\x00" * (1024 * 1024)
    response = editor_client.post(ADD_URL, form(upload("dai.mp4", big, "video/mp4")))
    assert response.status_code == 200
    error = response.context["adminform"].form.errors["file"][0]
    assert error.startswith("Tệp quá lớn (") and "Chỉ nhận video đến 1 MB." in error
    assert not Video.objects.exists() and stored_files(media) == []


def test_shell_path_is_checked_too(media):
    """video.file.save() from the shell or a script goes through the same check."""
    video = Video(title="Thử", recorded_on=timezone.localdate())
    with pytest.raises(ValidationError):
        video.file.save("x.mp4", ContentFile(b"<html></html>"))
    assert not Video.objects.exists() and stored_files(media) == []
    video.file.save("y.mp4", ContentFile(video_bytes()))
    assert STORED.match(video.file.name) and video.duration == pytest.approx(2.0, abs=0.1)


def test_valid_mp4_is_stored_under_a_generated_name_with_duration_and_poster(editor_client, media):
    response = editor_client.post(ADD_URL, form(upload("Ca đêm <b>.mp4", video_bytes())))
    assert response.status_code == 302, response.context["adminform"].form.errors
    video = Video.objects.get()
    assert STORED.match(video.file.name), video.file.name
    stored = (media / video.file.name).read_bytes()
    assert boxes(stored)[b"mdat"] == boxes(video_bytes())[b"mdat"]  # samples copied as sent
    assert video.duration == pytest.approx(2.0, abs=0.1)
    assert (video.width, video.height, video.size) == (160, 90, len(stored))
    assert video.slug == "phong-su-ca-dem-o-nha-may-may"
    # No poster chosen: a frame of the video, in the photo library, re-encoded like any picture.
    poster = video.poster
    assert poster is not None and poster.image.name.startswith("library/")
    assert poster.uploaded_by is not None
    assert "ca đêm ở nhà máy may" in poster.alt_text
    with poster.image.open() as handle:
        from PIL import Image

        assert Image.open(handle).size == (160, 90)


def test_staff_chosen_poster_is_kept(editor_client, media):
    chosen = PictureFactory()
    data = form(upload("ca-dem.mp4", video_bytes()), poster=str(chosen.pk))
    assert editor_client.post(ADD_URL, data).status_code == 302
    assert Video.objects.get().poster == chosen
    assert Picture.objects.count() == 1


def test_portrait_phone_video_reads_its_turned_size(media):
    """A phone held upright writes 160x90 with a quarter-turn matrix: shown 90x160."""
    checked = video_checks.check_video(ContentFile(portrait(), name="doc.mp4"))
    assert (checked.width, checked.height) == (90, 160)


def test_replaced_or_deleted_video_file_is_removed(media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        video = VideoFactory()
    first = video.file.name
    with django_capture_on_commit_callbacks(execute=True):
        video.file.save("moi.mp4", ContentFile(video_bytes()))
    assert not (media / first).exists() and (media / video.file.name).exists()
    with django_capture_on_commit_callbacks(execute=True):
        video.delete()
    assert not list((media / "gallery").rglob("*.mp4"))


def test_admin_list_and_search(editor_client, media):
    VideoFactory(title="Bữa cơm ca đêm của công nhân may")
    VideoFactory(title="Giải bóng đá công nhân")
    response = editor_client.get("/admin/gallery/video/", {"q": "bua com ca dem"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Bữa cơm ca đêm" in text and "Giải bóng đá" not in text
    assert "0:02" in text  # the duration column


def test_correspondent_cannot_manage_videos(client, media):
    from tests.factories import CorrespondentFactory

    client.force_login(CorrespondentFactory())
    assert client.get(ADD_URL).status_code == 403


# nginx --------------------------------------------------------------------------------------


@pytest.mark.skipif(not NGINX, reason="no nginx binary (set NGINX_PATH to run this test)")
def test_nginx_sample_serves_a_stored_video_with_range_requests(tmp_path):
    """The sample's /media/ location in a real nginx: a video answers a range with 206."""
    media = tmp_path / "srv" / "media"
    folder = media / "gallery" / "videos" / "2026" / "11"
    folder.mkdir(parents=True)
    data = video_bytes()
    (folder / "abc123.mp4").write_bytes(data)
    (folder / "trang.html").write_text("<script>alert(1)</script>")
    (folder / "trang.mp4.html").write_text("<script>alert(1)</script>")
    temp = tmp_path / "nginx"
    temp.mkdir()
    port = free_port()
    block = media_block().replace("root /srv/portal;", f"root {media.parent};")
    conf = nginx_conf(
        temp,
        "media.conf",
        f"server {{ listen 127.0.0.1:{port}; {block} }}",
        main="daemon off; master_process off;",
    )
    path = "/media/gallery/videos/2026/11/abc123.mp4"
    with running_nginx(temp, conf, port):
        whole = fetch(port, path)
        first = fetch(port, path, Range="bytes=0-99")
        tail = fetch(port, path, Range="bytes=-10")
        beyond = fetch(port, path, Range=f"bytes={len(data) + 10}-")
        html = fetch(port, "/media/gallery/videos/2026/11/trang.html")
        html_too = fetch(port, "/media/gallery/videos/2026/11/trang.mp4.html")
    status, headers, body = whole
    assert status == 200 and headers["Content-Type"] == "video/mp4" and body == data
    assert headers["Accept-Ranges"] == "bytes"
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = first
    assert status == 206
    assert headers["Content-Range"] == f"bytes 0-99/{len(data)}"
    assert headers["Content-Type"] == "video/mp4" and body == data[:100]
    assert tail[0] == 206 and tail[2] == data[-10:]
    assert beyond[0] == 416
    assert html[0] == 404 and html_too[0] == 404


def fetch(port, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def test_nginx_sample_lets_the_video_form_through_and_keeps_32m_elsewhere():
    text = (Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf").read_text()
    block = text[text.index("location ^~ /admin/gallery/video/ {") :]
    block = block[: block.index("\n    }\n")]
    limit = int(re.search(r"client_max_body_size (\d+)m;", block).group(1))
    from django.conf import settings

    assert limit > settings.GALLERY_VIDEO_MAX_MB
    assert "proxy_pass http://portal_app;" in block
    assert "client_max_body_size 32m;" in text


def test_poster_frame_needs_no_network_and_is_quick(tmp_path):
    import time

    path = tmp_path / "v.mp4"
    path.write_bytes(video_bytes())
    started = time.monotonic()
    frame = video_checks.poster_frame(path, 2.0)
    assert frame.startswith(b"\x89PNG") and time.monotonic() - started < 10
    assert shutil.which(video_checks.ffmpeg())


def test_brands_are_read_from_the_compatible_list_too(media):
    """A phone writing 3gp4 first and isom among its compatible brands is an MP4; a HEIC
    picture, ISO-BMFF too, is not."""
    data = video_bytes()
    major = data[8:12]
    assert major == b"isom"
    phone = data[:8] + b"3gp4" + data[12:]
    assert video_checks.check_video(ContentFile(phone, name="phone.mp4")).duration > 1
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + data[24:]
    with pytest.raises(ValidationError, match="không phải video MP4"):
        video_checks.check_video(ContentFile(heic, name="anh.mp4"))


def test_a_large_upload_is_moved_from_its_temporary_file(
    editor_client, media, settings, monkeypatch
):
    """Over FILE_UPLOAD_MAX_MEMORY_SIZE an upload waits on disk, never whole in memory; the
    checked file is moved into place, not copied."""
    from django.core.files.storage import filesystem

    moves = []
    move = filesystem.file_move_safe
    monkeypatch.setattr(
        filesystem,
        "file_move_safe",
        lambda old, new, **kw: moves.append(old) or move(old, new, **kw),
    )
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = editor_client.post(ADD_URL, form(upload("lon.mp4", video_bytes())))
    assert response.status_code == 302
    video = Video.objects.get()
    stored = (media / video.file.name).read_bytes()
    assert boxes(stored)[b"mdat"] == boxes(video_bytes())[b"mdat"]
    assert len(moves) == 1 and not Path(moves[0]).exists()


def boxes(data):
    """{type: payload} of a file's top-level boxes."""
    found, offset = {}, 0
    while offset < len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        found[kind] = data[offset + 8 : offset + size]
        offset += size
    return found


PHONE_METADATA = (
    "-metadata", "location=+21.0285+105.8542/", "-metadata", "title=Nhà riêng của tôi",
    "-metadata", "comment=Samsung SM-A546E", "-movflags", "use_metadata_tags",
)  # fmt: skip


def test_stored_video_keeps_its_samples_and_loses_its_metadata(media):
    """A phone's GPS position, its model and titles typed elsewhere never reach readers; the
    index comes first (faststart), the samples are the same bytes."""
    sent = video_bytes(faststart=False, extra=PHONE_METADATA)
    assert b"+21.0285+105.8542" in sent and list(boxes(sent))[-1] == b"moov"
    video = Video(title="Thử", recorded_on=timezone.localdate())
    video.file.save("dien-thoai.mp4", ContentFile(sent))
    stored = (media / video.file.name).read_bytes()
    for secret in (b"21.0285", "Nhà riêng".encode(), b"Samsung", b"Lavf"):
        assert secret not in stored, secret
    kinds = list(boxes(stored))
    assert kinds.index(b"moov") < kinds.index(b"mdat")
    assert boxes(stored)[b"mdat"] == boxes(sent)[b"mdat"]
    assert video.duration == pytest.approx(2.0, abs=0.1) and video.size == len(stored)


def test_a_portrait_video_stays_upright_once_rewritten(media):
    video = Video(title="Dọc", recorded_on=timezone.localdate())
    video.file.save("doc.mp4", ContentFile(portrait()))
    assert (video.width, video.height) == (90, 160)
    stored = (media / video.file.name).read_bytes()
    assert TURNED in stored[stored.index(b"tkhd") :][:90]


IDENTITY = bytes.fromhex("000100000000000000000000000000000001000000000000")
TURNED = bytes.fromhex("000000000001000000000000ffff00000000000000000000")


def portrait():
    """The test video as a phone held upright writes it: the video track's header (tkhd) turns
    it a quarter, the movie header does not."""
    data = video_bytes()
    start = data.index(b"tkhd")  # the first track: the video
    end = start + data[start:].index(IDENTITY) + len(IDENTITY)
    return data[:start] + data[start:end].replace(IDENTITY, TURNED) + data[end:]


def test_without_ffmpeg_the_checked_file_is_stored_as_sent(media, monkeypatch):
    monkeypatch.setattr(video_checks, "ffmpeg", lambda: None)
    video = Video(title="Thử", recorded_on=timezone.localdate())
    video.file.save("x.mp4", ContentFile(video_bytes()))
    assert (media / video.file.name).read_bytes() == video_bytes()
