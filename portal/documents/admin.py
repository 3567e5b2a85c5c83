from django.contrib import admin
from django.db.models import Count, Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from news.admin_search import FoldedSearchMixin
from news.search import whole_words

from . import cached
from .models import Document, DocumentFile, DocumentType, Field, Issuer


class NamedListAdmin(admin.ModelAdmin):
    list_display = ["name", "order", "documents_count"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    class Media:
        # Django's URLify, then the project's fix for Vietnamese (đ -> d)
        js = ["admin/js/urlify.js", "js/admin-vi-slug.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(documents_total=Count("documents"))

    @admin.display(description="số văn bản", ordering="documents_total")
    def documents_count(self, obj):
        return obj.documents_total

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        cached.clear()


admin.site.register([DocumentType, Issuer, Field], NamedListAdmin)


class StatusFilter(admin.SimpleListFilter):
    """Còn / hết / chưa có hiệu lực, from the dates, as Document.status decides it."""

    title = "hiệu lực"
    parameter_name = "hieu_luc"

    def lookups(self, request, model_admin):
        return Document.Status.choices

    def queryset(self, request, queryset):
        today = timezone.localdate()
        expired = Q(expires_on__lte=today)
        pending = Q(effective_on__gt=today) | Q(effective_on__isnull=True, issued_on__gt=today)
        match self.value():
            case Document.Status.EXPIRED:
                return queryset.filter(expired)
            case Document.Status.PENDING:
                return queryset.exclude(expired).filter(pending)
            case Document.Status.IN_FORCE:
                return queryset.exclude(expired).exclude(pending)
        return queryset


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 1
    fields = ["file", "title", "order", "original_name", "kind", "size_display"]
    readonly_fields = ["original_name", "kind", "size_display"]

    @admin.display(description="dung lượng")
    def size_display(self, obj):
        return filesizeformat(obj.size) if obj.pk else "–"


@admin.register(Document)
class DocumentAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = [
        "number", "doc_type", "issuer", "issued_on", "status_display", "files_count",
        "is_published",
    ]  # fmt: skip
    list_filter = [StatusFilter, "doc_type", "issuer", "field", "is_public"]
    list_select_related = ["doc_type", "issuer"]
    # Searched folded (get_search_results); the admin needs the list non-empty to show the box.
    search_fields = ["search_text"]
    search_help_text = "Số/ký hiệu hoặc trích yếu, có dấu hoặc không dấu, ví dụ: 125/QD-LDLD."
    date_hierarchy = "issued_on"
    autocomplete_fields = ["articles"]
    inlines = [DocumentFileInline]
    fieldsets = [
        (None, {"fields": ["number", "doc_type", "issuer", "field", "summary", "signer"]}),
        ("Ngày và hiệu lực", {"fields": ["issued_on", "effective_on", "expires_on"]}),
        ("Công bố", {"fields": ["is_public", "published_at", "slug"]}),
        ("Tin bài liên quan", {"fields": ["articles"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(files_total=Count("files"))

    def folded_search(self, queryset, words):
        return queryset.filter(whole_words(words))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        cached.clear()

    @admin.display(description="hiệu lực")
    def status_display(self, obj):
        return obj.get_status_display()

    @admin.display(description="số tệp", ordering="files_total")
    def files_count(self, obj):
        return obj.files_total

    @admin.display(description="đang hiện", boolean=True)
    def is_published(self, obj):
        return obj.is_published()
