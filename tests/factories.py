import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from news.models import Article, Category, Photo
from portal.newsroom import roles
from portal.newsroom.models import StaffProfile, Unit


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


# portal.photos: library pictures (issue 9, pictures picked for an article's body).
class PictureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "photos.Picture"

    image = factory.django.ImageField(width=1200, height=750, color="#2f7d32")
    caption = factory.Sequence(lambda n: f"Đoàn viên dự lớp tập huấn nghiệp vụ (ảnh {n})")
    alt_text = factory.Sequence(lambda n: f"Học viên ngồi nghe giảng trong hội trường, ảnh {n}")
    credit = "Hồng Nhung"
