from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone

from news.models import normalize_text_fields, unique_slug
from news.search import search_document
from portal.photos.models import Picture

from .video import VideoField

SLUG_HELP = "Tự tạo từ tiêu đề, không dấu. Trùng thì thêm -2, -3."
PICTURE_HELP = "Gõ vài chữ của chú thích, không cần dấu. Ảnh dùng chung với thư viện ảnh."


class PublishedQuerySet(models.QuerySet):
    def published(self):
        """The one rule for what the public sees of an album or a video: shown, its time come."""
        return self.filter(is_published=True, published_at__lte=timezone.now())


class AlbumQuerySet(PublishedQuerySet):
    def for_cards(self):
        """What an album card needs, in the same query: its picture file (the cover, else the
        first picture) and how many pictures it holds."""
        first = (
            AlbumPicture.objects.filter(album=models.OuterRef("pk"))
            .order_by("order", "id")
            .values("picture__image")[:1]
        )
        return self.annotate(
            card_image=Coalesce(
                NullIf("cover__image", Value("")),
                models.Subquery(first),
                output_field=models.CharField(),
            ),
            picture_total=models.Count("items"),
        ).order_by(*self.model._meta.ordering)  # a GROUP BY query drops Meta.ordering


class Publishable(models.Model):
    """Title, slug, description and the published state an album and a video share."""

    title = models.CharField("tiêu đề", max_length=255)
    slug = models.SlugField(
        "đường dẫn", max_length=255, unique=True, blank=True, help_text=SLUG_HELP
    )
    description = models.TextField("mô tả", blank=True, help_text="Văn bản thường, vài câu.")
    is_published = models.BooleanField(
        "hiển thị", default=False, help_text="Bỏ chọn để ẩn khỏi trang công khai."
    )
    published_at = models.DateTimeField(
        "thời điểm xuất bản",
        default=timezone.now,
        help_text="Đặt giờ sau này để hẹn giờ; trước giờ đó bạn đọc chưa thấy.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="người tạo",
    )
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    # Folded words of title and description (news.search), written by save(); the admin search.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        if not self.slug:
            self.slug = unique_slug(type(self), self.title, exclude_pk=self.pk)
        self.search_text = search_document(self.title, self.description)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def clean(self):
        # Before the form's uniqueness check, so a clashing slug becomes -2, not an error.
        self.slug = unique_slug(type(self), self.slug or self.title, exclude_pk=self.pk)

    def is_published_now(self):
        return self.is_published and self.published_at <= timezone.now()


class Album(Publishable):
    event_date = models.DateField("ngày diễn ra sự kiện")
    cover = models.ForeignKey(
        "photos.Picture",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ảnh bìa",
        help_text="Để trống: dùng ảnh đầu tiên của album. " + PICTURE_HELP,
    )
    pictures = models.ManyToManyField(
        "photos.Picture", through="AlbumPicture", related_name="albums", verbose_name="ảnh"
    )

    objects = AlbumQuerySet.as_manager()

    class Meta:
        verbose_name = "album ảnh"
        verbose_name_plural = "album ảnh"
        ordering = ["-event_date", "-published_at", "-id"]
        get_latest_by = "published_at"
        indexes = [
            models.Index(fields=["is_published", "-event_date"], name="album_published_idx"),
        ]

    def get_absolute_url(self):
        return reverse("gallery:album-detail", kwargs={"slug": self.slug})

    @property
    def card_file(self):
        """The card's picture as a stored file (for {% picture %}), from for_cards()."""
        name = getattr(self, "card_image", None)
        if not name:
            return None
        field = Picture._meta.get_field("image")
        return field.attr_class(self, field, name)


class AlbumPicture(models.Model):
    """A library picture in an album, in its place; the picture's file is stored once."""

    album = models.ForeignKey(
        Album, on_delete=models.CASCADE, related_name="items", verbose_name="album"
    )
    picture = models.ForeignKey(
        "photos.Picture",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="ảnh trong thư viện",
        help_text=PICTURE_HELP,
    )
    caption = models.CharField(
        "chú thích trong album",
        max_length=500,
        blank=True,
        help_text="Để trống: dùng chú thích của ảnh trong thư viện.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "ảnh của album"
        verbose_name_plural = "ảnh của album"
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["album", "picture"], name="album_picture_once"),
        ]

    def __str__(self):
        return self.shown_caption or str(self.picture)

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        super().save(*args, **kwargs)

    @property
    def shown_caption(self):
        """The album's own caption, else the library's."""
        return self.caption.strip() or self.picture.caption


class Video(Publishable):
    recorded_on = models.DateField("ngày quay")
    file = VideoField("tệp video (MP4)", upload_to="gallery/videos/%Y/%m/")
    poster = models.ForeignKey(
        "photos.Picture",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ảnh đại diện",
        help_text=(
            "Để trống: lấy khung hình ở giây thứ nhất của video và lưu vào thư viện ảnh. "
            + PICTURE_HELP
        ),
    )
    # Read from the file when it is stored (portal.gallery.video), never typed.
    duration = models.FloatField("thời lượng (giây)", default=0, editable=False)
    width = models.PositiveIntegerField("chiều rộng (px)", default=0, editable=False)
    height = models.PositiveIntegerField("chiều cao (px)", default=0, editable=False)
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0, editable=False)

    class Meta:
        verbose_name = "video"
        verbose_name_plural = "video"
        ordering = ["-recorded_on", "-published_at", "-id"]
        get_latest_by = "published_at"
        indexes = [
            models.Index(fields=["is_published", "-recorded_on"], name="video_published_idx"),
        ]

    def get_absolute_url(self):
        return reverse("gallery:video-detail", kwargs={"slug": self.slug})

    @property
    def duration_text(self):
        """'1:05' or '1:02:05'."""
        minutes, seconds = divmod(round(self.duration), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    @property
    def size_text(self):
        """'12,3 MB', or '38 KB' under a megabyte."""
        if self.size < 1024 * 1024:
            return f"{max(1, round(self.size / 1024))} KB"
        return f"{self.size / 1024 / 1024:.1f} MB".replace(".", ",")
