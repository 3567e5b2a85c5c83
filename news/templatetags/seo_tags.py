"""Head tags for search engines and sharing: canonical URL, OpenGraph, Twitter card, JSON-LD."""

import json
import re
from urllib.parse import urlencode

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from news import renditions
from news.search import highlight as highlight_words
from news.templatetags.news_tags import iso_datetime
from portal.sitesettings.models import current as current_site_settings

register = template.Library()

# As django.utils.html.json_script: inside <script> no text can close the element or open
# a comment, whatever an editor typed.
JSON_SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}
AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|\s[-–]\s)\s*")


def absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def json_ld_script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),
    )


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's absolute URL without stray parameters; ?page=N only from page 2 on."""
    request = context.get("request")
    if request is None:
        return ""
    params = {}
    match = request.resolver_match
    if match is not None and match.view_name == "news:search" and context.get("search"):
        params["q"] = context["search"].text
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1:
        params["page"] = page_obj.number
    query = f"?{urlencode(params)}" if params else ""
    return request.build_absolute_uri(request.path) + query


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    return absolute(context.get("request"), static(path))


@register.simple_tag
def highlight(text, words, truncate=None):
    """Escaped text with the searched words in <mark>, e.g. {% highlight article.title words %}."""
    return highlight_words(text, words, truncate_words=truncate)


def cover_image(article, request):
    """The cover as sharing sites want it (1200×630 around its focal point): absolute URL and
    size; the original file, without a size, until that rendition is made."""
    found = renditions.rendition_set(article.cover, "og")
    if found is None or (
        found.width is None and not article.cover.storage.exists(article.cover.name)
    ):
        return None
    return {"url": absolute(request, found.src), "width": found.width, "height": found.height}


def article_json_ld(article, request, url, image, site):
    publisher = {
        "@type": "Organization",
        "name": site.federation_name,
        "url": absolute(request, "/"),
        "logo": {"@type": "ImageObject", "url": absolute(request, site.logo_url)},
    }
    if site.short_name:
        publisher["alternateName"] = site.short_name
    authors = [
        {"@type": "Person", "name": name}
        for name in AUTHOR_SEPARATORS.split(article.author_name)
        if name.strip()
    ]
    if article.author_unit_id:
        for author in authors:
            author["affiliation"] = {"@type": "Organization", "name": article.author_unit.name}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "datePublished": iso_datetime(article.published_at or article.updated_at),
        "dateModified": iso_datetime(max(filter(None, (article.updated_at, article.published_at)))),
        "inLanguage": "vi",
        "articleSection": article.category.name,
        "author": authors or publisher,
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
    }
    if image:
        size = {"width": image["width"], "height": image["height"]} if image["width"] else {}
        data["image"] = [{"@type": "ImageObject", "url": image["url"], **size}]
    return json_ld_script(data)


@register.inclusion_tag("includes/article_meta.html", takes_context=True)
def article_meta(context, article):
    request = context.get("request")
    url = absolute(request, article.get_absolute_url())
    image = cover_image(article, request)
    site = context.get("site_settings") or current_site_settings()
    return {
        "site_settings": site,
        "article": article,
        "url": url,
        "description": Truncator(article.summary).words(60),
        "image": image,
        "published_time": iso_datetime(article.published_at or article.updated_at),
        "modified_time": iso_datetime(
            max(filter(None, (article.updated_at, article.published_at)))
        ),
        "json_ld": article_json_ld(article, request, url, image, site),
    }
