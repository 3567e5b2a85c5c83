from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "portal.pagecache"
    label = "pagecache"
    verbose_name = "Bộ nhớ đệm trang"

    def ready(self):
        from . import content

        content.connect()
