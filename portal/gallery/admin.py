from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html

from news.admin_search import FoldedSearchMixin
from news.library import LibraryPictureAdminMixin
from news.search import whole_words
from portal.photos.models import Picture

from .models import Album, AlbumPicture, Video
from .video import ensure_poster


class TitleSearchMixin(FoldedSearchMixin):
    """The admin's folded search (news.search's rule) over titles and descriptions."""

    # Searched folded (get_search_results); the admin needs the list non-empty to show the box.
    search_fields = ["search_text"]
    search_help_text = "Gõ có dấu hoặc không dấu, ví dụ: dai hoi cong doan."

    def folded_search(self, queryset, words):
        return queryset.filter(whole_words(words))


class PublishedAdminMixin:
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}

    class Media:
        js = ["js/admin-vi-slug.js"]

    @admin.display(description="đang hiển thị", boolean=True)
    def shown(self, obj):
        return obj.is_published_now()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class AlbumPictureInline(LibraryPictureAdminMixin, admin.TabularInline):
    model = AlbumPicture
    fields = ["picture", "caption", "order"]
    autocomplete_fields = ["picture"]
    extra = 3
    verbose_name = "ảnh"
    verbose_name_plural = "ảnh trong album (chọn từ thư viện; số thứ tự nhỏ đứng trước)"


@admin.register(Album)
class AlbumAdmin(TitleSearchMixin, PublishedAdminMixin, LibraryPictureAdminMixin, admin.ModelAdmin):
    list_display = ["title", "event_date", "picture_count", "shown", "published_at"]
    list_filter = ["is_published", "event_date"]
    fields = ["title", "slug", "event_date", "description", "cover"]
    fields += ["is_published", "published_at"]
    autocomplete_fields = ["cover"]
    inlines = [AlbumPictureInline]
    change_form_template = "admin/gallery/album/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(picture_total=Count("items"))

    @admin.display(description="số ảnh", ordering="picture_total")
    def picture_count(self, album):
        return album.picture_total

    # --- many pictures at once, into the library and this album -----------------------------

    def get_urls(self):
        upload = self.admin_site.admin_view(self.upload_view)
        urls = [path("<int:pk>/tai-anh/", upload, name="gallery_album_upload")]
        return urls + super().get_urls()

    def upload_view(self, request, pk):
        """The photo library's many-at-once upload (same checks, same script), each picture
        stored once in the library and put at the end of this album."""
        album = get_object_or_404(Album, pk=pk)
        library = self.admin_site._registry[Picture]
        if not (self.has_change_permission(request, album) and library.has_add_permission(request)):
            raise PermissionDenied
        results = []
        if request.method == "POST":
            files = request.FILES.getlist("images")
            if not files:
                results.append({"name": "", "ok": False, "error": "Chưa chọn tệp ảnh nào."})
            for upload in files:
                result = library.store(request, upload)
                if result["ok"]:
                    last = album.items.order_by("-order").values_list("order", flat=True).first()
                    AlbumPicture.objects.create(
                        album=album, picture_id=result["id"], order=(last or 0) + 1
                    )
                results.append(result)
            if "application/json" in request.headers.get("Accept", ""):
                return JsonResponse({"results": results})
        return TemplateResponse(
            request,
            "admin/gallery/album/upload.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Tải ảnh lên album “{album.title}”",
                "opts": self.opts,
                "album": album,
                "results": results,
            },
        )


@admin.register(Video)
class VideoAdmin(TitleSearchMixin, PublishedAdminMixin, LibraryPictureAdminMixin, admin.ModelAdmin):
    list_display = ["poster_thumb", "title", "recorded_on", "length", "shown", "published_at"]
    list_display_links = ["poster_thumb", "title"]
    list_filter = ["is_published", "recorded_on"]
    list_select_related = ["poster"]
    fields = ["title", "slug", "recorded_on", "description", "file", "poster"]
    fields += ["facts", "is_published", "published_at"]
    readonly_fields = ["facts"]
    autocomplete_fields = ["poster"]

    @admin.display(description="ảnh đại diện")
    def poster_thumb(self, video):
        if not video.poster_id or not video.poster.image:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="80" height="50">', video.poster.thumbnail.url
        )

    @admin.display(description="thời lượng", ordering="duration")
    def length(self, video):
        return video.duration_text

    @admin.display(description="thông tin tệp")
    def facts(self, video):
        if not video.file:
            return "—"
        return f"{video.width}×{video.height} px, {video.duration_text}, {video.size_text}"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # No poster chosen: a frame of the video, stored in the photo library.
        ensure_poster(obj, request.user)
