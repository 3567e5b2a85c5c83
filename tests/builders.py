"""Builders shared by the tests: admin form posts, image files, hostile files and bodies."""

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
        "_transition": "publish",
        "published_at_0": f"{now:%d/%m/%Y}",
        "published_at_1": f"{now:%H:%M:%S}",
        "expires_at_0": "",
        "expires_at_1": "",
        "workflow_comment": "",
        "opened_version": "0",
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


def change_form(article, **fields):
    """POST data for the admin's change form of ``article`` as stored, opened now."""
    local = timezone.localtime
    photos = list(article.photos.all())
    data = {
        "title": article.title,
        "slug": article.slug,
        "category": str(article.category_id),
        "summary": article.summary,
        "body": article.body,
        "cover_caption": article.cover_caption,
        "cover_alt": article.cover_alt,
        "cover_picture": str(article.cover_picture_id or ""),
        "author_name": article.author_name,
        "author_unit": str(article.author_unit_id or ""),
        "published_at_0": f"{local(article.published_at):%d/%m/%Y}" if article.published_at else "",
        "published_at_1": f"{local(article.published_at):%H:%M:%S}" if article.published_at else "",
        "expires_at_0": "",
        "expires_at_1": "",
        "workflow_comment": "",
        "opened_version": str(article.edit_version),
        "photos-TOTAL_FORMS": str(len(photos)),
        "photos-INITIAL_FORMS": str(len(photos)),
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "_save": "Lưu",
    }
    if article.is_featured:
        data["is_featured"] = "on"
    for n, photo in enumerate(photos):
        data.update(
            {
                f"photos-{n}-id": str(photo.pk),
                f"photos-{n}-article": str(article.pk),
                f"photos-{n}-picture": str(photo.picture_id or ""),
                f"photos-{n}-caption": photo.caption,
                f"photos-{n}-alt_text": photo.alt_text,
                f"photos-{n}-credit": photo.credit,
                f"photos-{n}-order": str(photo.order),
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


# Each body tries to run script, leave the site or cover the page; the text "an toàn N" must stay.
# (shape, payload) pairs; the payload is appended to a harmless paragraph.
HOSTILE_BODIES = [
    ("script tag", "<script>window.__pwned = 1; alert('script')</script>"),
    ("external script", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>"),
    ("img onerror", "<img src=x onerror=\"window.__pwned=1;alert('img')\">"),
    (
        "img onload on own media",
        '<img src="/static/img/logo.svg" alt="Logo" onload="alert(\'onload\')">',
    ),
    ("body onload", "<body onload=alert('body')>"),
    ("svg onload", "<svg onload=alert('svg')><circle r=5></circle></svg>"),
    ("svg script", "<svg><script>window.__pwned=1</script></svg>"),
    (
        "math mglyph mutation",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>"
        "</style></mglyph></table></mtext></math>",
    ),
    ("svg style mutation", "<svg></p><style><a id=\"</style><img src=1 onerror=alert('mx2')>\">"),
    ("noscript mutation", "<noscript><p title=\"</noscript><img src=x onerror=alert('ns')>\">"),
    ("javascript href", "<a href=\"javascript:alert('js')\">bấm vào đây</a>"),
    ("mixed case scheme", "<a href=\"JaVaScRiPt:alert('case')\">bấm</a>"),
    (
        "decimal entities",
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;'
        "alert('dec')\">bấm</a>",
    ),
    ("hex entities and colon", "<a href=\"&#x6A;avascript&colon;alert('hex')\">bấm</a>"),
    ("tab inside scheme", "<a href=\"java&#x09;script:alert('tab')\">bấm</a>"),
    ("newline inside scheme", "<a href=\"java\nscript:alert('nl')\">bấm</a>"),
    ("leading control char", "<a href=\"\x01\x02javascript:alert('ctl')\">bấm</a>"),
    ("leading spaces entity", "<a href=\"&#32;&#14;javascript:alert('sp')\">bấm</a>"),
    (
        "data html link",
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+">bấm</a>',
    ),
    (
        "data svg image",
        '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+" alt="ảnh">',
    ),
    ("vbscript href", '<a href="vbscript:msgbox(1)">bấm</a>'),
    ("iframe javascript", "<iframe src=\"javascript:alert('iframe')\"></iframe>"),
    ("iframe srcdoc", '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'),
    ("object data", "<object data=\"data:text/html,<script>alert('obj')</script>\"></object>"),
    ("embed", "<embed src=\"javascript:alert('embed')\">"),
    ("form action", "<form action=\"javascript:alert('form')\"><button>Gửi</button></form>"),
    ("input autofocus", "<input autofocus onfocus=\"alert('focus')\">"),
    (
        "style overlay",
        '<div style="position:fixed;top:0;left:0;width:100%;height:100%;'
        'background:#b0101f;z-index:9999">Trang đã bị chiếm</div>',
    ),
    ("style url", "<p style=\"background:url(javascript:alert('css'))\">nền</p>"),
    ("style element", "<style>body { display: none }</style>"),
    ("target top", '<a href="https://evil.example/" target="_top">tin khác</a>'),
    ("protocol relative", '<a href="//evil.example/dang-nhap">đăng nhập</a>'),
    ("backslash relative", '<a href="/\\evil.example/">đăng nhập</a>'),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(\'meta\')">'),
    ("base href", '<base href="https://evil.example/">'),
    ("link stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">'),
    (
        "details ontoggle",
        "<details open ontoggle=\"alert('toggle')\"><summary>Xem</summary></details>",
    ),
    ("video source onerror", "<video><source onerror=\"alert('video')\"></video>"),
    ("anchor onclick", '<a href="#" onclick="alert(\'click\')">bấm</a>'),
    ("eval src", "<img src=x:alert(alt) onerror=eval(src) alt=0>"),
    ("template", "<template><script>alert('tpl')</script></template>"),
    ("comment", "<!--<img src=x onerror=alert('comment')>-->"),
    ("attribute breakout", "\"><script>alert('break')</script>"),
    ("title element", "<title>Trang đã bị chiếm</title>"),
    (
        "table background",
        "<table background=\"javascript:alert('tbl')\"><tr><td>ô</td></tr></table>",
    ),
    ("xmp", "<xmp><img src=x onerror=alert('xmp')></xmp>"),
    ("external image", '<img src="https://evil.example/pixel.gif" alt="theo dõi">'),
]


# Pictures as phones and cameras write them ----------------------------------------------------


def _encoded(image, fmt, **save):
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save)
    return buffer.getvalue()


def heic_bytes(width=1200, height=900):
    """An iPhone-style HEIC (pillow-heif's encoder), with a GPS position in its EXIF."""
    exif = Image.Exif()
    exif.get_ifd(0x8825)[2] = (10.0, 2.0, 30.0)
    return _encoded(Image.new("RGB", (width, height), (11, 79, 156)), "HEIF", exif=exif)


def mpo_bytes(width=3000, height=2000):
    """A multi-picture JPEG (MPO) of two frames, as stereo cameras and many phones write."""
    first = Image.new("RGB", (width, height), (11, 79, 156))
    second = Image.new("RGB", (width, height), (180, 16, 31))
    return _encoded(first, "MPO", save_all=True, append_images=[second], exif=Image.Exif())


def cmyk_jpeg(width=3000, height=2000):
    return _encoded(Image.new("CMYK", (width, height), (0, 153, 255, 0)), "JPEG")


def png16(width=3000, height=2000, value=40_000):
    """A 16-bit greyscale PNG (mode I;16)."""
    return _encoded(Image.new("I;16", (width, height), value), "PNG")


def transparent_png(width=3000, height=2000):
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    image.paste((180, 16, 31, 255), (0, 0, width // 2, height))
    return _encoded(image, "PNG")


def jpeg_60mp():
    """9,000 × 6,667 (60 MP) in a few hundred kilobytes: one colour compresses to almost nothing."""
    return _encoded(Image.new("RGB", (9000, 6667), (11, 79, 156)), "JPEG", quality=80)


def jpeg_with_comment(comment=b"Nha rieng: 12 Tran Phu, SDT 0912345678"):
    """A JPEG whose COM segment carries text; Pillow would write it back on save."""
    return _encoded(Image.new("RGB", (60, 40), (11, 79, 156)), "JPEG", comment=comment)
