"""Builders shared by the tests/test_security_*.py modules: admin form posts and hostile files."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

ADD_URL = "/admin/news/article/add/"


def article_form(category, *, photos=(), **fields):
    """POST data for the admin's article add form, with the photo inline's management form."""
    now = timezone.localtime()
    data = {
        "title": "Công nhân khu công nghiệp hưởng ứng Tháng Công nhân",
        "slug": "",
        "category": str(category.pk),
        "summary": "Nhiều hoạt động thiết thực dành cho đoàn viên trong tháng.",
        "body": "<p>Ban tổ chức trao quà cho công nhân có hoàn cảnh khó khăn.</p>",
        "cover_caption": "",
        "cover_alt": "",
        "author_name": "Quốc Bảo",
        "author_unit": "",
        "status": "published",
        "published_at_0": f"{now:%d/%m/%Y}",
        "published_at_1": f"{now:%H:%M:%S}",
        "photos-TOTAL_FORMS": str(len(photos)),
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "_save": "Lưu",
    }
    for n, photo in enumerate(photos):
        data.update(
            {
                f"photos-{n}-image": photo.get("image", ""),
                f"photos-{n}-caption": photo.get("caption", ""),
                f"photos-{n}-alt_text": photo.get("alt_text", "Ảnh minh họa hoạt động"),
                f"photos-{n}-credit": photo.get("credit", ""),
                f"photos-{n}-order": str(n),
            }
        )
    data.update(fields)
    return data


def image_bytes(width=64, height=48, fmt="PNG", color=(180, 16, 31), **save):
    buffer = io.BytesIO()
    mode = "RGB" if fmt == "JPEG" else "RGBA"
    Image.new(mode, (width, height), color).save(buffer, format=fmt, **save)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def huge_png(width, height):
    """A valid PNG of any size in a few kilobytes: one colour compresses to almost nothing."""

    def chunk(kind, data):
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * ((width + 7) // 8)  # filter byte + 1-bit pixels
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def jpeg_with_gps(width=60, height=40, orientation=6):
    """A JPEG taken 'on a phone': GPS position and an orientation that rotates it a quarter turn."""
    image = Image.new("RGB", (width, height), (11, 79, 156))
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh thử"  # Make
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (10.0, 2.0, 30.0)
    gps[3] = "E"
    gps[4] = (106.0, 40.0, 12.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()
