"""Share links as plain URLs: no social network script runs on the portal's pages."""

import base64
import json
from urllib.parse import urlencode

from django import template

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
