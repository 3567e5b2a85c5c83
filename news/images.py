"""Checks and re-encodes every picture stored: covers, article photos and editor images.

Accepted, judged by content: JPEG (also CMYK, and MPO, the multi-picture JPEG many phones and
cameras write: its first picture is kept), PNG (also 16-bit and transparent), WebP and HEIC/HEIF
(iPhones). What is stored is a fresh encoding under a generated name, reduced to at most
``LONG_SIDE`` px, in sRGB, upright, with no metadata at all: bytes appended to a picture (a
polyglot), EXIF (GPS position), XMP, the ICC profile and JPEG comments are dropped.

Every path that stores a file on a SafeImageField goes through clean_image(): the form field, the
editor upload view (news/uploads.py), ``instance.field.save(name, file)`` (SafeFieldFile) and an
assigned file saved with its instance (FileField.pre_save calls SafeFieldFile.save).
"""

import io
import os
import uuid
import warnings

import pillow_heif
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from PIL import Image, ImageCms

MAX_BYTES = 30 * 1024 * 1024
# JPEG (and MPO) are decoded at 1/2, 1/4 or 1/8 of their size (libjpeg's DCT scaling, Pillow's
# draft mode), so a 61 MP photo costs what a 15 MP one does. PNG, WebP and HEIC have no such
# reduced decoding: the whole picture is in memory at 4 bytes a pixel, hence a lower limit.
MAX_PIXELS = 61_000_000  # 60 MP cameras: 9,504 × 6,336 = 60.2 MP
MAX_PIXELS_FULL_DECODE = 32_000_000
# HEIC costs most: libde265 decodes the whole picture (no reduced decoding, whatever the options)
# at about 0.07 s of CPU a megapixel plus 0.15 s a megabyte of file, and holds about 8 MB a
# megapixel: a 24 MP HEIC (an iPhone 15's default) takes 2.1 s and 200 MB, over the budget of an
# upload. Phones' 12 MP pictures (4032×3024, 4000×3000, 4080×3060) stay inside it at up to 8 MB
# (5 bits a pixel; phones write 1-4 MB). Larger HEIC is refused with what to do instead; iPhones
# send JPEG by themselves to a file picker that does not offer HEIC (SafeImageFormField).
MAX_HEIC_PIXELS = 12_500_000
MAX_HEIC_BYTES = 8 * 1024 * 1024
# Cost is bounded by the pixel counts; the side limit refuses strips that would be a sliver once
# reduced to LONG_SIDE. 16,000 px keeps phone panoramas (12,000-16,000 px) and WebP's own 16,383.
MAX_SIDE = 16_000
# A progressive JPEG cannot be decoded row by row: libjpeg keeps all its DCT coefficients,
# 128 bytes per 8×8 block of each component, whatever the draft scale. 128 MB takes a 4:2:0
# picture of up to 44 MP (one of 60 MP would need 172 MB, at 4:4:4 345 MB).
MAX_PROGRESSIVE_BYTES = 128 * 1024 * 1024
LONG_SIDE = 2560
# Pixels per strip when a picture is reduced a strip at a time (4 MB a strip in RGBA).
STRIP_PIXELS = 1_000_000
# Pillow refuses larger pictures when it reads their header, before decoding any pixel.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

# Only the main picture of a HEIC file is read: no thumbnails, depth maps or auxiliary images.
# Phones write HEIC as a grid of tiles (512 px on iPhones) that libheif decodes in parallel: one
# thread per core this process may use (pillow-heif's default of 4 on 2 cores only adds switches).
_CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
pillow_heif.register_heif_opener(
    thumbnails=False, depth_images=False, aux_images=False, decode_threads=max(1, _CORES or 1)
)

# Pillow's JPEG opener answers "MPO" itself for a multi-picture file.
OPENED = ["JPEG", "PNG", "WEBP", "HEIF"]
REDUCED_DECODE = {"JPEG", "MPO"}
# Stored format by source format; opaque pictures from cameras become JPEG, transparent HEIC PNG.
STORED = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "HEIF": "JPEG"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SAVE_OPTIONS = {
    "JPEG": {"quality": 88, "optimize": True},
    "PNG": {"optimize": False},
    "WEBP": {"quality": 88},
}
KEPT_MODES = {
    "JPEG": {"L", "RGB"},
    "PNG": {"1", "L", "LA", "RGB", "RGBA"},
    "WEBP": {"RGB", "RGBA"},
}
TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
SRGB = ImageCms.createProfile("sRGB")

MESSAGES = {
    "too_large": "Tệp quá lớn ({size} MB). Chỉ nhận ảnh đến 30 MB.",
    "format": (
        "Chỉ nhận ảnh JPEG, PNG, WebP hoặc HEIC. Tệp này không phải ảnh thuộc các định dạng đó."
    ),
    "pixels": (
        "Ảnh có kích thước quá lớn. Chỉ nhận ảnh JPEG đến 61 triệu điểm ảnh (megapixel), "
        "ảnh PNG, WebP đến 32 triệu điểm ảnh, và mỗi cạnh không quá 16.000 px."
    ),
    "heic": (
        "Ảnh HEIC này quá lớn để xử lý ({pixels} triệu điểm ảnh, {size} MB): chỉ nhận ảnh HEIC "
        "đến 12,5 triệu điểm ảnh và 8 MB. Hãy tải ảnh lên từ trình duyệt trên điện thoại "
        "(iPhone tự gửi ảnh dạng JPEG), hoặc trên iPhone chọn Cài đặt > Camera > Định dạng > "
        "Tương thích nhất để chụp ảnh JPEG, hoặc xuất ảnh sang JPEG rồi tải lên."
    ),
    "progressive": (
        "Ảnh JPEG dạng progressive này quá lớn để xử lý. Hãy lưu lại ảnh ở dạng JPEG thường "
        "(baseline) hoặc giảm kích thước ảnh rồi tải lên."
    ),
    "corrupt": "Tệp ảnh bị hỏng hoặc không trọn vẹn. Hãy xuất lại ảnh rồi tải lên.",
}


class CleanImage(ContentFile):
    """A picture that has been through clean_image(): safe to store as it is."""


def _refuse(code, **params):
    return ValidationError(MESSAGES[code].format(**params), code=f"image_{code}")


def _decimal(number):
    """12.5 as Vietnamese writes it: 12,5."""
    return f"{number:.1f}".replace(".", ",")


def _open(file):
    if file.size is not None and file.size > MAX_BYTES:
        raise _refuse("too_large", size=_decimal(file.size / 1024 / 1024))
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file, formats=OPENED)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse("pixels") from None
    except Exception:  # Pillow raises several kinds for what it cannot identify
        raise _refuse("format") from None
    width, height = image.size
    limit = MAX_PIXELS if image.format in REDUCED_DECODE else MAX_PIXELS_FULL_DECODE
    if width * height > limit or max(width, height) > MAX_SIDE:
        raise _refuse("pixels")
    size = file.size or 0
    if image.format == "HEIF" and (width * height > MAX_HEIC_PIXELS or size > MAX_HEIC_BYTES):
        raise _refuse(
            "heic",
            pixels=_decimal(width * height / 1_000_000),
            size=_decimal(size / 1024 / 1024),
        )
    if image.format in REDUCED_DECODE and image.info.get("progressive"):
        if _coefficient_bytes(image) > MAX_PROGRESSIVE_BYTES:
            raise _refuse("progressive")
    return image


def _coefficient_bytes(image):
    width, height = image.size
    h_max = max(h for _, h, _, _ in image.layer)
    v_max = max(v for _, _, v, _ in image.layer)
    blocks = sum(
        -(-width * h // (h_max * 8)) * -(-height * v // (v_max * 8)) for _, h, v, _ in image.layer
    )
    return blocks * 128


def _reduced_size(size):
    width, height = size
    ratio = min(1, LONG_SIDE / max(width, height))
    return max(1, round(width * ratio)), max(1, round(height * ratio))


def _reduce_in_strips(image, factor, mode):
    """``image.convert(mode).reduce(factor)``, with no second copy of the picture at full size.

    Pillow's reduce() (and resize()) premultiplies a transparent picture first: a full-size RGBa
    copy, 128 MB more for 32 MP, as would be the conversion of a palette picture to RGBA. Done
    here a strip of rows at a time; strips are whole multiples of ``factor`` rows, so the result
    is the same as reducing the picture at once.
    """
    width, height = image.size
    reduced = Image.new(mode, (-(-width // factor), -(-height // factor)))
    rows = factor * max(1, STRIP_PIXELS // (width * factor))
    for top in range(0, height, rows):
        strip = image.crop((0, top, width, min(height, top + rows)))
        if strip.mode != mode:
            strip = strip.convert(mode)
        reduced.paste(strip.reduce(factor), (0, top // factor))
    return reduced


def _to_srgb(image, icc):
    """Apply the embedded colour profile, if Little CMS can; the profile itself is not kept."""
    if image.mode in ("I;16", "I"):  # 16-bit grey: scale to 8 bits (convert("L") would clip)
        image = image.point(lambda value: value / 256).convert("L")
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        output = "RGBA" if image.mode == "RGBA" else "RGB"
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(image, profile, SRGB, outputMode=output)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken or mismatched profile: the pixels are taken as sRGB
    return image


def clean_image(file):
    """Return ``file`` re-encoded under a generated name, or raise ValidationError."""
    image = _open(file)
    source_format = image.format
    icc = image.info.get("icc_profile")
    target = _reduced_size(image.size)
    try:
        if source_format in REDUCED_DECODE:
            image.draft(None, target)  # decode at 1/2, 1/4 or 1/8 when that still covers target
        image.load()  # MPO: its first picture
        orientation = image.getexif().get(0x0112)
        transparent = "A" in image.getbands() or "transparency" in image.info
        mode = image.mode
        if image.mode == "P" or (image.mode in ("L", "RGB") and transparent):
            mode = "RGBA" if transparent else "RGB"
        factor = min(image.width // target[0], image.height // target[1])
        if factor > 1:
            image = _reduce_in_strips(image, factor, mode)
        elif mode != image.mode:
            image = image.convert(mode)
        if image.size != target:
            image = image.resize(target, Image.Resampling.LANCZOS)
    except Exception:  # truncated or corrupt data surfaces as OSError, SyntaxError, ValueError...
        raise _refuse("corrupt") from None

    image = _to_srgb(image, icc)
    if orientation in TRANSPOSE:
        image = image.transpose(TRANSPOSE[orientation])
    stored_format = STORED[source_format]
    if stored_format == "JPEG" and "A" in image.getbands():
        stored_format = "PNG"  # a transparent HEIC
    if image.mode not in KEPT_MODES[stored_format]:
        keeps_alpha = "A" in image.getbands() and stored_format != "JPEG"
        image = image.convert("RGBA" if keeps_alpha else "RGB")
    # Pillow writes some of image.info back on save (a JPEG's comment, a PNG's ICC profile):
    # nothing read from the upload is passed on.
    image.info = {}
    output = io.BytesIO()
    image.save(output, format=stored_format, **SAVE_OPTIONS[stored_format])
    name = f"{uuid.uuid4().hex}.{EXTENSIONS[stored_format]}"
    return CleanImage(output.getvalue(), name=name)


class SafeImageFormField(forms.ImageField):
    def widget_attrs(self, widget):
        # The content is what is checked. HEIC is accepted but not offered: iPhones then send
        # their photos as JPEG (Safari and Chrome convert a HEIC the picker does not take), which
        # costs far less than a HEIC of the same size (MAX_HEIC_PIXELS).
        accept = "image/jpeg,image/png,image/webp"
        return {**super().widget_attrs(widget), "accept": accept}

    def to_python(self, data):
        uploaded = forms.FileField.to_python(self, data)
        if uploaded is None:
            return None
        return clean_image(uploaded)


class SafeFieldFile(ImageFieldFile):
    """``instance.cover.save(name, file)`` stores the cleaned picture under a generated name."""

    def save(self, name, content, save=True):
        if not isinstance(content, CleanImage):
            content = clean_image(content if isinstance(content, File) else File(content))
        super().save(content.name, content, save=save)


class SafeImageField(models.ImageField):
    """An ImageField whose new files go through clean_image(), in forms and in save() alike.

    A name assigned as text (``article.cover = "news/covers/x.jpg"``, or a fixture loaded with
    loaddata) names a file already in storage: no bytes come with it, so there is nothing to check.
    """

    attr_class = SafeFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def deconstruct(self):
        # Same column and options as ImageField: migrations need not know the difference.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs
