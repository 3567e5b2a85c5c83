import datetime as dt
import functools

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone

from news.models import Article, Category, Photo
from portal.gallery.models import Album, AlbumPicture, Video
from portal.newsroom import roles
from portal.newsroom.models import StaffProfile, Unit
from portal.photos.models import Picture


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("mat-khau-thu-nghiem-1")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ["short_name"]

    short_name = "CĐ Ngành Giáo dục"
    name = factory.LazyAttribute(lambda u: f"{u.short_name} tỉnh")
    kind = Unit.Kind.INDUSTRY


def role(name):
    """The newsroom group, made again if a transactional test flushed the migration's rows."""
    group = Group.objects.filter(name=name).first()
    if group is None or not group.permissions.exists():
        roles.sync_roles(Group, Permission)
        group = Group.objects.get(name=name)
    return group


class StaffFactory(UserFactory):
    """A staff account with a profile, in a newsroom role (by default Biên tập viên)."""

    is_staff = True
    role_name = roles.EDITOR
    unit = None
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Biên {n}")

    class Meta:
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, role_name, unit, full_name, **kwargs):
        user = super()._create(model_class, *args, **kwargs)
        StaffProfile.objects.get_or_create(
            user=user, defaults={"full_name": full_name, "unit": unit}
        )
        if role_name:
            user.groups.add(role(role_name))
        return user


class CorrespondentFactory(StaffFactory):
    role_name = roles.CORRESPONDENT
    unit = factory.SubFactory(UnitFactory)
    full_name = factory.Sequence(lambda n: f"Trần Thị Cộng Tác {n}")


class ContentAdminFactory(StaffFactory):
    role_name = roles.CONTENT_ADMIN
    full_name = factory.Sequence(lambda n: f"Lê Quản Trị {n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Hoạt động công đoàn {n}")
    slug = factory.Sequence(lambda n: f"hoat-dong-cong-doan-{n}")
    order = factory.Sequence(int)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Công đoàn cơ sở tổ chức hội nghị người lao động số {n}")
    summary = "Sáng nay, công đoàn cơ sở tổ chức hội nghị người lao động có đông đoàn viên dự."
    body = "<p>Hội nghị đã thông qua quy chế dân chủ ở cơ sở và thỏa ước lao động tập thể.</p>"
    author_name = "Minh Thư"
    author_unit = factory.SubFactory(UnitFactory)
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        # Tests may name the unit as a byline does: author_unit="CĐCKCN" (or "" for none).
        unit = kwargs.get("author_unit")
        if isinstance(unit, str):
            kwargs["author_unit"] = UnitFactory(short_name=unit) if unit else None
        return kwargs

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=1))
        )
        with_cover = factory.Trait(
            cover=factory.django.ImageField(width=800, height=500, color="#b0101f"),
            cover_caption="Quang cảnh hội nghị",
            cover_alt="Hội trường đông người dự hội nghị",
        )


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    article = factory.SubFactory(ArticleFactory)
    image = factory.django.ImageField(width=640, height=400, color="#0b4f9c")
    caption = factory.Sequence(lambda n: f"Đồng chí Lê Văn Hòa phát biểu tại hội nghị (ảnh {n})")
    alt_text = factory.Sequence(lambda n: f"Người đàn ông đứng phát biểu trước micro, ảnh {n}")
    credit = "Thanh Tâm"
    order = factory.Sequence(int)


# Gallery (portal/gallery) ---------------------------------------------------------------------


@functools.cache
def video_bytes(fmt="mp4", codec="libx264", seconds=2, faststart=True, extra=()):
    """A short generated video (moving colour blocks), encoded by imageio-ffmpeg's ffmpeg."""
    import subprocess
    import tempfile
    from pathlib import Path

    import imageio_ffmpeg

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"video.{fmt}"
        command = [
            imageio_ffmpeg.get_ffmpeg_exe(), "-nostdin", "-loglevel", "error",
            "-f", "lavfi", "-i", f"testsrc2=size=160x90:rate=10:duration={seconds}",
            "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
            "-c:v", codec, "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
        ]  # fmt: skip
        if faststart and fmt == "mp4":
            command += ["-movflags", "+faststart"]
        command += list(extra)  # e.g. metadata a phone writes
        subprocess.run([*command, "-f", fmt, str(path)], check=True, capture_output=True)
        return path.read_bytes()


class PictureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Picture

    image = factory.django.ImageField(width=640, height=400, color="#1d7a3e")
    caption = factory.Sequence(lambda n: f"Đoàn viên dự hội thao công nhân (ảnh {n})")
    alt_text = factory.Sequence(lambda n: f"Nhóm công nhân mặc áo xanh kéo co, ảnh {n}")
    credit = "Hải Yến"


class AlbumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Album

    title = factory.Sequence(lambda n: f"Hội thao công nhân khu công nghiệp lần {n}")
    description = "Các đội thi kéo co, bóng chuyền hơi và chạy tiếp sức."
    event_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3))
    is_published = True
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))


class AlbumPictureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AlbumPicture

    album = factory.SubFactory(AlbumFactory)
    picture = factory.SubFactory(PictureFactory)
    order = factory.Sequence(int)


class VideoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Video

    title = factory.Sequence(lambda n: f"Phóng sự: bữa ăn giữa ca của công nhân số {n}")
    description = "Công đoàn cơ sở cùng doanh nghiệp nâng chất lượng bữa ăn giữa ca."
    recorded_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=2))
    file = factory.LazyFunction(lambda: ContentFile(video_bytes(), name="phong-su.mp4"))
    poster = factory.SubFactory(PictureFactory)
    is_published = True
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))
