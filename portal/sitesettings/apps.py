from django.apps import AppConfig


class SiteSettingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal.sitesettings"
    label = "sitesettings"
    verbose_name = "Thông tin chung"
