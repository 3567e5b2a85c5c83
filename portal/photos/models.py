from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFill, ResizeToFit

from news.images import SafeImageField
from news.models import normalize_text_fields
from news.search import search_document

FOCAL = [MinValueValidator(0.0), MaxValueValidator(1.0)]


class Picture(models.Model):
    """A picture stored once in the library; covers and photos of articles name its file."""

    image = SafeImageField("ảnh", upload_to="library/%Y/%m/")
    caption = models.CharField(
        "chú thích", max_length=500, blank=True, help_text="Hiện dưới ảnh: ai, ở đâu, làm gì."
    )
    alt_text = models.CharField(
        "mô tả ảnh (alt)",
        max_length=255,
        help_text="Tả điều ảnh cho thấy cho người dùng trình đọc màn hình; không chép chú thích.",
    )
    credit = models.CharField("nguồn ảnh", max_length=120, blank=True)
    taken_at = models.DateField("ngày chụp", null=True, blank=True)
    # Where the subject is, 0..1 from the left and from the top: crops keep it in the frame.
    focal_x = models.FloatField("tâm ảnh (ngang)", default=0.5, validators=FOCAL)
    focal_y = models.FloatField("tâm ảnh (dọc)", default=0.5, validators=FOCAL)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="người tải lên",
    )
    uploaded_at = models.DateTimeField("tải lên lúc", default=timezone.now, editable=False)
    # Folded words of caption, alt and credit (news.search), written by save().
    search_text = models.TextField(editable=False, blank=True, default="")

    thumbnail = ImageSpecField(
        source="image", processors=[ResizeToFill(160, 100)], format="JPEG", options={"quality": 80}
    )
    display = ImageSpecField(
        source="image", processors=[ResizeToFit(1200, 1200)], format="JPEG", options={"quality": 85}
    )

    class Meta:
        verbose_name = "ảnh"
        verbose_name_plural = "ảnh trong thư viện"
        ordering = ["-uploaded_at", "-id"]
        get_latest_by = "uploaded_at"
        indexes = [models.Index(fields=["-uploaded_at"], name="picture_uploaded_idx")]

    def __str__(self):
        text = self.caption or self.alt_text or self.image.name.rsplit("/", 1)[-1]
        return f"{text} ({timezone.localtime(self.uploaded_at):%d/%m/%Y})"

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        self.search_text = search_document(self.caption, self.alt_text, self.credit)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)
