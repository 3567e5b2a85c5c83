from django.contrib import admin, messages
from django.utils.html import format_html

from .models import Article, Category, Photo


def thumbnail_html(spec_file, alt):
    if not spec_file:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" width="80" height="50" style="object-fit:cover">',
        spec_file.url,
        alt,
    )


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]

    class Media:
        js = ["admin/js/urlify.js", "js/admin-vi-slug.js"]  # after Django's URLify


class PhotoInline(admin.StackedInline):
    model = Photo
    extra = 1
    fields = ["preview", "image", "caption", "alt_text", "credit", "order"]
    readonly_fields = ["preview"]

    @admin.display(description="xem trước")
    def preview(self, photo):
        return thumbnail_html(photo.thumbnail if photo.image else None, photo.alt_text)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "cover_thumbnail", "title", "category", "status", "published_at", "byline_display",
        "is_published_display", "is_featured",
    ]  # fmt: skip
    list_display_links = ["cover_thumbnail", "title"]
    list_filter = ["status", "category", "is_featured", "published_at"]
    list_select_related = ["category"]
    search_fields = ["title", "summary"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PhotoInline]
    actions = ["publish", "unpublish"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        ("Ảnh đại diện", {"fields": ["cover", "cover_caption", "cover_alt"]}),
        ("Tác giả", {"fields": ["author_name", "author_unit"]}),
        ("Xuất bản", {"fields": ["status", "published_at", "is_featured"]}),
        ("Thông tin", {"fields": ["created_by", "created_at", "updated_at"]}),
    ]

    class Media:
        js = ["admin/js/urlify.js", "js/admin-vi-slug.js"]  # after Django's URLify

    @admin.display(description="ảnh")
    def cover_thumbnail(self, article):
        return thumbnail_html(article.cover_card if article.cover else None, article.cover_alt)

    @admin.display(description="tác giả", ordering="author_name")
    def byline_display(self, article):
        return article.byline

    @admin.display(description="đang hiển thị", boolean=True)
    def is_published_display(self, article):
        return article.is_published()

    @admin.action(description="Xuất bản các bài đã chọn", permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(status=Article.Status.PUBLISHED)
        self.message_user(request, f"Đã xuất bản {count} bài viết.", messages.SUCCESS)

    @admin.action(description="Chuyển các bài đã chọn về bản nháp", permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(status=Article.Status.DRAFT)
        self.message_user(request, f"Đã chuyển {count} bài viết về bản nháp.", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
