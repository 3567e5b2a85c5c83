from functools import partial

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import model_ngettext
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.views.decorators.http import require_POST

from portal.mostread.admin import views_column, with_views
from portal.newsroom.people import display_name, unit_of

from . import autosave, library, revision_views, revisions, trash, workflow
from .admin_paging import CappedCountChangeList, CappedCountMixin
from .admin_search import FoldedSearchMixin
from .concurrency import conflict_message, stored_edit_version
from .expired_session import take_kept_form
from .models import Article, Category, Photo, TrashedArticle

# What a state change in the form needs besides the model's fields.
WORKFLOW_FIELDS = {"opened_version", "workflow_comment", "version_note"}
# Only editors set these; for a correspondent they are not in the form, so a forged value is
# never read.
REVIEW_FIELDS = ["published_at", "expires_at", "is_featured"]


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


class PhotoInline(library.LibraryPictureAdminMixin, admin.StackedInline):
    model = Photo
    form = library.PhotoInlineForm  # a new file or a library picture (news/library.py)
    extra = 1
    fields = ["preview", "image", "picture", "caption", "alt_text", "credit", "order"]
    readonly_fields = ["preview"]

    @admin.display(description="xem trước")
    def preview(self, photo):
        return thumbnail_html(photo.thumbnail if photo.image else None, photo.alt_text)

    # Photos are part of the article: whoever may edit the article may edit its photos.
    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (
            obj is None or workflow.can_edit(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or workflow.can_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or workflow.can_edit(request.user, obj)
        )


class ArticleAdminForm(forms.ModelForm):
    """The article form: the model's fields, the version it was opened at, a step's comment."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    workflow_comment = forms.CharField(
        label="Ghi chú duyệt bài",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Bắt buộc khi trả lại hoặc gỡ bài; người viết đọc được ghi chú này.",
    )
    version_note = forms.CharField(
        label="Ghi chú phiên bản",
        required=False,
        max_length=500,
        help_text="Không bắt buộc: lần lưu này sửa gì, vì sao. Hiện trong danh sách phiên bản.",
    )
    user = None  # set per request by ArticleAdmin.get_form
    kept = None  # what was posted when the session had expired (news/expired_session.py)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_version"].initial = self.instance.edit_version
        if self.kept and not self.is_bound:
            # Back from the login: the person's text, and the version they had opened, so a
            # save by someone else in between is still caught.
            for name, field in self.fields.items():
                if name in self.kept and not isinstance(field.widget, forms.MultiWidget):
                    self.initial[name] = self.kept[name][-1]
        if "author_unit" in self.fields:
            # Units that stopped sending news are not offered, unless the article has one.
            units = self.fields["author_unit"].queryset
            self.fields["author_unit"].queryset = units.filter(
                Q(active=True) | Q(pk=self.instance.author_unit_id)
            )

    def requested_step(self):
        return self.data.get("_transition", "")

    def clean(self):
        cleaned = super().clean()
        # A cover picked from the library names the picture's file (news/library.py).
        library.use_picture(cleaned, library.COVER)
        if self.instance.pk is not None:
            self.check_conflict(cleaned.get("opened_version"))
        step = self.requested_step()
        if step:
            # A new article is a draft of the person's unit until saved.
            article = self.instance
            if article.pk is None:
                article.status = Article.Status.DRAFT
                if article.author_unit_id is None:
                    article.author_unit = cleaned.get("author_unit") or unit_of(self.user)
            reason = workflow.refusal(self.user, article, step, cleaned.get("workflow_comment", ""))
            if reason:
                raise ValidationError(reason)
        return cleaned

    def check_conflict(self, opened):
        stored = stored_edit_version(self.instance.pk)
        if opened is None or stored is None or opened == stored:
            return
        message = conflict_message(self.instance.pk, opened)
        # The form comes back with the person's text and the stored version: saving again after
        # merging is their decision, and goes through.
        self.data = self.data.copy()
        self.data[self.add_prefix("opened_version")] = str(stored)
        raise ValidationError(message, code="conflict")

    def content_changed(self, formsets=()):
        changed = set(self.changed_data) - WORKFLOW_FIELDS
        return bool(changed) or any(formset.has_changed() for formset in formsets)


class StateFilter(admin.SimpleListFilter):
    title = "trạng thái"
    parameter_name = "trang_thai"

    def lookups(self, request, model_admin):
        return [
            *[(s.value, s.label) for s in Article.Status if s != Article.Status.PUBLISHED],
            ("scheduled", "Hẹn giờ"),
            ("live", "Đang hiển thị"),
            ("expired", "Hết hạn hiển thị"),
        ]

    def queryset(self, request, queryset):
        value, now = self.value(), timezone.now()
        published = queryset.filter(status=Article.Status.PUBLISHED)
        if value == "scheduled":
            return published.filter(published_at__gt=now)
        if value == "live":
            return published.filter(published_at__lte=now).filter(
                Q(expires_at__isnull=True) | Q(expires_at__gt=now)
            )
        if value == "expired":
            return published.filter(expires_at__lte=now)
        if value in Article.Status.values:
            return queryset.filter(status=value)
        return queryset


class AuthorFilter(admin.SimpleListFilter):
    title = "người viết"
    parameter_name = "nguoi_viet"

    def lookups(self, request, model_admin):
        # EXISTS per account, answered by the created_by index, not a join over every article.
        written = model_admin.get_queryset(request).filter(created_by=OuterRef("pk"))
        writers = get_user_model().objects.filter(Exists(written)).select_related("profile")
        return sorted(((u.pk, display_name(u)) for u in writers), key=lambda item: item[1])

    def queryset(self, request, queryset):
        return queryset.filter(created_by_id=self.value()) if self.value() else queryset


class ArticleChangeList(CappedCountChangeList):
    """While searching, no date bar: its list of years would read every match again."""

    def get_results(self, request):
        super().get_results(request)
        if self.query:
            self.date_hierarchy = None


@admin.register(Article)
class ArticleAdmin(
    library.LibraryPictureAdminMixin, CappedCountMixin, FoldedSearchMixin, admin.ModelAdmin
):
    form = ArticleAdminForm
    list_display = [
        "cover_thumbnail", "title", "category", "state", "unit", "last_changed_by",
        "published_at", "is_featured", views_column,
    ]  # fmt: skip
    list_display_links = ["cover_thumbnail", "title"]
    list_filter = [StateFilter, "author_unit", "category", AuthorFilter, "is_featured"]
    list_select_related = ["category", "author_unit", "updated_by__profile"]
    search_fields = ["title", "summary"]
    date_hierarchy = "published_at"
    # "12 kết quả (100.000 tổng cộng)" would count the whole table on every search; the
    # list's own count stops at ten pages ahead (news/admin_paging.py).
    show_full_result_count = False
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PhotoInline]
    actions = ["publish_selected", "submit_selected", "trash_selected"]
    change_form_template = "admin/news/article/change_form.html"
    delete_confirmation_template = "admin/news/article/trash_confirmation.html"

    class Media:
        # after Django's URLify; then the autosave and presence tick
        js = ["admin/js/urlify.js", "js/admin-vi-slug.js", "js/article-autosave.js"]

    # --- what each person sees -------------------------------------------------------------

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def get_queryset(self, request):
        articles = super().get_queryset(request).live()
        if request.resolver_match and request.resolver_match.url_name.endswith("_changelist"):
            articles = with_views(articles)
        if workflow.sees_all_units(request.user):
            return articles
        unit = unit_of(request.user)
        return articles.filter(author_unit=unit) if unit else articles.none()

    def get_fieldsets(self, request, obj=None):
        reviewer = workflow.may_review(request.user)
        author = (
            ["author_name", "author_unit"]
            if workflow.sees_all_units(request.user)
            else ["author_name"]
        )
        fieldsets = [("Trạng thái", {"fields": ["state_summary"]})] if obj is not None else []
        fieldsets += [
            (None, {"fields": ["title", "slug", "category", "summary", "body", "opened_version"]}),
            ("Ảnh đại diện", {"fields": ["cover", "cover_picture", "cover_caption", "cover_alt"]}),
            ("Tác giả", {"fields": author}),
        ]
        if reviewer:
            fieldsets.append(("Xuất bản", {"fields": REVIEW_FIELDS}))
        fieldsets.append(("Duyệt bài", {"fields": ["workflow_comment"]}))
        fieldsets.append(("Phiên bản", {"fields": ["version_note"]}))
        if obj is not None:
            fieldsets.append(("Quá trình của bài", {"fields": ["timeline"]}))
            fieldsets.append(
                ("Thông tin", {"fields": ["created_by", "created_at", "updated_by", "updated_at"]})
            )
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return ["state_summary", "timeline", "created_by", "created_at", "updated_by", "updated_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user  # modelform_factory made this class for this request
        if request.method == "GET":
            form.kept = take_kept_form(request)
            if form.kept:
                messages.warning(
                    request,
                    "Phiên đăng nhập đã hết khi bạn bấm lưu. Nội dung bạn gõ đã được đưa lại vào "
                    "biểu mẫu (trừ ảnh vừa chọn): hãy kiểm tra rồi bấm Lưu lần nữa.",
                )
        return form

    def has_add_permission(self, request):
        # A correspondent writes for their unit: without one there is nowhere to file the article.
        return super().has_add_permission(request) and (
            workflow.sees_all_units(request.user) or unit_of(request.user) is not None
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or workflow.can_delete(request.user, obj))

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # deleting goes to the trash: trash_selected
        if not workflow.may_review(request.user):
            actions.pop("publish_selected", None)
            # Bulk delete asks no question per article; a correspondent deletes one at a time.
            actions.pop("trash_selected", None)
        if not request.user.has_perm("news.submit_article"):
            actions.pop("submit_selected", None)
        return actions

    # --- deleting: to the trash (news/trash.py) ---------------------------------------------

    def delete_model(self, request, obj):
        trash.move_to_trash(obj, request.user)

    def delete_queryset(self, request, queryset):
        refused = [a for a in queryset if not workflow.can_delete(request.user, a)]
        if refused:
            raise PermissionDenied("Bạn không có quyền xóa một số bài đã chọn.")
        for article in queryset:
            trash.move_to_trash(article, request.user)

    def log_deletions(self, request, queryset):
        """Nothing is deleted: trash.move_to_trash() writes the history."""

    def get_deleted_objects(self, objs, request):
        # Photos and history stay with the article in the trash: nothing else is deleted.
        return [str(obj) for obj in objs], {}, set(), []

    def render_delete_form(self, request, context):
        context["keep_days"] = trash.KEEP_DAYS
        return super().render_delete_form(request, context)

    def response_delete(self, request, obj_display, obj_id):
        if IS_POPUP_VAR in request.POST:
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(
            request,
            f"Đã chuyển bài «{obj_display}» vào thùng rác; có thể khôi phục trong "
            f"{trash.KEEP_DAYS} ngày.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:news_article_changelist"))

    @admin.action(description="Chuyển các bài đã chọn vào thùng rác", permissions=["delete"])
    def trash_selected(self, request, queryset):
        if request.POST.get("post") == "yes":
            articles = list(queryset)
            self.delete_queryset(request, articles)
            count = len(articles)
            self.message_user(
                request,
                f"Đã chuyển {count} {model_ngettext(self.opts, count)} vào thùng rác.",
                messages.SUCCESS,
            )
            return None
        return TemplateResponse(
            request,
            "admin/news/article/trash_selected_confirmation.html",
            {
                **self.admin_site.each_context(request),
                "title": "Chuyển vào thùng rác",
                "articles": queryset,
                "opts": self.opts,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                "keep_days": trash.KEEP_DAYS,
            },
        )

    # --- the list ---------------------------------------------------------------------------

    @admin.display(description="ảnh")
    def cover_thumbnail(self, article):
        return thumbnail_html(article.cover_card if article.cover else None, article.cover_alt)

    @admin.display(description="trạng thái", ordering="status")
    def state(self, article):
        return format_html(
            '<span class="state state--{}">{}</span>', article.status, article.state_label
        )

    @admin.display(description="đơn vị", ordering="author_unit__short_name")
    def unit(self, article):
        return article.author_unit.short_name if article.author_unit_id else "—"

    @admin.display(description="sửa cuối")
    def last_changed_by(self, article):
        return display_name(article.updated_by) if article.updated_by_id else "—"

    # --- the form ---------------------------------------------------------------------------

    @admin.display(description="trạng thái")
    def state_summary(self, article):
        last = article.transitions.select_related("actor__profile").last()
        if article.status == Article.Status.RETURNED and last and last.comment:
            return format_html(
                '<strong class="state state--returned">{}</strong>'
                '<div class="workflow-notice" role="alert">{} trả lại lúc {}:'
                "<blockquote>{}</blockquote></div>",
                article.state_label,
                display_name(last.actor),
                f"{localtime(last.at):%H:%M %d/%m/%Y}",
                last.comment,
            )
        return format_html("<strong>{}</strong>", article.state_label)

    @admin.display(description="các bước")
    def timeline(self, article):
        rows = article.transitions.select_related("actor__profile")
        if not rows:
            return "Chưa có bước nào."
        return format_html(
            '<ol class="timeline">{}</ol>',
            format_html_join(
                "",
                "<li><time>{}</time> {}: {} → {}{}</li>",
                (
                    (
                        f"{localtime(row.at):%H:%M %d/%m/%Y}",
                        display_name(row.actor),
                        row.get_from_status_display(),
                        row.get_to_status_display(),
                        format_html(" — «{}»", row.comment) if row.comment else "",
                    )
                    for row in rows
                ),
            ),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if request.method == "GET":
            article = self.get_object(request, object_id)
            if article is not None and workflow.can_edit(request.user, article):
                revisions.record_baseline(article.pk)
                extra_context.update(self.autosave_context(request, article))
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if request.method == "GET" and self.has_add_permission(request):
            extra_context.update(self.autosave_context(request, None))
        return super().add_view(request, form_url, extra_context)

    def autosave_context(self, request, article):
        if article is None:
            url = reverse("admin:news_article_autosave_new")
        else:
            url = reverse("admin:news_article_autosave", args=[article.pk])
        offer = autosave.offer(request.user, article)
        return {
            "autosave_config": {
                "url": url,
                "interval": settings.ARTICLE_AUTOSAVE_SECONDS,
                "fields": autosave.FIELDS,
            },
            "autosave_offer": offer,
            "presence": autosave.here(request.user, article.pk) if article else [],
        }

    def autosave_urls(self):
        tick = self.admin_site.admin_view(require_POST(self.autosave_view))
        return [
            path("tu-luu/", tick, name="news_article_autosave_new"),
            path("<path:object_id>/tu-luu/", tick, name="news_article_autosave"),
        ]

    def autosave_view(self, request, object_id=None):
        """The form's tick: keep the person's text, say who else has the article open."""
        article = None
        if object_id is not None:
            article = self.get_object(request, object_id)
            if article is None:
                raise Http404
            if not workflow.can_edit(request.user, article):
                raise PermissionDenied
        elif not self.has_add_permission(request):
            raise PermissionDenied
        autosave.store(request.user, article, request.POST)
        others = autosave.here(request.user, article.pk) if article else []
        return JsonResponse({"saved_at": f"{localtime():%H:%M:%S}", "others": others})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj or Article(status=Article.Status.DRAFT, author_unit=unit_of(request.user))
        context["workflow_steps"] = [
            step
            for step in workflow.allowed_steps(request.user, article)
            if obj is not None or step.name in {"submit", "publish"}
        ]
        if request.method == "POST":  # the form came back with an error: keep chosen pictures
            library.keep_chosen_files(
                request.user,
                context["adminform"].form,
                [inline.formset for inline in context["inline_admin_formsets"]],
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- saving -----------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        """Saved in save_related, where the photo formsets are known too."""

    def save_related(self, request, form, formsets, change):
        article = form.instance
        if not workflow.sees_all_units(request.user):
            article.author_unit = unit_of(request.user)
        changed = not change or form.content_changed(formsets)
        if change and changed:
            revisions.record_baseline(article.pk)
        # One version per save that changes something (the article with its photos, and a
        # state change made by the same button); a save that changes nothing makes none.
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(form.cleaned_data.get("version_note", "").strip())
            if changed:
                if not change:
                    article.created_by = request.user
                article.updated_by = request.user
                article.save()
            form.save_m2m()
            for formset in formsets:
                self.save_formset(request, form, formset, change=change)
            if changed:
                reversion.add_to_revision(article)  # again, now with the photos as saved
            autosave.discard(request.user, article if change else None)
            step = form.requested_step()
            if step:
                workflow.transition(
                    article, step, by=request.user, comment=form.cleaned_data["workflow_comment"]
                )
                messages.success(
                    request, f"Đã «{workflow.STEPS[step].label}»: {article.state_label}."
                )

    def construct_change_message(self, request, form, formsets, add=False):
        if form.requested_step() and not form.content_changed(formsets) and not add:
            return []
        message = super().construct_change_message(request, form, formsets, add)
        for entry in message:
            fields = entry.get("changed", {}).get("fields")
            if fields:
                entry["changed"]["fields"] = [
                    f
                    for f in fields
                    if f not in {"Ghi chú duyệt bài", "Ghi chú phiên bản", "opened version"}
                ]
        return [m for m in message if m.get("changed", {}).get("fields", True)]

    def log_change(self, request, obj, message):
        # An unchanged save (or a bare state change, logged by the workflow) writes nothing.
        if message:
            return super().log_change(request, obj, message)
        return None

    # --- versions (news/revision_views.py) ---------------------------------------------------

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(partial(function, self))

        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return (
            self.autosave_urls()
            + [
                path(
                    "<path:object_id>/phien-ban/",
                    view(revision_views.version_list),
                    name=f"{name}_versions",
                ),
                path(
                    "<path:object_id>/phien-ban/so-sanh/",
                    view(revision_views.version_compare),
                    name=f"{name}_version_compare",
                ),
                path(
                    "<path:object_id>/phien-ban/<int:version_id>/",
                    view(revision_views.version_detail),
                    name=f"{name}_version",
                ),
                path(
                    "<path:object_id>/phien-ban/<int:version_id>/khoi-phuc/",
                    view(revision_views.version_restore),
                    name=f"{name}_version_restore",
                ),
            ]
            + super().get_urls()
        )

    # --- list actions -----------------------------------------------------------------------

    def _take_step(self, request, queryset, name):
        done, refused = 0, []
        for article in queryset:
            try:
                workflow.transition(article, name, by=request.user)
                done += 1
            except workflow.TransitionRefused as error:
                refused.append(f"«{article.title}»: {error}")
        label = workflow.STEPS[name].label
        if done:
            self.message_user(request, f"Đã «{label}» {done} bài viết.", messages.SUCCESS)
        for reason in refused:
            self.message_user(request, reason, messages.WARNING)

    @admin.action(description="Duyệt và xuất bản các bài đã chọn", permissions=["change"])
    def publish_selected(self, request, queryset):
        self._take_step(request, queryset, "publish")

    @admin.action(description="Gửi duyệt các bài đã chọn", permissions=["change"])
    def submit_selected(self, request, queryset):
        self._take_step(request, queryset, "submit")


@admin.register(TrashedArticle)
class TrashedArticleAdmin(admin.ModelAdmin):
    """Thùng rác: deleted articles for 30 days, to restore (news/trash.py); read only."""

    list_display = ["title", "unit", "deleted_by_name", "deleted_at", "days_left"]
    list_display_links = None
    list_select_related = ["author_unit", "deleted_by__profile"]
    search_fields = ["title"]
    actions = ["restore_selected"]

    def get_queryset(self, request):
        articles = super().get_queryset(request).filter(deleted_at__isnull=False)
        if workflow.sees_all_units(request.user):
            return articles
        unit = unit_of(request.user)
        return articles.filter(author_unit=unit) if unit else articles.none()

    # Whoever may delete articles sees the trash of what they can reach; it is changed only by
    # the restore action.
    def has_module_permission(self, request):
        return request.user.has_perm("news.delete_article")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("news.delete_article")

    def has_restore_permission(self, request):
        return request.user.has_perm("news.delete_article")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    unit = ArticleAdmin.unit

    @admin.display(description="người xóa")
    def deleted_by_name(self, article):
        return display_name(article.deleted_by) if article.deleted_by_id else "—"

    @admin.display(description="còn lại (ngày)")
    def days_left(self, article):
        return trash.days_left(article)

    @admin.action(description="Khôi phục các bài đã chọn", permissions=["restore"])
    def restore_selected(self, request, queryset):
        done, refused = 0, []
        for article in queryset:
            try:
                trash.restore(article, request.user)
                done += 1
            except PermissionDenied as error:
                refused.append(str(error))
        if done:
            self.message_user(request, f"Đã khôi phục {done} bài viết.", messages.SUCCESS)
        for reason in refused:
            self.message_user(request, reason, messages.WARNING)
