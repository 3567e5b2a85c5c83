"""The documents register (văn bản): what a federation issues or passes on, with its files."""

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone

from news.models import normalize_text_fields, unique_slug
from news.search import search_document
from news.text import vietnamese_slugify
from portal import urlcache

from . import cached
from .files import KINDS, UPLOAD_TO, SafeDocumentField


class NamedList(models.Model):
    """A short list staff keep in the admin (types, issuers, fields), offered as filters."""

    name = models.CharField("tên", max_length=200, unique=True)
    slug = models.SlugField(
        "đường dẫn", max_length=80, unique=True, blank=True, help_text="Tự tạo từ tên, không dấu."
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        if not self.slug:
            self.slug = unique_slug(type(self), self.name, exclude_pk=self.pk, max_length=80)
        super().save(*args, **kwargs)
        cached.clear()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cached.clear()
        return result


class DocumentType(NamedList):
    class Meta(NamedList.Meta):
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"


class Issuer(NamedList):
    class Meta(NamedList.Meta):
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"


class Field(NamedList):
    class Meta(NamedList.Meta):
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """The one rule for what the public may see: marked for publication, its time come."""
        return self.filter(is_public=True, published_at__lte=timezone.now())

    def for_list(self):
        """What a row of the public list needs, in the same query."""
        return self.select_related("doc_type", "issuer", "field")


class Document(models.Model):
    class Status(models.TextChoices):
        # Derived from the dates (Document.status), never stored: nothing to forget to update.
        PENDING = "pending", "Chưa có hiệu lực"
        IN_FORCE = "in_force", "Còn hiệu lực"
        EXPIRED = "expired", "Hết hiệu lực"

    number = models.CharField(
        "số/ký hiệu", max_length=60, help_text="Như trên văn bản, ví dụ: 125/QĐ-LĐLĐ."
    )
    doc_type = models.ForeignKey(
        DocumentType, on_delete=models.PROTECT, related_name="documents", verbose_name="loại"
    )
    issuer = models.ForeignKey(
        Issuer,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name="cơ quan ban hành",
    )
    field = models.ForeignKey(
        Field,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name="lĩnh vực",
    )
    summary = models.TextField(
        "trích yếu", help_text="Nội dung tóm tắt như ở đầu văn bản, văn bản thường."
    )
    signer = models.CharField(
        "người ký", max_length=200, blank=True, help_text="Ví dụ: Phó Chủ tịch Nguyễn Văn An."
    )
    issued_on = models.DateField("ngày ban hành")
    effective_on = models.DateField(
        "ngày có hiệu lực", null=True, blank=True, help_text="Để trống: từ ngày ban hành."
    )
    expires_on = models.DateField(
        "ngày hết hiệu lực",
        null=True,
        blank=True,
        help_text="Để trống nếu văn bản còn hiệu lực lâu dài. Từ ngày này văn bản hiện là "
        "“Hết hiệu lực”.",
    )
    slug = models.SlugField(
        "đường dẫn",
        max_length=120,
        unique=True,
        blank=True,
        help_text="Tự tạo từ số/ký hiệu và trích yếu, không dấu.",
    )
    is_public = models.BooleanField(
        "công bố trên cổng", default=True, help_text="Bỏ chọn để giữ văn bản trong nội bộ."
    )
    published_at = models.DateTimeField(
        "thời điểm công bố",
        default=timezone.now,
        help_text="Đặt giờ trong tương lai để văn bản tự hiện vào lúc đó.",
    )
    articles = models.ManyToManyField(
        "news.Article",
        blank=True,
        related_name="documents",
        verbose_name="tin bài liên quan",
        help_text="Tin bài nhắc đến văn bản này; văn bản hiện ở cuối các tin bài đó.",
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="người tạo",
    )
    # Folded words of the number and summary (news.search), written by save().
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = ["-issued_on", "-id"]
        get_latest_by = "issued_on"
        indexes = [
            models.Index(fields=["-issued_on", "-id"], name="document_issued_idx"),
            models.Index(fields=["is_public", "published_at"], name="document_published_idx"),
        ]

    def __str__(self):
        return f"{self.number} – {self.summary[:80]}"

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        self.number = " ".join(self.number.split())
        if not self.slug:
            # '125/QĐ-LĐLĐ' -> '125-qd-ldld', not '125qd-ldld'
            text = f"{self.number.replace('/', ' ')} {self.summary}"
            self.slug = unique_slug(Document, text[:110], exclude_pk=self.pk, max_length=120)
        self.search_text = search_document(self.number, self.summary)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)
        cached.clear()

    def get_absolute_url(self):
        return urlcache.reverse("documents:document-detail", slug=self.slug)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        cached.clear()
        return result

    def is_published(self):
        return self.is_public and self.published_at <= timezone.now()

    @property
    def status(self):
        today = timezone.localdate()
        if self.expires_on and self.expires_on <= today:
            return self.Status.EXPIRED
        if (self.effective_on or self.issued_on) > today:
            return self.Status.PENDING
        return self.Status.IN_FORCE

    def get_status_display(self):
        return self.Status(self.status).label


class DocumentFile(models.Model):
    """One attached file (PDF, DOCX, XLSX), checked by files.check_document()."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="files", verbose_name="văn bản"
    )
    file = SafeDocumentField(
        "tệp",
        upload_to=UPLOAD_TO,
        max_length=200,
        help_text="PDF, Word (DOCX) hoặc Excel (XLSX), đến 20 MB. Không nhận tệp có macro, "
        "mã JavaScript hay mật khẩu.",
    )
    title = models.CharField(
        "tên hiển thị",
        max_length=200,
        blank=True,
        help_text="Ví dụ: Phụ lục 1. Để trống: dùng tên tệp tải lên.",
    )
    # Written by SafeDocumentFieldFile.save() from what the check found.
    original_name = models.CharField("tên tệp gốc", max_length=255, editable=False)
    kind = models.CharField(
        "định dạng",
        max_length=8,
        choices=[(code, kind.label) for code, kind in KINDS.items()],
        editable=False,
    )
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0, editable=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"
        ordering = ["order", "id"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        replaced = None
        if self.pk:
            replaced = DocumentFile.objects.filter(pk=self.pk).exclude(file=self.file.name)
            replaced = replaced.values_list("file", flat=True).first()
        super().save(*args, **kwargs)
        if replaced:
            _delete_on_commit(self.file.storage, replaced)

    def get_absolute_url(self):
        return reverse(
            "documents:file-download", kwargs={"slug": self.document.slug, "pk": self.pk}
        )

    @property
    def display_name(self):
        return self.title or self.original_name

    @property
    def content_type(self):
        return KINDS[self.kind].content_type

    @property
    def kind_label(self):
        return KINDS[self.kind].label

    def download_name(self, several=False):
        """'125-QĐ-LĐLĐ Kế hoạch tổ chức tháng công nhân.pdf': number and summary (and the
        file's own name when the document has several files), safe on every system."""
        document = self.document
        stem = f"{document.number} {document.summary}"
        stem = stem if len(stem) <= 90 else stem[:90].rsplit(" ", 1)[0]
        if several:
            own = (self.title or self.original_name.rsplit(".", 1)[0])[:60]
            stem = f"{stem} – {own}"
        return f"{safe_filename(stem)}.{KINDS[self.kind].extension}"


# Characters Windows, macOS or a header cannot carry in a file name.
_FILENAME_UNSAFE = str.maketrans({char: "-" for char in '/\\:*?"<>|'})


def safe_filename(text):
    text = "".join(char for char in text if char.isprintable()).translate(_FILENAME_UNSAFE)
    text = " ".join(text.split()).strip(" .-")
    return text or "van-ban"


def ascii_filename(text):
    return vietnamese_slugify(text) or "van-ban"


@receiver(post_delete, sender=DocumentFile)
def _delete_stored_file(sender, instance, **kwargs):
    """A deleted attachment (alone or with its document) takes its file once the delete commits,
    unless another row still names it."""
    if instance.file.name:
        _delete_on_commit(instance.file.storage, instance.file.name, using=kwargs.get("using"))


def _delete_on_commit(storage, name, using=None):
    """Delete a file no longer named by any row (a replaced or deleted attachment)."""

    def remove():
        if not DocumentFile.objects.filter(file=name).exists():
            storage.delete(name)

    transaction.on_commit(remove, using=using)
