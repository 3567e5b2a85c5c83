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
from portal.sitesettings.models import Link, SiteSettings


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


# --- Hỏi đáp pháp luật lao động (portal/questions) ------------------------------------------

from portal.questions.models import Question, Topic  # noqa: E402


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Tiền lương và phụ cấp {n}")
    slug = factory.Sequence(lambda n: f"tien-luong-va-phu-cap-{n}")
    order = factory.Sequence(int)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question as it arrives from the form (Chờ trả lời); ``published=True`` for an answered
    and published one."""

    class Meta:
        model = Question

    asker_name = "Nguyễn Văn Hùng"
    phone = "0912 345 678"
    email = factory.Sequence(lambda n: f"nguoihoi{n}@example.org")
    workplace = "Công ty TNHH May mặc Phú Thịnh"
    ip_address = "203.0.113.7"
    topic = factory.SubFactory(TopicFactory)
    question = factory.Sequence(
        lambda n: (
            f"Công ty trả lương làm thêm giờ ngày chủ nhật như ngày thường có đúng không? ({n})"
        )
    )

    class Params:
        published = factory.Trait(
            status=Question.Status.PUBLISHED,
            title=factory.Sequence(lambda n: f"Lương làm thêm giờ vào ngày nghỉ hằng tuần {n}"),
            slug=factory.Sequence(lambda n: f"luong-lam-them-gio-{n}"),
            answer="<p>Bạn được trả ít nhất bằng 200% tiền lương của ngày làm việc thường.</p>",
            answered_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=2)),
            published_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1)),
        )


# --- portal.documents -------------------------------------------------------------------------

from portal.documents import samples as document_samples  # noqa: E402
from portal.documents.files import as_upload  # noqa: E402
from portal.documents.models import (  # noqa: E402
    Document,
    DocumentFile,
    DocumentType,
    Field,
    Issuer,
)


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Loại văn bản {n}")


class IssuerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Issuer
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Công đoàn ngành số {n}")


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: f"{100 + n}/KH-LĐLĐ")
    # By name: the rows of migration 0002, or new ones where a test flushed the database.
    doc_type = factory.SubFactory(DocumentTypeFactory, name="Kế hoạch")
    issuer = factory.SubFactory(IssuerFactory, name="Liên đoàn Lao động tỉnh")
    field = factory.SubFactory(FieldFactory, name="Tuyên giáo")
    summary = factory.Sequence(lambda n: f"Kế hoạch tuyên truyền chính sách cho đoàn viên đợt {n}")
    signer = "Phó Chủ tịch Nguyễn Thị Lan"
    issued_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3))
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))

    class Params:
        hidden = factory.Trait(is_public=False)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=1))
        )


def attach_document_file(document, kind="pdf", name=None, order=0, title=""):
    """A real small file of ``kind`` stored on ``document`` through the checks."""
    data = {
        "pdf": lambda: document_samples.pdf(["Van ban kem theo"]),
        "docx": lambda: document_samples.docx(["Văn bản kèm theo"]),
        "xlsx": lambda: document_samples.xlsx("Bang", ["STT"], [[1]]),
    }[kind]()
    name = name or f"tep-kem-theo.{kind}"
    attached = DocumentFile(document=document, order=order, title=title)
    attached.file.save(name, as_upload(data, name), save=True)
    return attached


# --- portal/sitesettings -------------------------------------------------------------------


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Link

    site = factory.LazyFunction(SiteSettings.get_solo)
    kind = Link.Kind.HIGHER
    name = factory.Sequence(lambda n: f"Liên đoàn Lao động tỉnh bạn số {n}")
    url = factory.Sequence(lambda n: f"https://lienket{n}.example.vn")
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


# portal.photos: library pictures, picked for covers, article bodies, albums and posters.
class PictureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Picture

    image = factory.django.ImageField(width=1200, height=750, color="#2f7d32")
    caption = factory.Sequence(lambda n: f"Đoàn viên dự lớp tập huấn nghiệp vụ (ảnh {n})")
    alt_text = factory.Sequence(lambda n: f"Học viên ngồi nghe giảng trong hội trường, ảnh {n}")
    credit = "Hồng Nhung"


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
