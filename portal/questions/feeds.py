from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import Truncator

from portal.sitesettings import models as site_settings

from .models import Question

FEED_LENGTH = 20


class LatestAnswersFeed(Feed):
    """The latest published answers: the public title and the question, never the asker."""

    language = "vi"
    description = "Câu hỏi của người lao động và câu trả lời mới nhất."

    def title(self):
        return f"{site_settings.current().portal_name} – Hỏi đáp pháp luật lao động"

    def link(self):
        return reverse("questions:list")

    def items(self):
        return (
            Question.objects.published().for_list().order_by("-published_at", "-id")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.public_title

    def item_description(self, item):
        # RSS readers read a description as HTML: the asker's plain text goes in escaped.
        return escape(Truncator(item.question).words(60))

    def item_pubdate(self, item):
        return item.published_at
