from django.contrib import admin
from django.http import HttpResponseRedirect
from solo.admin import SingletonModelAdmin

from .models import Link, SiteSettings


class LinkInline(admin.TabularInline):
    model = Link
    extra = 1
    fields = ["kind", "name", "url", "order"]


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingletonModelAdmin):
    """One row: the list goes straight to its form (django-solo); nothing to add or delete."""

    inlines = [LinkInline]
    fieldsets = [
        ("Tên gọi", {"fields": ["federation_name", "province_name", "portal_name", "short_name"]}),
        ("Logo", {"fields": ["logo"]}),
        ("Liên hệ", {"fields": ["address", "phone", "hotline", "email"]}),
        (
            "Thông tin pháp lý ở chân trang",
            {"fields": ["licence", "responsible_name", "responsible_title"]},
        ),
    ]

    def response_change(self, request, obj):
        # django-solo's message is English; the form stays open either way.
        self.message_user(
            request, "Đã lưu thông tin chung. Trang công khai hiện ngay thông tin mới."
        )
        return HttpResponseRedirect(request.path)
