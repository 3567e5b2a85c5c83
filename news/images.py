"""Checks and re-encodes every uploaded picture: covers, article photos and editor images.

Only JPEG, PNG and WebP are accepted, judged by their content. What is stored is a fresh encoding
under a generated name, so bytes appended to a picture (a polyglot) and EXIF metadata (GPS
position) are dropped, and the EXIF orientation is applied to the pixels.
"""

import io
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from PIL import Image, ImageOps

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 8000
# Pillow refuses larger pictures when it reads their header, before decoding any pixel.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SAVE_OPTIONS = {
    "JPEG": {"quality": 88, "optimize": True},
    "PNG": {"optimize": False},
    "WEBP": {"quality": 88},
}
KEPT_MODES = {
    "JPEG": {"L", "RGB"},
    "PNG": {"1", "L", "LA", "P", "RGB", "RGBA"},
    "WEBP": {"RGB", "RGBA"},
}

MESSAGES = {
    "too_large": "Tệp quá lớn ({size} MB). Chỉ nhận ảnh đến 10 MB.",
    "format": "Chỉ nhận ảnh JPEG, PNG hoặc WebP. Tệp này không phải ảnh thuộc các định dạng đó.",
    "pixels": (
        "Ảnh có kích thước quá lớn. Chỉ nhận ảnh đến 40 triệu điểm ảnh (megapixel) "
        "và mỗi cạnh không quá 8.000 px."
    ),
    "corrupt": "Tệp ảnh bị hỏng hoặc không trọn vẹn. Hãy xuất lại ảnh rồi tải lên.",
}


class CleanImage(ContentFile):
    """A picture that has been through clean_image(): safe to store as it is."""


def _refuse(code, **params):
    return ValidationError(MESSAGES[code].format(**params), code=f"image_{code}")


def clean_image(file):
    """Return ``file`` re-encoded under a generated name, or raise ValidationError."""
    if file.size is not None and file.size > MAX_BYTES:
        raise _refuse("too_large", size=f"{file.size / 1024 / 1024:.1f}".replace(".", ","))
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file, formats=list(FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse("pixels") from None
    except Exception:  # Pillow raises several kinds for what it cannot identify
        raise _refuse("format") from None

    width, height = image.size
    if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
        raise _refuse("pixels")
    source_format = image.format
    try:
        image.load()
        image = ImageOps.exif_transpose(image)
    except Exception:  # truncated or corrupt data surfaces as OSError, SyntaxError, ValueError...
        raise _refuse("corrupt") from None

    if image.mode not in KEPT_MODES[source_format]:
        keeps_alpha = "A" in image.getbands() and source_format != "JPEG"
        image = image.convert("RGBA" if keeps_alpha else "RGB")
    output = io.BytesIO()
    # Nothing from image.info is passed on except the colour profile: EXIF, XMP and text go.
    image.save(
        output,
        format=source_format,
        icc_profile=image.info.get("icc_profile"),
        **SAVE_OPTIONS[source_format],
    )
    return CleanImage(output.getvalue(), name=f"{uuid.uuid4().hex}.{FORMATS[source_format]}")


class SafeImageFormField(forms.ImageField):
    def widget_attrs(self, widget):
        # The file picker offers what will be accepted; the content is what is checked.
        return {**super().widget_attrs(widget), "accept": "image/jpeg,image/png,image/webp"}

    def to_python(self, data):
        uploaded = forms.FileField.to_python(self, data)
        if uploaded is None:
            return None
        return clean_image(uploaded)


class SafeImageField(models.ImageField):
    """An ImageField whose new files go through clean_image(), in forms and in save() alike."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed and not isinstance(file.file, CleanImage):
            setattr(model_instance, self.attname, clean_image(file.file))
        return super().pre_save(model_instance, add)

    def deconstruct(self):
        # Same column and options as ImageField: migrations need not know the difference.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs
