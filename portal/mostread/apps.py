from django.apps import AppConfig


class MostReadConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal.mostread"
    label = "mostread"
    verbose_name = "Tin đọc nhiều"

    def ready(self):
        from . import signals  # noqa: F401
