from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from news.admin_search import FoldedSearchMixin
from news.images import clean_image
from news.search import whole_words
from portal.newsroom.people import display_name

from .models import Picture


def may_use(user):
    """Who writes articles may upload to the library and pick from it."""
    return user.is_active and user.is_staff and user.has_perm("news.add_article")


def may_change(user, picture):
    """Only the uploader, or an editor, changes or deletes a picture."""
    return picture.uploaded_by_id == user.pk or user.has_perm("news.review_article")


class MissingAltFilter(admin.SimpleListFilter):
    title = "mô tả (alt)"
    parameter_name = "mo_ta"

    def lookups(self, request, model_admin):
        return [("thieu", "Chưa có mô tả"), ("co", "Đã có mô tả")]

    def queryset(self, request, queryset):
        if self.value() == "thieu":
            return queryset.filter(alt_text="")
        if self.value() == "co":
            return queryset.exclude(alt_text="")
        return queryset


@admin.register(Picture)
class PictureAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["thumb", "caption", "alt_text", "credit", "uploader", "uploaded_at"]
    list_display_links = ["thumb"]
    list_editable = ["caption", "alt_text", "credit"]
    list_filter = [MissingAltFilter, "uploaded_at"]
    list_select_related = ["uploaded_by__profile"]
    list_per_page = 40
    # Searched folded (get_search_results); the admin's autocomplete needs the list non-empty.
    search_fields = ["search_text"]
    search_help_text = "Gõ có dấu hoặc không dấu, ví dụ: hoi nghi nguoi lao dong."
    fields = ["focal_preview", "image", "caption", "alt_text", "credit", "taken_at"]
    fields += ["focal_x", "focal_y", "uploaded_by", "uploaded_at"]
    readonly_fields = ["focal_preview", "uploaded_by", "uploaded_at"]
    change_list_template = "admin/photos/picture/change_list.html"

    class Media:
        js = ["js/picture-focal.js"]

    # --- who may do what --------------------------------------------------------------------

    def has_module_permission(self, request):
        return may_use(request.user)

    def has_view_permission(self, request, obj=None):
        return may_use(request.user)

    def has_add_permission(self, request):
        return may_use(request.user)

    def has_change_permission(self, request, obj=None):
        return may_use(request.user) and (obj is None or may_change(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        return may_use(request.user) and (obj is None or may_change(request.user, obj))

    def get_changelist_formset(self, request, **kwargs):
        formset = super().get_changelist_formset(request, **kwargs)
        user = request.user

        class OwnRowsOnly(formset):
            """Rows of others' pictures are shown, not editable (unless the user is an editor);
            a row whose alt is still empty need not be filled to save the others."""

            def _construct_form(self, i, **kwargs):
                form = super()._construct_form(i, **kwargs)
                picture = form.instance
                if picture.pk and not may_change(user, picture):
                    for field in form.fields.values():
                        field.disabled = True
                if picture.pk and not picture.alt_text:
                    form.fields["alt_text"].required = False
                return form

        return OwnRowsOnly

    # --- the list ---------------------------------------------------------------------------

    @admin.display(description="ảnh")
    def thumb(self, picture):
        if not picture.image:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" width="120" height="75" style="object-fit:cover">',
            picture.thumbnail.url,
            picture.alt_text,
        )

    @admin.display(description="người tải lên", ordering="uploaded_by__username")
    def uploader(self, picture):
        return display_name(picture.uploaded_by) if picture.uploaded_by_id else "—"

    def folded_search(self, queryset, words):
        """Whole words, with or without diacritics, in the picture's folded text."""
        return queryset.filter(whole_words(words))

    # --- one picture ------------------------------------------------------------------------

    @admin.display(description="xem ảnh, bấm chọn tâm ảnh")
    def focal_preview(self, picture):
        if not picture.pk or not picture.image:
            return "—"
        return format_html(
            '<div class="picture-focal" style="position:relative;display:inline-block">'
            '<img src="{}" alt="{}" style="max-width:480px;max-height:360px;cursor:crosshair">'
            '<span class="picture-focal__mark" aria-hidden="true" style="position:absolute;'
            "left:{}%;top:{}%;width:14px;height:14px;margin:-9px 0 0 -9px;border-radius:50%;"
            'border:2px solid #fff;box-shadow:0 0 0 2px #b0101f;pointer-events:none"></span>'
            "</div>",
            picture.display.url,
            picture.alt_text,
            round(picture.focal_x * 100, 2),
            round(picture.focal_y * 100, 2),
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    # --- many at once -----------------------------------------------------------------------

    def get_urls(self):
        upload = self.admin_site.admin_view(self.upload_view)
        browse = self.admin_site.admin_view(self.browse_view)
        return [
            path("tai-len/", upload, name="photos_picture_upload"),
            path("chon/", browse, name="photos_picture_browse"),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        """Many pictures at once: each file checked and stored alone, with its own answer.

        photo-upload.js sends one file per request and shows its progress; without scripts the
        form sends them all in one request. Answers JSON when asked for it.
        """
        if not self.has_add_permission(request):
            raise PermissionDenied
        results = []
        if request.method == "POST":
            files = request.FILES.getlist("images")
            if not files:
                results.append({"name": "", "ok": False, "error": "Chưa chọn tệp ảnh nào."})
            for upload in files:
                results.append(self.store(request, upload))
            if "application/json" in request.headers.get("Accept", ""):
                return JsonResponse({"results": results})
        return TemplateResponse(
            request,
            "admin/photos/picture/upload.html",
            {
                **self.admin_site.each_context(request),
                "title": "Tải ảnh lên thư viện",
                "opts": self.opts,
                "results": results,
            },
        )

    def store(self, request, upload):
        try:
            image = clean_image(upload)
        except ValidationError as error:
            return {"name": upload.name, "ok": False, "error": error.messages[0]}
        picture = Picture.objects.create(image=image, uploaded_by=request.user)
        return {
            "name": upload.name,
            "ok": True,
            "id": picture.pk,
            "thumbnail": picture.thumbnail.url,
            "change_url": reverse("admin:photos_picture_change", args=[picture.pk]),
        }

    # --- picked for the body of an article --------------------------------------------------

    BROWSE_PER_PAGE = 24

    def browse_view(self, request):
        """The editor image dialog's "Chọn trong thư viện" window: search and pick a picture.

        CKEditor opens it with ?CKEditorFuncNum=N (its file-browser protocol); picture-browse.js
        hands the chosen picture's own URL and alt text back to the dialog, so the body shows the
        library's file and nothing is copied.
        """
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "")
        found, _duplicates = self.get_search_results(
            request, self.get_queryset(request).exclude(image=""), query
        )
        page = Paginator(found, self.BROWSE_PER_PAGE).get_page(request.GET.get("p"))
        func_num = request.GET.get("CKEditorFuncNum", "")
        return TemplateResponse(
            request,
            "admin/photos/picture/browse.html",
            {
                **self.admin_site.each_context(request),
                "title": "Chọn ảnh trong thư viện",
                "opts": self.opts,
                "is_popup": True,
                "query": query,
                "page": page,
                # Echoed only as digits, into a data attribute: CKEditor's own numbers.
                "func_num": func_num if func_num.isascii() and func_num.isdigit() else "",
            },
        )
