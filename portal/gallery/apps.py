from django.apps import AppConfig


class GalleryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal.gallery"
    label = "gallery"
    verbose_name = "Thư viện ảnh và video"

    def ready(self):
        from . import video_files

        video_files.connect()
