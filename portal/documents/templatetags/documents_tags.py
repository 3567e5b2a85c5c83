from django import template
from django.template.loader import render_to_string

from portal.fragments import render_for
from portal.pagecache import memo

from .. import cached
from ..models import Document

register = template.Library()


@register.simple_tag
def related_documents(article):
    """ "Văn bản liên quan" under an article: its published documents, in one query, asked (and
    the block rendered) only for an article some published document links (most link none)."""
    if article.pk not in memo.shared("documents:linked-articles", _linked_articles):
        return ""
    documents = Document.objects.published().filter(articles=article).select_related("doc_type")
    return render_to_string(
        "documents/includes/related_documents.html", {"documents": list(documents)}
    )


def _linked_articles():
    """Ids of the articles linked by a published document."""
    linked = Document.objects.published().filter(articles__isnull=False)
    return frozenset(linked.values_list("articles", flat=True))


@register.simple_tag
def recent_documents():
    """The latest published documents for a sidebar: from the cache, no query when warm;
    rendered once per process for the same documents (portal.fragments)."""
    recent = cached.recent()
    template = "documents/includes/sidebar_recent.html"
    return render_for(template, (recent,), lambda: {"recent": recent})
