from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode

from news import workflow
from news.admin_paging import cheap_date_hierarchy
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


@register.tag(name="cheap_date_hierarchy")
def cheap_date_hierarchy_tag(parser, token):
    """Django's {% date_hierarchy cl %}, its years found cheaply (news/admin_paging.py)."""
    return InclusionAdminNode(
        parser,
        token,
        func=cheap_date_hierarchy,
        template_name="date_hierarchy.html",
        takes_context=False,
    )
