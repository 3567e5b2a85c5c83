from django import template

from portal.fragments import render_once

from ..blocks import most_read_this_week

register = template.Library()


@register.simple_tag
def most_read(limit=5):
    """The block, rendered once per process for the same articles (portal.fragments)."""
    articles = most_read_this_week(limit)
    key = tuple((article.get_absolute_url(), article.title) for article in articles)
    template = "mostread/includes/sidebar_most_read.html"
    return render_once(template, key, {"most_read": articles})


@register.simple_tag
def view_beacon_url(article):
    """Where site.js reports a reading of this article; none for a preview."""
    from django.urls import reverse

    return reverse("mostread:beacon", args=[article.pk]) if article.is_published() else ""
