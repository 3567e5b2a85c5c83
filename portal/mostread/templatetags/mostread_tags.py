from django import template

from portal import urlcache
from portal.fragments import render_for

from ..blocks import most_read_this_week

register = template.Library()


@register.simple_tag
def most_read(limit=5):
    """The block, rendered once per process for the same articles (portal.fragments)."""
    articles = most_read_this_week(limit)
    template = "mostread/includes/sidebar_most_read.html"
    return render_for(template, (articles,), lambda: {"most_read": articles})


@register.simple_tag
def view_beacon_url(article):
    """Where site.js reports a reading of this article; none for a preview."""
    return urlcache.reverse("mostread:beacon", pk=article.pk) if article.is_published() else ""
