"""Server-side cleaning of rich text: what is stored is what may be shown.

The allowlist below is also turned into CKEditor's ``allowedContent`` (settings), so staff see in
the editor what will be stored.
"""

import re

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
# Alignment is a class, never a style="" (the public pages allow no inline style).
TEXT_ALIGN = {"text-left", "text-center", "text-right", "text-justify"}
IMAGE_ALIGN = {"align-left", "align-center", "align-right"}
ALLOWED_CLASSES = {
    "figure": {"image", "article-figure", *IMAGE_ALIGN},
    "img": IMAGE_ALIGN,
    "p": TEXT_ALIGN | IMAGE_ALIGN,
    "h2": TEXT_ALIGN,
    "h3": TEXT_ALIGN,
    "h4": TEXT_ALIGN,
}
URL_SCHEMES = {"http", "https", "mailto"}
# Dropped together with everything inside them, not just unwrapped.
REMOVED_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg",
    "math", "form", "button", "select", "textarea", "noscript", "noembed", "noframes",
    "template", "title", "xmp",
}  # fmt: skip

# Browsers ignore ASCII whitespace and control characters in URLs and read "\" as "/".
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_HAS_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)


def _browser_view(url):
    return _URL_IGNORED.sub("", url).replace("\\", "/")


def _relative_url(url):
    """Keep a relative URL unless it is protocol-relative (//host), which leaves the site."""
    return None if _browser_view(url).startswith("//") else url


def _attribute(element, attribute, value):
    # Pictures come from our own media only: no tracking pixels, and the public CSP allows 'self'.
    if element == "img" and attribute == "src":
        seen = _browser_view(value)
        if _HAS_SCHEME.match(seen) or not seen.startswith("/") or seen.startswith("//"):
            return None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=REMOVED_WITH_CONTENT,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_attribute,
    url_schemes=URL_SCHEMES,
    url_relative=_relative_url,
    allowed_classes=ALLOWED_CLASSES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


def clean_html(html):
    """Return ``html`` with only the tags, attributes, classes and URLs that news needs."""
    if not html:
        return ""
    return _cleaner.clean(html)


def ckeditor_allowed_content():
    """The allowlist as a CKEditor 4 ``allowedContent`` rule string (Advanced Content Filter)."""
    plain = sorted(
        tag for tag in ALLOWED_TAGS if tag not in ALLOWED_ATTRIBUTES and tag not in ALLOWED_CLASSES
    )
    rules = [" ".join(plain)]
    for tag in sorted(set(ALLOWED_ATTRIBUTES) | set(ALLOWED_CLASSES)):
        attributes = ",".join(sorted(ALLOWED_ATTRIBUTES.get(tag, ())))
        classes = ",".join(sorted(ALLOWED_CLASSES.get(tag, ())))
        rules.append(
            tag + (f"[{attributes}]" if attributes else "") + (f"({classes})" if classes else "")
        )
    return "; ".join(rules)


_BETWEEN_TAGS = re.compile(r">\s+<")
_SPACES = re.compile(r"\s+")
# Whitespace just inside or outside a block's tags is not shown, wherever the editor puts it.
_AROUND_BLOCK_TAGS = re.compile(
    r"\s*(</?(?:p|h2|h3|h4|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tfoot|tr|th"
    r"|td|caption)(?:\s[^>]*)?>|<br\s*/?>|<hr\s*/?>)\s*"
)


def normalize_html(html):
    """The cleaned body with whitespace folded: the form to compare two bodies in.

    The editor re-serialises the same HTML with other line breaks and indentation, and entities
    in other spellings; neither is a change a person made.
    """
    cleaned = _BETWEEN_TAGS.sub("><", clean_html(html or ""))
    return _AROUND_BLOCK_TAGS.sub(r"\1", _SPACES.sub(" ", cleaned)).strip()
