from django import template

from news import workflow
from news.models import Article
from portal.newsroom.people import display_name

register = template.Library()


@register.simple_tag(takes_context=True)
def review_queue(context):
    """How many articles wait for an editor, or None for someone who does not review."""
    user = context["request"].user
    if not workflow.may_review(user):
        return None
    return Article.objects.live().filter(status=Article.Status.PENDING).count()


@register.filter
def staff_name(user):
    """A staff member as the newsroom names them: the full name, never the username."""
    return display_name(user)
