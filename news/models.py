import reversion
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill

from portal import urlcache
from portal.newsroom.models import Unit

from .editor import CleanRichTextField
from .images import SafeImageField
from .sanitize import clean_html
from .search import html_to_text, search_document
from .text import nfc, vietnamese_slugify

MENU_CACHE_KEY = "news:menu-categories"
# The sidebar's latest articles (news.context_processors.latest_articles).
LATEST_CACHE_KEY = "news:latest-articles"
# What Article.search_text is made of; QuerySet.update() of these skips it (use save()).
SEARCHED_FIELDS = {"title", "summary", "body", "author_name"}


def normalize_text_fields(instance):
    """Store every text field NFC-composed, whatever the keyboard sent."""
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            setattr(instance, field.attname, nfc(getattr(instance, field.attname)))


def unique_slug(model, text, *, exclude_pk=None, max_length=255):
    """A slug for ``text`` that no other row of ``model`` has: a clash gets -2, -3, ..."""
    base = slug_base(text, max_length)
    taken = set(
        model.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    return free_slug(base, taken)


def slug_base(text, max_length=255):
    return vietnamese_slugify(text)[: max_length - 10].strip("-") or "bai-viet"


def free_slug(base, taken):
    """``base``, or ``base-2``, ``base-3``… whichever ``taken`` does not hold."""
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def forget_latest():
    """Drop the cached latest articles now and once the transaction commits: a page rendered
    before the commit would otherwise cache the list as it was."""
    cache.delete(LATEST_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(LATEST_CACHE_KEY))


class Category(models.Model):
    name = models.CharField("tên chuyên mục", max_length=120)
    slug = models.SlugField("đường dẫn", max_length=140, unique=True, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    description = models.TextField("mô tả", blank=True)

    class Meta:
        verbose_name = "chuyên mục"
        verbose_name_plural = "chuyên mục"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        if not self.slug:
            self.slug = unique_slug(Category, self.name, exclude_pk=self.pk, max_length=140)
        super().save(*args, **kwargs)
        cache.delete(MENU_CACHE_KEY)

    def get_absolute_url(self):
        return urlcache.reverse("news:category-detail", slug=self.slug)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cache.delete(MENU_CACHE_KEY)
        return result


CARD_COLUMNS = ("title", "slug", "summary", "cover", "published_at", "status", "is_featured")


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """The one rule for what the public may see: published, its time come and not yet gone,
        not in the trash."""
        now = now or timezone.now()
        return self.filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now),
            status=Article.Status.PUBLISHED,
            published_at__lte=now,
            deleted_at__isnull=True,
        )

    def live(self):
        """Not in the trash: what the admin works with."""
        return self.filter(deleted_at__isnull=True)

    def for_cards(self):
        """What a list item needs, in the same query."""
        return self.select_related("category").only(
            *CARD_COLUMNS, "category__name", "category__slug"
        )

    def card_columns(self):
        """A list item's own columns: its category then comes from the menu's shared rows
        (news.related.with_categories), not a join."""
        return self.only(*CARD_COLUMNS, "category")


# Versions of an article carry its photos; derived search text is left out of them.
@reversion.register(follow=["photos"], exclude=["search_title", "search_text"])
class Article(models.Model):
    class Status(models.TextChoices):
        # Changed only by news.workflow.transition(), which checks the role and logs the step.
        DRAFT = "draft", "Nháp"
        PENDING = "pending", "Chờ duyệt"
        RETURNED = "returned", "Trả lại"
        PUBLISHED = "published", "Đã xuất bản"
        WITHDRAWN = "withdrawn", "Đã gỡ"

    title = models.CharField("tiêu đề", max_length=255)
    slug = models.SlugField(
        "đường dẫn",
        max_length=255,
        unique=True,
        blank=True,
        help_text="Tự tạo từ tiêu đề, không dấu. Trùng thì thêm -2, -3.",
    )
    summary = models.TextField("sa-pô", help_text="Đoạn dẫn đầu bài, văn bản thường.")
    body = CleanRichTextField("nội dung")
    cover = SafeImageField("ảnh đại diện", upload_to="news/covers/%Y/%m/", blank=True)
    cover_caption = models.CharField("chú thích ảnh đại diện", max_length=500, blank=True)
    cover_alt = models.CharField(
        "mô tả ảnh đại diện (alt)",
        max_length=255,
        blank=True,
        help_text="Tả điều ảnh cho thấy, cho người không xem được ảnh. Bắt buộc khi có ảnh.",
    )
    # The library picture the cover comes from: ``cover`` then names the picture's own file.
    cover_picture = models.ForeignKey(
        "photos.Picture",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="hoặc chọn ảnh trong thư viện",
        help_text="Gõ vài chữ của chú thích, không cần dấu. Ảnh dùng chung, không chép thêm tệp.",
    )
    author_name = models.CharField(
        "tác giả", max_length=200, help_text="Một hoặc nhiều tên, ví dụ: Thúy Quyên."
    )
    author_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name="đơn vị gửi bài",
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name="chuyên mục"
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        "thời điểm xuất bản",
        null=True,
        blank=True,
        help_text="Để trống: lấy lúc bài được duyệt đăng. Đặt giờ trong tương lai để hẹn giờ.",
    )
    expires_at = models.DateTimeField(
        "thôi hiển thị lúc",
        null=True,
        blank=True,
        help_text="Để trống nếu bài hiển thị lâu dài.",
    )
    is_featured = models.BooleanField("tin nổi bật", default=False)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="articles",
        verbose_name="người tạo",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="người sửa cuối",
    )
    # Bumped by every save: a form carries the value it was opened at (news/concurrency.py).
    edit_version = models.PositiveIntegerField("lần sửa", default=0, editable=False)
    deleted_at = models.DateTimeField("vào thùng rác lúc", null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="người xóa",
    )

    # Folded words for search (news/search.py), written by save(); never edited by hand.
    search_title = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")

    cover_card = ImageSpecField(
        source="cover", processors=[ResizeToFill(480, 300)], format="JPEG", options={"quality": 82}
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "bài viết"
        verbose_name_plural = "bài viết"
        ordering = ["-published_at", "-id"]
        get_latest_by = "published_at"
        permissions = [
            ("submit_article", "Gửi bài chờ duyệt"),
            ("review_article", "Duyệt, trả lại, xuất bản, hẹn giờ, gỡ bài và đặt tin nổi bật"),
            ("edit_all_units", "Xem và sửa bài của mọi đơn vị"),
        ]
        indexes = [
            # Lists, pages and neighbours walk these in order; with the rest of published()'s
            # columns in them, a page's ids come from the index alone (news/paging.py).
            models.Index(
                fields=["status", "-published_at", "-id", "expires_at", "deleted_at"],
                name="article_list_idx",
            ),
            models.Index(
                fields=["category", "status", "-published_at", "-id", "expires_at", "deleted_at"],
                name="article_cat_list_idx",
            ),
            models.Index(
                fields=["is_featured", "status", "-published_at"], name="article_featured_idx"
            ),
            # The admin's list: every state, newest first; also its date bar's first and last.
            models.Index(fields=["-published_at", "-id"], name="article_admin_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.prepare()
        if not self.slug:
            self.slug = unique_slug(Article, self.title, exclude_pk=self.pk)
        self.edit_version += 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            extra = {"edit_version", "updated_at"}
            if SEARCHED_FIELDS.intersection(update_fields):
                extra |= {"search_title", "search_text"}
            kwargs["update_fields"] = {*update_fields, *extra}
        super().save(*args, **kwargs)
        forget_latest()

    def get_absolute_url(self):
        return urlcache.reverse("news:article-detail", slug=self.slug)

    def prepare(self):
        """What every write derives from what a person typed: NFC text, the cleaned body and the
        folded search text. save() and the bulk import (news/importing.py) both call it."""
        normalize_text_fields(self)
        # The field cleans again on write; cleaning here keeps this instance and its search text
        # equal to what is stored.
        self.body = clean_html(self.body)
        self.search_title = search_document(self.title)
        self.search_text = search_document(
            self.title, self.summary, html_to_text(self.body), self.author_name
        )

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        forget_latest()
        return result

    def clean(self):
        if self.cover and not self.cover_alt.strip():
            raise ValidationError(
                {"cover_alt": "Hãy mô tả ảnh đại diện cho người không xem được ảnh."}
            )
        if self.expires_at and self.published_at and self.expires_at <= self.published_at:
            raise ValidationError({"expires_at": "Thời điểm thôi hiển thị phải sau lúc xuất bản."})
        # Runs before the form's uniqueness check, so a clashing slug becomes -2, not an error.
        self.slug = unique_slug(Article, self.slug or self.title, exclude_pk=self.pk)

    def is_published(self):
        now = timezone.now()
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= now
            and (self.expires_at is None or self.expires_at > now)
            and self.deleted_at is None
        )

    @property
    def state_label(self):
        """The state as the newsroom says it: Nháp, Chờ duyệt, Hẹn giờ 08:00 25/11, ..."""
        if self.status != self.Status.PUBLISHED:
            return self.get_status_display()
        now = timezone.now()
        if self.published_at and self.published_at > now:
            return f"Hẹn giờ {timezone.localtime(self.published_at):%H:%M %d/%m}"
        if self.expires_at and self.expires_at <= now:
            return "Hết hạn hiển thị"
        return "Đang hiển thị"

    @property
    def byline(self):
        unit = self.author_unit.short_name if self.author_unit_id else ""
        return " - ".join(part for part in (self.author_name, unit) if part)


class TrashedArticle(Article):
    """Articles in the trash, for their own admin list (news/trash.py moves them in and out)."""

    class Meta:
        proxy = True
        verbose_name = "bài trong thùng rác"
        verbose_name_plural = "thùng rác"
        default_permissions = ()


@reversion.register()
class Photo(models.Model):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="photos", verbose_name="bài viết"
    )
    image = SafeImageField("ảnh", upload_to="news/photos/%Y/%m/")
    caption = models.CharField(
        "chú thích", max_length=500, blank=True, help_text="Hiện dưới ảnh: ai, ở đâu, làm gì."
    )
    alt_text = models.CharField(
        "mô tả ảnh (alt)",
        max_length=255,
        help_text="Tả điều ảnh cho thấy cho người dùng trình đọc màn hình; không chép chú thích.",
    )
    credit = models.CharField("nguồn ảnh", max_length=120, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    # The library picture this photo comes from: ``image`` then names the picture's own file.
    picture = models.ForeignKey(
        "photos.Picture",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="hoặc chọn ảnh trong thư viện",
        help_text="Gõ vài chữ của chú thích, không cần dấu. Ảnh dùng chung, không chép thêm tệp.",
    )

    thumbnail = ImageSpecField(
        source="image", processors=[ResizeToFill(160, 100)], format="JPEG", options={"quality": 80}
    )

    class Meta:
        verbose_name = "ảnh"
        verbose_name_plural = "ảnh trong bài"
        ordering = ["order", "id"]

    def __str__(self):
        return self.caption or self.alt_text

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        super().save(*args, **kwargs)


class ArticleTransition(models.Model):
    """One step of an article's life, written only by news.workflow.transition()."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="transitions", verbose_name="bài viết"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="người thực hiện",
    )
    at = models.DateTimeField("lúc", default=timezone.now, db_index=True)
    from_status = models.CharField("từ", max_length=10, choices=Article.Status.choices)
    to_status = models.CharField("sang", max_length=10, choices=Article.Status.choices)
    comment = models.TextField("ghi chú", blank=True)
    # A publication time chosen for this step (Hẹn giờ), kept for the timeline.
    publish_at = models.DateTimeField("hẹn đăng lúc", null=True, blank=True)

    class Meta:
        verbose_name = "lượt chuyển trạng thái"
        verbose_name_plural = "lượt chuyển trạng thái"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["to_status", "at"], name="transition_report_idx")]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class Autosave(models.Model):
    """What a person's open article form held at its last tick: theirs alone, never the article.

    One per person and article (article empty: a new article's form).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="người sửa",
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    data = models.JSONField("nội dung", default=dict)
    saved_at = models.DateTimeField("lúc tự lưu", default=timezone.now)

    class Meta:
        verbose_name = "bản tự lưu"
        verbose_name_plural = "bản tự lưu"
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="one_autosave_per_form")
        ]

    def __str__(self):
        return f"{self.user} {self.saved_at:%H:%M %d/%m/%Y}"
