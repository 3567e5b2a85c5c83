from django import template

from ..blocks import most_read_this_week

register = template.Library()


@register.inclusion_tag("mostread/includes/sidebar_most_read.html")
def most_read(limit=5):
    return {"most_read": most_read_this_week(limit)}


@register.simple_tag
def view_beacon_url(article):
    """Where site.js reports a reading of this article; none for a preview."""
    from django.urls import reverse

    return reverse("mostread:beacon", args=[article.pk]) if article.is_published() else ""
