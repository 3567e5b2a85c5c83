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


def _in_media_bucket(url):
    """Whether ``url`` names a stored file served from another origin (media on S3)."""
    from .media_files import media_url

    stored = media_url()
    return bool(_HAS_SCHEME.match(stored)) and url.startswith(stored)


def _attribute(element, attribute, value):
    # Pictures come from our own media only: no tracking pixels, and the public CSP allows 'self'
    # (and the media bucket's origin when media are on S3).
    if element == "img" and attribute == "src":
        seen = _browser_view(value)
        if _HAS_SCHEME.match(seen) and _in_media_bucket(seen):
            return value
        if _HAS_SCHEME.match(seen) or not seen.startswith("/") or seen.startswith("//"):
            return None
    return value


_OPTIONS = {
    "tags": ALLOWED_TAGS,
    "clean_content_tags": REMOVED_WITH_CONTENT,
    "url_schemes": URL_SCHEMES,
    "url_relative": _relative_url,
    "allowed_classes": ALLOWED_CLASSES,
    "link_rel": "noopener noreferrer",
    "strip_comments": True,
}
_cleaner = nh3.Cleaner(attributes=ALLOWED_ATTRIBUTES, attribute_filter=_attribute, **_OPTIONS)

# Word and other sites align text with align="" or style="text-align"; the first pass keeps
# those two on text blocks, so they can become classes before the second pass drops them.
_ALIGNABLE = ("p", "h2", "h3", "h4")
_ALIGN_CLASSES = {"center": "text-center", "right": "text-right", "justify": "text-justify"}
_TEXT_ALIGN = re.compile(r"text-align\s*:\s*([a-z]+)", re.IGNORECASE)


def _alignment(element, attribute, value):
    if attribute == "style":
        found = _TEXT_ALIGN.search(value)
        return found.group(1).lower() if found else None
    if attribute == "align":
        return value.strip().lower()
    return _attribute(element, attribute, value)


_word_cleaner = nh3.Cleaner(
    attributes={
        **ALLOWED_ATTRIBUTES,
        **{tag: {"align", "style", *ALLOWED_ATTRIBUTES.get(tag, ())} for tag in _ALIGNABLE},
    },
    attribute_filter=_alignment,
    **_OPTIONS,
)
# nh3's output is well formed: attribute values double-quoted, with "<>& escaped.
_ATTRS = r'(?:\s[a-z-]+(?:="[^"]*")?)*'
_ALIGNED_BLOCK = re.compile(rf"<({'|'.join(_ALIGNABLE)})({_ATTRS})>")
_ATTR = re.compile(r'\s([a-z-]+)(?:="([^"]*)")?')


def _align_as_class(match):
    tag, attrs = match.group(1), dict(_ATTR.findall(match.group(2)))
    # style="" holds the last text-align written, which wins over align="" as in a browser.
    align = _ALIGN_CLASSES.get(attrs.get("style") or attrs.get("align") or "")
    classes = attrs.get("class", "").split()
    if align and align not in classes:
        classes.append(align)
    return f'<{tag} class="{" ".join(classes)}">' if "class" in attrs or align else f"<{tag}>"


# Pictures from elsewhere lost their src in cleaning; they go with any wrapper left empty.
_IMG = re.compile(rf"<img({_ATTRS})>")
_GONE = "<removed-img>"  # cannot occur in nh3's output, where text "<" is "&lt;"
_EMPTY = r"(?:\s|&nbsp;|<br>)*"
_GONE_LINK = re.compile(rf"<a{_ATTRS}>{_EMPTY}{_GONE}{_EMPTY}</a>")
_FIGURE = re.compile(rf"<figure({_ATTRS})>((?:(?!</?figure).)*?)</figure>", re.DOTALL)
_GONE_BLOCK = re.compile(rf"<(p|h2|h3|h4|li)(?:{_ATTRS})>(?:{_EMPTY}{_GONE})+{_EMPTY}</\1>")
# CKEditor's image2 fills a new caption with its placeholder; English, the bundled Vietnamese,
# and the text our editor script used before. Shared with the editor through its config.
CAPTION_PLACEHOLDERS = ("Caption", "Nhãn", "Chú thích ảnh")
_EMPTY_CAPTION = re.compile(
    rf"<figcaption>{_EMPTY}(?:(?:{'|'.join(CAPTION_PLACEHOLDERS)}){_EMPTY})?</figcaption>",
    re.IGNORECASE,
)
_LONE_PICTURE = re.compile(rf"^{_EMPTY}((?:<a{_ATTRS}>)?<img{_ATTRS}>(?:</a>)?){_EMPTY}$")


def _mark_gone(match):
    return match.group(0) if ' src="' in match.group(1) else _GONE


def _figure(match):
    attrs, inner = dict(_ATTR.findall(match.group(1))), match.group(2)
    if _GONE in inner and "<img" not in inner:
        return ""  # its picture came from elsewhere: a caption alone is no figure
    inner = _EMPTY_CAPTION.sub("", inner)
    if re.fullmatch(_EMPTY, inner):
        return ""
    lone = _LONE_PICTURE.match(inner)
    if not lone:
        return f"<figure{match.group(1)}>{inner}</figure>"
    # Without a caption, the figure is the picture image2 writes: centred in a paragraph,
    # or the picture itself floating left or right.
    align = [name for name in attrs.get("class", "").split() if name in IMAGE_ALIGN]
    picture = lone.group(1)
    if align == ["align-center"]:
        return f'<p class="align-center">{picture}</p>'
    if align:
        picture = picture.replace("<img", f'<img class="{align[0]}"', 1)
    return f"<p>{picture}</p>"


def clean_html(html):
    """Return ``html`` with only the tags, attributes, classes and URLs that news needs."""
    if not html:
        return ""
    html = _ALIGNED_BLOCK.sub(_align_as_class, _word_cleaner.clean(html))
    html = _IMG.sub(_mark_gone, _cleaner.clean(html))
    html = _GONE_LINK.sub(_GONE, html)
    html = _FIGURE.sub(_figure, html)
    html = _GONE_BLOCK.sub("", html)
    return html.replace(_GONE, "")


def images_without_alt(html):
    """The src of every picture in cleaned ``html`` that has no text alternative."""
    found = []
    for match in _IMG.finditer(html):
        attrs = dict(_ATTR.findall(match.group(1)))
        if not attrs.get("alt", "").replace("&nbsp;", " ").strip():
            found.append(attrs.get("src", ""))
    return found


def replace_images(html, replace):
    """Cleaned ``html`` with each <img> replaced by ``replace(tag, attrs)``, where ``attrs`` holds
    its attributes as written (HTML-escaped)."""

    def each(found):
        return replace(found.group(0), dict(_ATTR.findall(found.group(1))))

    return _IMG.sub(each, html)


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
