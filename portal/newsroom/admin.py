from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group

from .models import StaffProfile, Unit
from .people import display_name
from .roles import ROLES

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
