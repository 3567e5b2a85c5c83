"""Server-side cleaning of rich text: what is stored is what may be shown."""

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "hr", "figure", "figcaption", "img",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
ALLOWED_CLASSES = {
    "figure": {"image", "article-figure", "align-left", "align-center", "align-right"},
    "p": {"text-left", "text-center", "text-right"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(html):
    """Return ``html`` with only the tags, attributes and URL schemes that news needs."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        allowed_classes=ALLOWED_CLASSES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "svg", "math"},
    )
