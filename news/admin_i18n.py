"""Vietnamese alt text for the admin's yes/no icons: Django writes it in code, not via gettext."""

from django.contrib.admin.templatetags import admin_list
from django.templatetags.static import static
from django.utils.html import format_html

BOOLEAN_ALT = {True: "Có", False: "Không", None: "Chưa rõ"}


def boolean_icon(value):
    """Django's yes/no/unknown icon with a Vietnamese alt instead of 'True'/'False'/'None'."""
    icon = {True: "yes", False: "no", None: "unknown"}[value]
    return format_html(
        '<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), BOOLEAN_ALT[value]
    )


def install():
    # admin.utils and admin.helpers import _boolean_icon from admin_list at each call.
    admin_list._boolean_icon = boolean_icon
