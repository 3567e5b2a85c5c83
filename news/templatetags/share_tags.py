"""Share links as plain URLs: no social network script runs on the portal's pages."""

import base64
import json
from urllib.parse import urlencode

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def facebook_share_url(url):
    return "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})


@register.filter
def zalo_share_url(url):
    """The address Zalo's own share button opens: the page URL as base64-encoded JSON in ``d``."""
    payload = base64.b64encode(json.dumps({"url": url}).encode()).decode()
    return "https://button-share.zalo.me/share_external?" + urlencode(
        {"layout": 1, "color": "blue", "customize": "false", "d": payload, "shareType": 0}
    )


NEW_WINDOW = '<span class="visually-hidden"> (mở trong cửa sổ mới)</span>'


@register.simple_tag
def share_links(url):
    """Plain links and two buttons that site.js reveals; no third-party script. E.g.
    {% share_links page_url %}."""
    links = [
        ("facebook", "Facebook", facebook_share_url(url)),
        ("zalo", "Zalo", zalo_share_url(url)),
    ]
    anchors = "".join(
        f'\n  <a class="share__link share__link--{name}" href="{escape(href)}" target="_blank" '
        f'rel="noopener noreferrer">{label}{NEW_WINDOW}</a>'
        for name, label, href in links
    )
    return mark_safe(
        '<div class="share" role="group" aria-labelledby="chia-se-nhan">\n'
        '  <span class="share__label" id="chia-se-nhan">Chia sẻ:</span>'
        f"{anchors}\n"
        f'  <button class="share__button" type="button" data-copy-link="{escape(url)}" hidden>'
        "Sao chép liên kết</button>\n"
        '  <button class="share__button" type="button" data-print hidden>In bài viết</button>\n'
        '  <p class="share__status" role="status" data-share-status></p>\n'
        "</div>"
    )
