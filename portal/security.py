"""Small adapters that let django-csp and django-axes fit this deployment."""

from csp.middleware import CSPMiddleware
from django.conf import settings


class PathCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy picked by path prefix.

    CONTENT_SECURITY_POLICY is the strict policy of the public pages;
    CONTENT_SECURITY_POLICY_BY_PATH maps a prefix (/admin/, the editor, /media/) to its own
    directives. A view's @csp/@csp_update/@csp_replace decorators still take precedence.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            for prefix, directives in settings.CONTENT_SECURITY_POLICY_BY_PATH.items():
                if request.path_info.startswith(prefix):
                    parts.config = directives
                    break
        return parts


def client_ip(request):
    """The reader's address for django-axes, behind settings.TRUSTED_PROXY_COUNT proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, so only the
    last TRUSTED_PROXY_COUNT entries were written by our proxies; anything before them came from
    the client and may be forged. With no proxy, X-Forwarded-For is ignored.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
