"""Who writes: the federation's units and the staff behind each byline."""

from django.conf import settings
from django.db import models

from news.text import nfc, vietnamese_slugify
from portal import urlcache


class Unit(models.Model):
    """A unit that sends news: a district federation, an industry union, a grassroots union..."""

    class Kind(models.TextChoices):
        DISTRICT = "district", "LĐLĐ cấp huyện"
        INDUSTRY = "industry", "Công đoàn ngành"
        ZONE = "zone", "Công đoàn các khu công nghiệp"
        GRASSROOTS = "grassroots", "Công đoàn cơ sở"
        OFFICE = "office", "Ban, văn phòng Liên đoàn"

    name = models.CharField("tên đơn vị", max_length=200)
    short_name = models.CharField(
        "tên viết tắt",
        max_length=60,
        unique=True,
        help_text="Hiện sau tên tác giả: «Thúy Quyên - CĐCKCN».",
    )
    slug = models.SlugField("đường dẫn", max_length=80, unique=True, blank=True)
    kind = models.CharField("loại đơn vị", max_length=12, choices=Kind.choices)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    active = models.BooleanField("đang hoạt động", default=True)

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["order", "name"]

    def __str__(self):
        return (
            self.short_name if self.short_name == self.name else f"{self.name} ({self.short_name})"
        )

    def save(self, *args, **kwargs):
        self.name, self.short_name = nfc(self.name), nfc(self.short_name)
        if not self.slug:
            self.slug = vietnamese_slugify(self.short_name)[:80] or f"don-vi-{self.pk or ''}"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return urlcache.reverse("news:unit-detail", slug=self.slug)


class StaffProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name="tài khoản",
    )
    full_name = models.CharField(
        "họ và tên", max_length=120, help_text="Hiện trong danh sách bài và lịch sử bài."
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name="đơn vị",
    )
    phone = models.CharField("điện thoại", max_length=20, blank=True)

    class Meta:
        verbose_name = "hồ sơ cán bộ"
        verbose_name_plural = "hồ sơ cán bộ"

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = nfc(self.full_name)
        super().save(*args, **kwargs)
