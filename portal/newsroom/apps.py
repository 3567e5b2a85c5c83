from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "portal.newsroom"
    label = "newsroom"
    verbose_name = "Tòa soạn"
