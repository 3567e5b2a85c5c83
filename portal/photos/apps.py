from django.apps import AppConfig


class PhotosConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal.photos"
    label = "photos"
    verbose_name = "Thư viện ảnh"
