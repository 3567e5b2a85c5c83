from django.apps import AppConfig


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from . import admin_i18n

        admin_i18n.install()
        from . import media_files

        media_files.connect()
        from . import renditions

        renditions.connect()
        from . import body_pictures

        body_pictures.connect()
