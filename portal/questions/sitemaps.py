from django.contrib.sitemaps import Sitemap

from .models import Question


class QuestionSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Question.objects.published().only("slug", "published_at", "updated_at")

    def lastmod(self, item):
        return max(item.updated_at, item.published_at)
