from django import template

from portal.fragments import freeze, render_once

from .. import cached
from ..models import Document

register = template.Library()


@register.inclusion_tag("documents/includes/related_documents.html")
def related_documents(article):
    """ "Văn bản liên quan" under an article: its published documents, in one query."""
    documents = Document.objects.published().filter(articles=article).select_related("doc_type")
    return {"documents": list(documents)}


@register.simple_tag
def recent_documents():
    """The latest published documents for a sidebar: from the cache, no query when warm;
    rendered once per process for the same documents (portal.fragments)."""
    recent = cached.recent()
    template = "documents/includes/sidebar_recent.html"
    return render_once(template, freeze(recent), {"recent": recent})
