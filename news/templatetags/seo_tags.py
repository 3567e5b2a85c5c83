"""Head tags for search engines and sharing: canonical URL, OpenGraph, Twitter card, JSON-LD."""

import html
import json
import re
from urllib.parse import urlencode

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from news.search import highlight as highlight_words
from news.templatetags.news_tags import iso_datetime, picture_set
from portal.sitesettings.models import current as current_site_settings

register = template.Library()

# As django.utils.html.json_script: inside <script> no text can close the element or open
# a comment, whatever an editor typed. (Replaced one by one: str.translate with a mapping looks
# up every character, about ten times slower on an article's JSON.)
JSON_SCRIPT_ESCAPES = (
    ("<", "\\u003C"),
    (">", "\\u003E"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
AUTHOR_SEPARATORS = re.compile(r"\s*(?:,|;|\s[-–]\s)\s*")


def absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def json_ld_script(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    for character, escaped in JSON_SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


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
    found = picture_set(article.cover, "og")[0]
    if found is None or (
        found.width is None and not article.cover.storage.exists(article.cover.name)
    ):
        return None
    return {"url": absolute(request, found.src), "width": found.width, "height": found.height}


def article_json_ld(article, request, url, image, site, published, modified):
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
        "datePublished": published,
        "dateModified": modified,
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


def _meta(attribute, pairs):
    # html.escape is what django.utils.html.escape calls, without its lazy-string wrapper: the
    # values here are plain text.
    return [
        f'<meta {attribute}="{name}" content="{html.escape(str(content))}">'
        for name, content in pairs
    ]


@register.simple_tag(takes_context=True)
def article_meta(context, article):
    """The article's Open Graph and Twitter tags and its NewsArticle JSON-LD, e.g.
    {% article_meta article %}: about twenty tags, made in Python rather than a template."""
    request = context.get("request")
    url = absolute(request, article.get_absolute_url())
    image = cover_image(article, request)
    site = context.get("site_settings") or current_site_settings()
    description = Truncator(article.summary).words(60)
    published = iso_datetime(article.published_at or article.updated_at)
    modified = iso_datetime(max(filter(None, (article.updated_at, article.published_at))))
    tags = [
        ("og:site_name", site.portal_name),
        ("og:locale", "vi_VN"),
        ("og:type", "article"),
        ("og:title", article.title),
        ("og:description", description),
        ("og:url", url),
    ]
    if image:
        tags.append(("og:image", image["url"]))
        if image["width"]:
            tags += [("og:image:width", image["width"]), ("og:image:height", image["height"])]
        if article.cover_alt:
            tags.append(("og:image:alt", article.cover_alt))
    tags += [
        ("article:published_time", published),
        ("article:modified_time", modified),
        ("article:section", article.category.name),
    ]
    twitter = [
        ("twitter:card", "summary_large_image" if image else "summary"),
        ("twitter:title", article.title),
        ("twitter:description", description),
    ]
    if image:
        twitter.append(("twitter:image", image["url"]))
        if article.cover_alt:
            twitter.append(("twitter:image:alt", article.cover_alt))
    lines = _meta("property", tags) + _meta("name", twitter)
    lines.append(article_json_ld(article, request, url, image, site, published, modified))
    return mark_safe("\n  ".join(lines))
