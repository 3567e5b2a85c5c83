"""The federation's own details, one row edited in the admin: nothing about one province is in
the code or the templates, so another federation installs the same code and fills this form."""

import re

from django import forms
from django.core.cache import cache
from django.core.validators import RegexValidator, URLValidator
from django.db import models, transaction
from django.templatetags.static import static
from solo.models import SingletonModel

from news.images import SafeImageField

CACHE_KEY = "sitesettings:current"
# Saves clear the key; the timeout only bounds what a change made outside save() could leave.
CACHE_TIMEOUT = 60 * 60

BAD_URL = "Nhập một địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://."
HTTP_URL = URLValidator(schemes=["http", "https"], message=BAD_URL)
PHONE = RegexValidator(
    r"^\+?[0-9][0-9 .()-]{5,30}$",
    "Số điện thoại chỉ gồm chữ số, khoảng trắng, dấu chấm hoặc gạch ngang, ví dụ 0270 3822 000.",
)


def tel_uri(number):
    """``tel:`` link for a number as people write it: 0270 3822 000 -> tel:02703822000."""
    return "tel:" + re.sub(r"[^0-9+]", "", number) if number else ""


class HttpURLFormField(forms.URLField):
    default_validators = [HTTP_URL]
    default_error_messages = {"invalid": BAD_URL}


class HttpURLField(models.URLField):
    """A web address: http or https only (no javascript:, data: or ftp:), one clear message."""

    default_validators = [HTTP_URL]

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": HttpURLFormField, "assume_scheme": "https", **kwargs}
        )


class SiteSettings(SingletonModel):
    federation_name = models.CharField(
        "tên liên đoàn",
        max_length=200,
        default="Liên đoàn Lao động tỉnh",
        help_text="Tên đầy đủ, ví dụ: Liên đoàn Lao động tỉnh Sông Lam.",
    )
    province_name = models.CharField(
        "tên tỉnh", max_length=100, blank=True, help_text="Ví dụ: Sông Lam."
    )
    portal_name = models.CharField(
        "tên cổng thông tin",
        max_length=200,
        default="Cổng thông tin Liên đoàn Lao động tỉnh",
        help_text="Hiện ở tiêu đề trang, đầu trang, tin RSS và thư gửi cán bộ.",
    )
    short_name = models.CharField(
        "tên viết tắt", max_length=60, blank=True, help_text="Ví dụ: LĐLĐ tỉnh Sông Lam."
    )
    logo = SafeImageField(
        "logo",
        upload_to="site/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text="Ảnh PNG nền trong suốt, vuông, khoảng 256 × 256 px. Để trống: dùng logo chung.",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    address = models.CharField("địa chỉ", max_length=300, blank=True)
    phone = models.CharField("điện thoại", max_length=40, blank=True, validators=[PHONE])
    hotline = models.CharField(
        "đường dây nóng",
        max_length=40,
        blank=True,
        validators=[PHONE],
        help_text="Hiện ở đầu mọi trang.",
    )
    email = models.EmailField("thư điện tử", blank=True)
    licence = models.CharField(
        "giấy phép",
        max_length=300,
        blank=True,
        help_text="Ví dụ: Giấy phép số 12/GP-TTĐT do Sở Thông tin và Truyền thông cấp ngày "
        "05/3/2024.",
    )
    responsible_name = models.CharField("người chịu trách nhiệm", max_length=120, blank=True)
    responsible_title = models.CharField(
        "chức vụ người chịu trách nhiệm",
        max_length=200,
        blank=True,
        help_text="Ví dụ: Phó Chủ tịch Liên đoàn Lao động tỉnh.",
    )

    class Meta:
        verbose_name = "thông tin chung của cổng"
        verbose_name_plural = "thông tin chung của cổng"

    def __str__(self):
        return self.portal_name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        forget()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        forget()
        return result

    @property
    def logo_url(self):
        return self.logo.url if self.logo else static("img/logo.svg")

    @property
    def phone_uri(self):
        return tel_uri(self.phone)

    @property
    def hotline_uri(self):
        return tel_uri(self.hotline)

    def links_of(self, kind):
        return [link for link in self.link_list if link.kind == kind]

    @property
    def higher_links(self):
        return self.links_of(Link.Kind.HIGHER)

    @property
    def sister_links(self):
        return self.links_of(Link.Kind.SISTER)

    @property
    def social_links(self):
        return self.links_of(Link.Kind.SOCIAL)

    # What current() fills in; an instance loaded another way has no links read yet.
    link_list = ()


class Link(models.Model):
    class Kind(models.TextChoices):
        HIGHER = "higher", "Cơ quan cấp trên"
        SISTER = "sister", "Đơn vị bạn"
        SOCIAL = "social", "Mạng xã hội"

    site = models.ForeignKey(
        SiteSettings, on_delete=models.CASCADE, related_name="links", verbose_name="cổng"
    )
    kind = models.CharField("loại", max_length=10, choices=Kind.choices)
    name = models.CharField("tên", max_length=200)
    url = HttpURLField("địa chỉ web", max_length=500)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "liên kết"
        verbose_name_plural = "liên kết"
        ordering = ["kind", "order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        forget()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        forget()
        return result


def forget():
    """Drop the cached settings now and again once the transaction commits, so that a page
    rendered meanwhile cannot keep the old row in the cache."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def current():
    """The settings row with its links: on every page, so cached (two queries when cold), and
    in each worker's memory while the content is unchanged (portal.pagecache.memo)."""
    from portal.pagecache import memo

    return memo.shared("site-settings", _current)


def _current():
    found = cache.get(CACHE_KEY)
    if found is None:
        found = SiteSettings.get_solo()
        found.link_list = list(found.links.all())
        cache.set(CACHE_KEY, found, CACHE_TIMEOUT)
    return found
