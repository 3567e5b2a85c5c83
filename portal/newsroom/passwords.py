"""Password reset by e-mail for staff, under /admin/ (the admin login page links to it)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.urls import path, reverse_lazy

from portal.sitesettings.models import current as current_site_settings

from .people import display_name

# The admin's header on pages outside admin.site's own views.
HEADER = {"site_header": "Quản trị Cổng thông tin Liên đoàn Lao động tỉnh"}


class StaffPasswordResetForm(PasswordResetForm):
    """Only staff accounts get a link: readers have no account here."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        context["full_name"] = display_name(context["user"])
        context["site_name"] = current_site_settings().portal_name
        super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


urlpatterns = [
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(
            form_class=StaffPasswordResetForm,
            extra_context=HEADER,
            extra_email_context={
                "valid_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
            },
        ),
        name="admin_password_reset",
    ),
    path(
        "password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(extra_context=HEADER),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("password_reset_complete"), extra_context=HEADER
        ),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(extra_context=HEADER),
        name="password_reset_complete",
    ),
]
