from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse

from .models import StaffProfile, Unit
from .people import display_name
from .roles import ROLES
from .views import report_view

User = get_user_model()


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "order", "active"]
    list_editable = ["order", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}

    class Media:
        js = ["admin/js/urlify.js", "js/admin-vi-slug.js"]

    def get_urls(self):
        view = self.admin_site.admin_view(self.report)
        return [path("report/", view, name="newsroom_report"), *super().get_urls()]

    def report(self, request):
        if not may_see_report(request.user):
            raise PermissionDenied
        return report_view(request, self)


def may_see_report(user):
    """Editors and content administrators (who review articles) see the newsroom report."""
    return user.is_active and user.is_staff and user.has_perm("news.review_article")


def app_list_with_report(get_app_list):
    """The admin's app list with "Thống kê tin bài" under Tòa soạn, for those who may see it."""

    def wrapped(request, app_label=None):
        apps = get_app_list(request, app_label)
        if may_see_report(request.user):
            for app in apps:
                if app["app_label"] == "newsroom":
                    app["models"].append(
                        {
                            "name": "Thống kê tin bài",
                            "object_name": "Report",
                            "admin_url": reverse("admin:newsroom_report"),
                            "view_only": True,
                            "perms": {"view": True},
                        }
                    )
        return apps

    return wrapped


# The report is a page, not a model; no proxy model (and migration) just to list it.
admin.site.get_app_list = app_list_with_report(admin.site.get_app_list)


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    fields = ["full_name", "unit", "phone"]
    verbose_name_plural = "hồ sơ cán bộ"


class StaffAdmin(UserAdmin):
    """Staff accounts with their profile; roles are the three newsroom groups."""

    inlines = [StaffProfileInline]
    list_display = ["username", "full_name", "unit", "email", "roles", "is_active"]
    list_select_related = ["profile__unit"]
    list_filter = ["is_active", "groups", "profile__unit"]
    search_fields = ["username", "profile__full_name", "email"]

    @admin.display(description="họ và tên", ordering="profile__full_name")
    def full_name(self, user):
        return display_name(user)

    @admin.display(description="đơn vị")
    def unit(self, user):
        profile = getattr(user, "profile", None)
        return profile.unit.short_name if profile and profile.unit else "—"

    @admin.display(description="vai trò")
    def roles(self, user):
        return ", ".join(group.name for group in user.groups.all()) or "—"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        # A content administrator gives roles, never superuser rights or loose permissions.
        limited = []
        for name, options in fieldsets:
            fields = [f for f in options["fields"] if f not in {"is_superuser", "user_permissions"}]
            limited.append((name, {**options, "fields": fields}))
        return limited

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=ROLES)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        # Nobody but a superuser edits a superuser's account.
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or request.user.is_superuser or not obj.is_superuser)


admin.site.unregister(User)
admin.site.register(User, StaffAdmin)
