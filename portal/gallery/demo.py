"""Demo albums and videos for ``manage.py load_demo``; a second run creates nothing.

Albums are made of the pictures load_demo drew for the published demo articles: each becomes a
library picture naming the same file (nothing is copied), and one picture sits in two albums.
The videos are a few seconds panning across a drawn scene, encoded to H.264 by imageio-ffmpeg's
bundled ffmpeg, stored through the same check as an upload, with a poster taken from a frame.
"""

import datetime as dt
import io
import tempfile
from pathlib import Path

from django.core.files import File
from django.utils import timezone
from PIL import Image

from news.models import Article
from news.text import vietnamese_slugify
from portal.photos.models import Picture

from .models import Album, AlbumPicture, Video
from .video import ensure_poster

ALBUMS = [
    {
        "title": "Công đoàn cơ sở những ngày cuối năm",
        "categories": ["hoat-dong-cong-doan"],
        "days_ago": 9,
        "description": (
            "Hội nghị người lao động, lớp tập huấn cán bộ công đoàn và buổi kết nạp đoàn viên "
            "mới ở các công đoàn cơ sở trong tháng."
        ),
        "captions": {2: "Cán bộ công đoàn cơ sở trao đổi kinh nghiệm trong giờ giải lao."},
    },
    {
        "title": "Chăm lo đoàn viên, người lao động khó khăn",
        "categories": ["cham-lo-doi-song", "nu-cong"],
        "days_ago": 16,
        "description": (
            "Trao quà, trao nhà Mái ấm Công đoàn và khám sức khỏe miễn phí cho đoàn viên có "
            "hoàn cảnh khó khăn ở các huyện."
        ),
        "captions": {},
    },
    {
        "title": "Gương mặt thi đua lao động giỏi",
        "categories": ["thi-dua-khen-thuong", "hoat-dong-cong-doan"],
        "days_ago": 30,
        "description": (
            "Những công nhân, kỹ sư, viên chức được biểu dương vì sáng kiến và tay nghề, cùng "
            "các hội nghị tổng kết phong trào thi đua."
        ),
        "captions": {1: "Người lao động tiêu biểu nhận bằng khen của Liên đoàn Lao động tỉnh."},
    },
]
PICTURES_PER_ALBUM = 6

VIDEOS = [
    {
        "title": "Một ngày ở khu nhà trọ công nhân",
        "scene": "outdoor",
        "label": "NHÀ TRỌ CÔNG NHÂN",
        "days_ago": 5,
        "description": (
            "Cán bộ công đoàn khu công nghiệp đến thăm các dãy nhà trọ, hỏi chuyện tiền thuê, "
            "điện nước và việc học của con em công nhân."
        ),
    },
    {
        "title": "Hội nghị đối thoại giữa doanh nghiệp và người lao động",
        "scene": "hall",
        "label": "HỘI NGHỊ ĐỐI THOẠI",
        "days_ago": 20,
        "description": (
            "Đại diện doanh nghiệp trả lời ý kiến của công nhân về ca làm việc, bữa ăn giữa ca "
            "và tiền thưởng cuối năm."
        ),
    },
]
VIDEO_SIZE = (640, 360)
VIDEO_SECONDS = 4
VIDEO_FPS = 25


def load(stdout):
    albums = sum(load_album(spec) for spec in ALBUMS)
    stdout.write(f"Album ảnh: {len(ALBUMS)} (mới {albums})")
    videos = load_videos(stdout)
    stdout.write(f"Video: {len(VIDEOS)} (mới {videos})")


def library_pictures(categories):
    """The demo articles' pictures as library pictures (one row per file, made once)."""
    articles = (
        Article.objects.published()
        .filter(category__slug__in=categories)
        .prefetch_related("photos")
        .order_by("-published_at")
    )
    found = []
    for article in articles:
        sources = [(article.cover, article.cover_caption, article.cover_alt, "")]
        sources += [(p.image, p.caption, p.alt_text, p.credit) for p in article.photos.all()]
        for image, caption, alt, credit in sources:
            if not image or not alt:
                continue
            picture, _ = Picture.objects.get_or_create(
                image=image.name,
                defaults={
                    "caption": caption,
                    "alt_text": alt,
                    "credit": credit or article.author_name,
                },
            )
            found.append(picture)
            if len(found) == PICTURES_PER_ALBUM:
                return found
    return found


def load_album(spec):
    day = timezone.localdate() - dt.timedelta(days=spec["days_ago"])
    album, created = Album.objects.get_or_create(
        slug=vietnamese_slugify(spec["title"]),
        defaults={
            "title": spec["title"],
            "description": spec["description"],
            "event_date": day,
            "is_published": True,
            "published_at": timezone.now() - dt.timedelta(days=spec["days_ago"] - 1),
        },
    )
    if not album.items.exists():
        for order, picture in enumerate(library_pictures(spec["categories"]), start=1):
            caption = spec["captions"].get(order, "")
            AlbumPicture.objects.create(album=album, picture=picture, caption=caption, order=order)
    return created


def load_videos(stdout):
    try:
        import imageio_ffmpeg
    except ImportError:
        stdout.write("  Không có imageio-ffmpeg: bỏ qua video mẫu.")
        return 0
    created_count = 0
    for index, spec in enumerate(VIDEOS):
        day = timezone.localdate() - dt.timedelta(days=spec["days_ago"])
        video, created = Video.objects.get_or_create(
            slug=vietnamese_slugify(spec["title"]),
            defaults={
                "title": spec["title"],
                "description": spec["description"],
                "recorded_on": day,
                "is_published": True,
                "published_at": timezone.now() - dt.timedelta(days=spec["days_ago"] - 1),
            },
        )
        created_count += created
        if not (video.file and video.file.storage.exists(video.file.name)):
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "demo.mp4"
                encode(imageio_ffmpeg, path, spec, seed=index)
                with path.open("rb") as handle:
                    video.file.save("demo.mp4", File(handle))
        ensure_poster(video)
    return created_count


def encode(imageio_ffmpeg, path, spec, *, seed):
    """A few seconds moving slowly across a drawn scene (news' demo drawing), in H.264."""
    from news.management.commands.load_demo import draw

    scene = Image.open(
        io.BytesIO(draw(spec["scene"], spec["label"], hue=seed * 0.3, seed=seed).read())
    )
    width, height = VIDEO_SIZE
    window = (960, 540)
    frames = VIDEO_SECONDS * VIDEO_FPS
    writer = imageio_ffmpeg.write_frames(
        str(path),
        VIDEO_SIZE,
        fps=VIDEO_FPS,
        codec="libx264",
        macro_block_size=8,
        output_params=["-crf", "30", "-preset", "veryfast", "-movflags", "+faststart", "-an"],
    )
    writer.send(None)
    for frame in range(frames):
        x = round((scene.width - window[0]) * frame / (frames - 1))
        y = round((scene.height - window[1]) * 0.5)
        box = (x, y, x + window[0], y + window[1])
        writer.send(scene.resize((width, height), Image.Resampling.BILINEAR, box=box).tobytes())
    writer.close()
