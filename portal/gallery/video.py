"""Checks every video stored: an MP4 that every browser's own player plays, judged by content.

Accepted: an ISO base media file (ISO/IEC 14496-12) whose ``ftyp`` box names an MP4 brand, with
one ``moov`` box (the index of the samples) and media data, whose top-level boxes cover the file
exactly (an upload cut short ends inside a box), with a video track in H.264/AVC and, if it has
sound, AAC. HEVC (H.265) is refused: Firefox and Chrome on many machines cannot play it, and a
portal's video must play for every reader. QuickTime (.mov, brand ``qt  ``), Matroska/WebM and
anything else are refused whatever their name, with a Vietnamese message saying what to export.

The boxes are read with mutagen (its MP4 parser: the box tree, 64-bit sizes, the movie header's
duration), after a walk of the top-level box headers here that bounds what mutagen is given
(``moov`` at most MAX_MOOV_BYTES). Nothing but box headers and small boxes is read: a 500 MB file
costs what a 5 MB one does.

Every path that stores a file on a VideoField goes through check_video(): the form field, the
field's ``save(name, file)`` (VideoFieldFile) and a file assigned then saved with its row
(FileField.pre_save calls that same save()). Stored names are generated (``<uuid>.mp4``).

What is stored is the file rewritten by ffmpeg (imageio-ffmpeg's bundled binary), once it has
passed the check: the same video and sound samples, copied and not re-encoded, with no metadata
(a phone's GPS position, its model, titles and comments typed in another program), no other
tracks (timed metadata, timecode) and the index first (faststart), then checked again. Without
ffmpeg the file is stored as it came. The poster frame is taken by the same ffmpeg. ffmpeg only
ever reads a file that passed the check, as an MP4, and nothing but that file.
"""

import contextlib
import os
import shutil
import struct
import subprocess
import tempfile
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile
from mutagen import MutagenError
from mutagen.mp4 import MP4, Atoms

# The brands of MP4 files as cameras, phones, ffmpeg and editors write them (HEIC and AVIF
# pictures, also ISO-BMFF, name none of these).
MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V "}
MAX_FTYP_BYTES = 256
VIDEO_CODECS = {b"avc1", b"avc3"}  # H.264/AVC
HEVC_CODECS = {b"hvc1", b"hev1"}
AUDIO_CODECS = {b"mp4a"}  # AAC
# The sample index of a two-hour video is a few MB; more is not a video but a trap.
MAX_MOOV_BYTES = 64 * 1024 * 1024
POSTER_AT = 1.0  # seconds into the video (half the video if it is shorter)
POSTER_TIMEOUT = 60
REWRITE_TIMEOUT = 600  # copying 500 MB takes seconds; a stuck ffmpeg must not hold a worker

MESSAGES = {
    "too_large": "Tệp quá lớn ({size} MB). Chỉ nhận video đến {limit} MB.",
    "format": (
        "Chỉ nhận video MP4 (mã hóa H.264). Tệp này không phải video MP4. "
        "Hãy xuất lại video thành MP4 (H.264) rồi tải lên."
    ),
    "mov": (
        "Đây là video QuickTime (MOV), trình duyệt không phát được ở mọi máy. "
        "Hãy xuất lại thành MP4 (H.264) rồi tải lên."
    ),
    "matroska": (
        "Đây là video MKV/WebM. Chỉ nhận video MP4 (H.264): hãy xuất lại thành MP4 rồi tải lên."
    ),
    "truncated": (
        "Tệp video không trọn vẹn hoặc bị hỏng (có thể tải lên bị ngắt giữa chừng). "
        "Hãy tải lên lại tệp gốc."
    ),
    "no_video": "Tệp MP4 này không có hình (không có kênh video).",
    "hevc": (
        "Video mã hóa H.265 (HEVC) không phát được trên nhiều trình duyệt. "
        "Hãy xuất lại với mã hóa H.264 rồi tải lên."
    ),
    "codec": "Video phải mã hóa H.264 (và âm thanh AAC nếu có). Tệp này dùng mã {codec}.",
    "duration": "Không đọc được thời lượng của video. Hãy xuất lại video rồi tải lên.",
    "rewrite": "Không xử lý được tệp video này. Hãy xuất lại thành MP4 (H.264) rồi tải lên.",
}


def max_bytes():
    return settings.GALLERY_VIDEO_MAX_MB * 1024 * 1024


class CheckedVideo(File):
    """A video that passed check_video(), under a generated name, with what was read from it."""

    def __init__(self, file, *, duration, width, height, size):
        super().__init__(file, name=f"{uuid.uuid4().hex}.mp4")
        self.duration, self.width, self.height, self.size = duration, width, height, size
        if hasattr(file, "temporary_file_path"):
            # A large upload sits in a temporary file: storage moves it instead of copying.
            self.temporary_file_path = file.temporary_file_path


def _refuse(code, **params):
    return ValidationError(MESSAGES[code].format(**params), code=f"video_{code}")


def _top_level_boxes(handle, size):
    """(type, offset, length) of each top-level box; refuses what is not a whole MP4."""
    handle.seek(0)
    head = handle.read(MAX_FTYP_BYTES)
    if head[:4] == b"\x1a\x45\xdf\xa3":
        raise _refuse("matroska")
    if len(head) < 16 or head[4:8] != b"ftyp":
        raise _refuse("format")
    if head[8:12] == b"qt  ":
        raise _refuse("mov")
    # The major brand, then the compatible ones (after the minor version): some phones write
    # 3gp4 or their own brand first and isom or mp42 among the compatible ones.
    ftyp = head[: min(struct.unpack(">I", head[:4])[0], len(head))]
    brands = {ftyp[i : i + 4] for i in range(16, len(ftyp) - 3, 4)} | {ftyp[8:12]}
    if not brands & MP4_BRANDS:
        raise _refuse("format")
    boxes, offset = [], 0
    while offset < size:
        handle.seek(offset)
        header = handle.read(16)
        if len(header) < 8:
            raise _refuse("truncated")
        length, kind = struct.unpack(">I4s", header[:8])
        if length == 1 and len(header) == 16:
            length = struct.unpack(">Q", header[8:])[0]
        elif length == 0:  # "to the end of the file", allowed for the last box
            length = size - offset
        if length < 8 or offset + length > size:
            raise _refuse("truncated")
        boxes.append((kind, offset, length))
        offset += length
    kinds = [kind for kind, _, _ in boxes]
    if kinds.count(b"moov") != 1 or b"mdat" not in kinds:
        raise _refuse("truncated")
    if next(length for kind, _, length in boxes if kind == b"moov") > MAX_MOOV_BYTES:
        raise _refuse("format")
    return boxes


def _read(atom, handle):
    ok, data = atom.read(handle)
    if not ok:
        raise _refuse("truncated")
    return data


def _tracks(handle):
    """(handler, codec, width, height) of each track, from mutagen's box tree."""
    tracks = []
    for trak in Atoms(handle)[b"moov"].findall(b"trak"):
        try:
            hdlr = _read(trak[b"mdia", b"hdlr"], handle)
            stsd = _read(trak[b"mdia", b"minf", b"stbl", b"stsd"], handle)
            tkhd = _read(trak[(b"tkhd",)], handle)
        except KeyError:
            raise _refuse("truncated") from None
        if len(hdlr) < 12 or len(stsd) < 16 or len(tkhd) < 84:
            raise _refuse("truncated")
        # tkhd ends with the display matrix (9 × 4 bytes) and width, height in 16.16.
        a, b = struct.unpack(">ii", tkhd[-44:-36])
        width, height = (value >> 16 for value in struct.unpack(">II", tkhd[-8:]))
        if a == 0 and abs(b) == 0x10000:  # turned a quarter: a phone held upright
            width, height = height, width
        tracks.append((hdlr[8:12], stsd[12:16], width, height))
    return tracks


def check_video(file):
    """Return ``file`` as a CheckedVideo under a generated name, or raise ValidationError."""
    size = file.size
    if size > max_bytes():
        megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
        raise _refuse("too_large", size=megabytes, limit=settings.GALLERY_VIDEO_MAX_MB)
    handle = getattr(file, "file", None) or file
    _top_level_boxes(handle, size)
    try:
        handle.seek(0)
        duration = MP4(handle).info.length
        handle.seek(0)
        tracks = _tracks(handle)
    except (MutagenError, struct.error, ValueError):
        raise _refuse("truncated") from None
    finally:
        handle.seek(0)
    videos = [track for track in tracks if track[0] == b"vide"]
    if not videos:
        raise _refuse("no_video")
    for handler, codec, _, _ in tracks:
        if handler == b"vide" and codec in HEVC_CODECS:
            raise _refuse("hevc")
        allowed = {b"vide": VIDEO_CODECS, b"soun": AUDIO_CODECS}.get(handler)
        if allowed is not None and codec not in allowed:
            raise _refuse("codec", codec=codec.decode("latin-1").strip() or "?")
    if not duration or duration <= 0:
        raise _refuse("duration")
    _, _, width, height = videos[0]
    return CheckedVideo(file, duration=duration, width=width, height=height, size=size)


def prepare(file):
    """What is stored: ``file`` checked, rewritten without metadata, checked again."""
    checked = file if isinstance(file, CheckedVideo) else check_video(file)
    if getattr(checked, "rewritten", False):
        return checked
    binary = ffmpeg()
    if not binary:
        return checked
    # Like an upload over FILE_UPLOAD_MAX_MEMORY_SIZE: a temporary file storage moves into place.
    output = TemporaryUploadedFile("video.mp4", "video/mp4", 0, None)
    with contextlib.ExitStack() as stack:
        if hasattr(checked, "temporary_file_path"):
            source = checked.temporary_file_path()
        else:
            copy = stack.enter_context(
                tempfile.NamedTemporaryFile(suffix=".mp4", dir=settings.FILE_UPLOAD_TEMP_DIR)
            )
            checked.seek(0)
            shutil.copyfileobj(checked, copy)
            copy.flush()
            source = copy.name
        command = [
            binary, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
            "-protocol_whitelist", "file", "-f", "mp4", "-i", source,
            "-map", "0:v", "-map", "0:a?", "-c", "copy",
            "-map_metadata", "-1", "-map_metadata:s", "-1", "-map_chapters", "-1",
            "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
            "-movflags", "+faststart", "-f", "mp4", output.temporary_file_path(),
        ]  # fmt: skip
        try:
            subprocess.run(command, capture_output=True, timeout=REWRITE_TIMEOUT, check=True)
        except (OSError, subprocess.SubprocessError):
            output.close()
            raise _refuse("rewrite") from None
    output.size = os.path.getsize(output.temporary_file_path())
    rewritten = check_video(output)
    rewritten.rewritten = True
    return rewritten


def ffmpeg():
    """The ffmpeg binary bundled by imageio-ffmpeg, else one on PATH, else None."""
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        return shutil.which("ffmpeg")


def poster_frame(path, duration):
    """A frame of the stored video at ``path`` as PNG bytes, or None if ffmpeg cannot make one."""
    binary = ffmpeg()
    if not binary:
        return None
    at = min(POSTER_AT, duration / 2)
    command = [
        binary, "-nostdin", "-hide_banner", "-loglevel", "error",
        "-protocol_whitelist", "file", "-f", "mp4", "-ss", f"{at:.3f}", "-i", str(path),
        "-frames:v", "1", "-an", "-f", "image2pipe", "-c:v", "png", "-",
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, timeout=POSTER_TIMEOUT, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout or None


def ensure_poster(video, user=None):
    """Give ``video`` a poster from its own frame, kept in the photo library, unless staff chose
    one. Returns the poster picture (None when ffmpeg made no frame)."""
    from news.images import clean_image
    from portal.photos.models import Picture

    if video.poster_id or not video.file:
        return video.poster
    try:
        path = video.file.path
    except NotImplementedError:  # a storage with no local files: staff choose the poster
        return None
    frame = poster_frame(path, video.duration)
    if frame is None:
        return None
    try:
        image = clean_image(ContentFile(frame, name="poster.png"))
    except ValidationError:
        return None
    video.poster = Picture.objects.create(
        image=image,
        caption=video.title,
        alt_text=f"Khung hình trong video “{video.title}”",
        uploaded_by=user,
    )
    video.save(update_fields=["poster", "updated_at"])
    return video.poster


class VideoFormField(forms.FileField):
    def widget_attrs(self, widget):
        # The file picker offers what will be accepted; the content is what is checked.
        return {**super().widget_attrs(widget), "accept": "video/mp4,.mp4"}

    def to_python(self, data):
        uploaded = super().to_python(data)
        if uploaded is None:
            return None
        return prepare(uploaded)


class VideoFieldFile(FieldFile):
    """``video.file.save(name, file)`` stores the prepared video under a generated name."""

    def save(self, name, content, save=True):
        if not getattr(content, "rewritten", False):
            content = prepare(content if isinstance(content, File) else File(content))
        # Fields declared after the file are written after this runs, in the same save.
        for attribute in ("duration", "width", "height", "size"):
            setattr(self.instance, attribute, getattr(content, attribute))
        try:
            super().save(content.name, content, save=save)
        finally:
            # Its temporary file was moved into storage: closing forgets it (Django's
            # TemporaryUploadedFile.close() allows for the file being gone).
            content.close()


class VideoField(models.FileField):
    """A FileField whose new files go through check_video(), in forms and in save() alike."""

    attr_class = VideoFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": VideoFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.FileField", args, kwargs
