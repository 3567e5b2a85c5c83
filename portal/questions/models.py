"""Labour-law questions from the public and the federation's answers."""

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import Truncator

from news.editor import CleanRichTextField
from news.models import normalize_text_fields, unique_slug
from news.sanitize import clean_html
from news.search import html_to_text, search_document
from portal import urlcache

QUESTION_MAX_LENGTH = 3000
# Words of the question shown as its title when staff set none.
TITLE_WORDS = 16


class Topic(models.Model):
    name = models.CharField("tên chủ đề", max_length=120)
    slug = models.SlugField(
        "đường dẫn",
        max_length=140,
        unique=True,
        blank=True,
        help_text="Tự tạo từ tên, không dấu.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    description = models.CharField("mô tả", max_length=300, blank=True)

    class Meta:
        verbose_name = "chủ đề hỏi đáp"
        verbose_name_plural = "chủ đề hỏi đáp"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        if not self.slug:
            self.slug = unique_slug(Topic, self.name, exclude_pk=self.pk, max_length=140)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("questions:topic", kwargs={"slug": self.slug})


class QuestionQuerySet(models.QuerySet):
    def published(self):
        """The one rule for what the public sees: an answer staff chose to publish."""
        return self.filter(status=Question.Status.PUBLISHED, published_at__isnull=False)

    def pending(self):
        return self.filter(status=Question.Status.PENDING)

    def for_list(self):
        """What a public list item needs, in the same query: never the asker's contact details."""
        return self.select_related("topic").only(
            "title", "slug", "question", "asker_name", "published_at", "topic__name",
            "topic__slug",
        )  # fmt: skip


class Question(models.Model):
    class Status(models.TextChoices):
        # Changed only by portal.questions.workflow.transition().
        PENDING = "pending", "Chờ trả lời"
        PUBLISHED = "published", "Đã trả lời – công bố"
        PRIVATE = "private", "Đã trả lời – không công bố"
        DECLINED = "declined", "Không trả lời"

    # The asker: never shown on a public page, feed or sitemap (only Question.public_asker).
    asker_name = models.CharField("họ và tên", max_length=120)
    phone = models.CharField("số điện thoại", max_length=20, blank=True)
    email = models.EmailField("thư điện tử", max_length=254, blank=True)
    workplace = models.CharField("nơi làm việc", max_length=200, blank=True)
    # For the rate limit and abuse only (portal/questions/defences.py).
    ip_address = models.GenericIPAddressField(
        "địa chỉ IP người gửi", null=True, blank=True, editable=False
    )

    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="questions", verbose_name="chủ đề"
    )
    title = models.CharField(
        "tiêu đề công bố",
        max_length=255,
        blank=True,
        help_text="Ngắn gọn, không nêu tên người hỏi. Để trống: lấy những chữ đầu của câu hỏi.",
    )
    question = models.TextField(
        "nội dung câu hỏi", help_text="Văn bản thường, hiện đúng như chữ đã gõ."
    )
    slug = models.SlugField(
        "đường dẫn", max_length=255, unique=True, null=True, blank=True, editable=False
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING
    )
    answer = CleanRichTextField("câu trả lời", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="người trả lời",
    )
    answered_at = models.DateTimeField("trả lời lúc", null=True, blank=True, editable=False)
    published_at = models.DateTimeField("công bố lúc", null=True, blank=True, editable=False)
    # Set when the answer is handed to the mail server: the asker gets it once.
    answer_emailed_at = models.DateTimeField(
        "gửi thư trả lời lúc", null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField("gửi lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật", auto_now=True)

    # Folded words (news/search.py), written by save(): the public text, and the asker for staff.
    search_text = models.TextField(editable=False, blank=True, default="")
    search_asker = models.TextField(editable=False, blank=True, default="")

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = "câu hỏi"
        verbose_name_plural = "câu hỏi"
        ordering = ["-published_at", "-created_at", "-id"]
        get_latest_by = "created_at"
        permissions = [("answer_question", "Trả lời, công bố và gỡ câu trả lời hỏi đáp")]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="question_status_pub_idx"),
            models.Index(
                fields=["topic", "status", "-published_at"], name="question_topic_pub_idx"
            ),
            models.Index(fields=["ip_address", "created_at"], name="question_rate_idx"),
        ]

    def __str__(self):
        return self.public_title

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        self.answer = clean_html(self.answer)
        self.search_text = search_document(self.title, self.question, html_to_text(self.answer))
        self.search_asker = search_document(self.asker_name, self.workplace, self.email, self.phone)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text", "search_asker", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return urlcache.reverse("questions:detail", slug=self.slug)

    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.published_at is not None

    def has_answer(self):
        return bool(html_to_text(self.answer).strip())

    @property
    def public_title(self):
        return self.title or Truncator(" ".join(self.question.split())).words(TITLE_WORDS)

    @property
    def public_asker(self):
        """'Bạn Hùng': the given name only (the last word of a Vietnamese name), else 'Bạn đọc'."""
        words = re.findall(r"[^\W\d_]+", self.asker_name or "")
        return f"Bạn {words[-1].capitalize()}" if words else "Bạn đọc"

    def make_slug(self):
        if not self.slug:
            self.slug = unique_slug(Question, self.public_title, exclude_pk=self.pk)
        return self.slug
