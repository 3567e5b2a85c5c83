"""Real image files made with Pillow, for upload tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(fmt="JPEG", size=(640, 400), color=(176, 16, 31)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def upload(name="anh.jpg", fmt="JPEG", content_type="image/jpeg", **kwargs):
    return SimpleUploadedFile(name, image_bytes(fmt, **kwargs), content_type=content_type)
