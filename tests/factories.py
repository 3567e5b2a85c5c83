import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from news.models import Article, Category, Photo


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("mat-khau-thu-nghiem-1")


class StaffFactory(UserFactory):
    """Staff who may add and edit articles (and their photos) in the admin."""

    is_staff = True

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def editor_permissions(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        codenames = [
            f"{action}_{model}"
            for model in ("article", "photo", "category")
            for action in ("add", "change", "view", "delete")
        ]
        self.user_permissions.add(*Permission.objects.filter(codename__in=codenames))


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
    author_unit = "CĐ Ngành Giáo dục"
    category = factory.SubFactory(CategoryFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)
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
