from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.text import Truncator

from news.admin_search import FoldedSearchMixin
from news.search import html_to_text, whole_words
from portal.newsroom.people import display_name

from . import workflow
from .models import Question, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "slug", "description"]
    list_editable = ["order"]
    fields = ["name", "slug", "order", "description"]
    search_fields = ["name"]


class QuestionAdminForm(forms.ModelForm):
    user = None  # set per request by QuestionAdmin.get_form

    class Meta:
        model = Question
        fields = [
            "asker_name", "phone", "email", "workplace", "topic", "title", "question", "answer",
        ]  # fmt: skip

    def requested_step(self):
        return self.data.get("_buoc", "")

    def clean(self):
        cleaned = super().clean()
        step = self.requested_step()
        if step and self.instance.pk:
            # Asked about the answer in the form, so the typed answer is kept with the error.
            has_answer = bool(html_to_text(cleaned.get("answer", "")).strip())
            reason = workflow.refusal(self.user, self.instance, step, has_answer=has_answer)
            if reason:
                raise ValidationError(reason)
        return cleaned


@admin.register(Question)
class QuestionAdmin(FoldedSearchMixin, admin.ModelAdmin):
    form = QuestionAdminForm
    list_display = ["short_title", "topic", "status_label", "asker", "created_at", "answered"]
    list_filter = ["status", "topic", "created_at"]
    list_select_related = ["topic", "answered_by__profile"]
    list_per_page = 40
    date_hierarchy = "created_at"
    # Searched folded (get_search_results): the question, its answer and the asker.
    search_fields = ["search_text"]
    search_help_text = "Gõ có dấu hoặc không dấu: nội dung câu hỏi, câu trả lời hoặc tên người hỏi."
    readonly_fields = [
        "ip_address", "created_at", "status", "answered_by_name", "answered_at", "published_at",
        "answer_emailed_at", "public_link",
    ]  # fmt: skip
    fieldsets = [
        (
            "Người hỏi (không công khai)",
            {"fields": ["asker_name", "phone", "email", "workplace", "ip_address", "created_at"]},
        ),
        ("Câu hỏi", {"fields": ["topic", "title", "question"]}),
        (
            "Trả lời",
            {
                "fields": [
                    "answer", "status", "answered_by_name", "answered_at", "published_at",
                    "answer_emailed_at", "public_link",
                ]
            },
        ),
    ]  # fmt: skip
    change_form_template = "admin/questions/question/change_form.html"
    change_list_template = "admin/questions/question/change_list.html"
    actions = ["publish_selected", "decline_selected"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    # --- the list ---------------------------------------------------------------------------

    @admin.display(description="câu hỏi", ordering="title")
    def short_title(self, question):
        return Truncator(question.public_title).chars(90)

    @admin.display(description="trạng thái", ordering="status")
    def status_label(self, question):
        return format_html(
            '<span class="qa-status qa-status--{}">{}</span>',
            question.status,
            question.get_status_display(),
        )

    @admin.display(description="người hỏi", ordering="asker_name")
    def asker(self, question):
        return question.asker_name

    @admin.display(description="người trả lời", ordering="answered_at")
    def answered(self, question):
        return display_name(question.answered_by) if question.answered_by_id else "—"

    @admin.display(description="người trả lời")
    def answered_by_name(self, question):
        return self.answered(question)

    @admin.display(description="trang công khai")
    def public_link(self, question):
        if not question.is_published():
            return "Chưa công bố"
        url = question.get_absolute_url()
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, url)

    def folded_search(self, queryset, words):
        """Whole words, with or without diacritics, in the public text or the asker's details."""
        return queryset.filter(whole_words(words) | whole_words(words, "search_asker"))

    def changelist_view(self, request, extra_context=None):
        pending = Question.objects.pending().count()
        extra_context = {"pending_count": pending, **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    # --- one question -----------------------------------------------------------------------

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow_steps"] = workflow.allowed_steps(request.user, obj) if obj else []
        if obj is not None and workflow.may_answer(request.user):
            # Offer publishing while the answer is still empty: the form says what is missing.
            offered = {step.name for step in context["workflow_steps"]}
            for step in workflow.STEPS.values():
                if step.needs_answer and obj.status in step.sources and step.name not in offered:
                    context["workflow_steps"].insert(0, step)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        step = form.requested_step()
        if step and change:
            workflow.transition(obj, step, by=request.user)
            messages.success(
                request, f"Đã «{workflow.STEPS[step].label}»: {obj.get_status_display()}."
            )

    # --- list actions -----------------------------------------------------------------------

    def _take_step(self, request, queryset, name):
        done, refused = 0, []
        for question in queryset:
            try:
                workflow.transition(question, name, by=request.user)
                done += 1
            except workflow.TransitionRefused as error:
                refused.append(f"«{Truncator(question.public_title).chars(60)}»: {error}")
        label = workflow.STEPS[name].label
        if done:
            self.message_user(request, f"Đã «{label}» {done} câu hỏi.", messages.SUCCESS)
        for reason in refused:
            self.message_user(request, reason, messages.WARNING)

    @admin.action(description="Công bố câu trả lời của các câu hỏi đã chọn", permissions=["answer"])
    def publish_selected(self, request, queryset):
        self._take_step(request, queryset, "publish")

    @admin.action(description="Không trả lời các câu hỏi đã chọn", permissions=["answer"])
    def decline_selected(self, request, queryset):
        self._take_step(request, queryset, "decline")

    def has_answer_permission(self, request):
        return workflow.may_answer(request.user)
