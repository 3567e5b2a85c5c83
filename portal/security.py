"""Small adapters that let django-csp and django-axes fit this deployment."""

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver


class PathCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy picked by path prefix.

    CONTENT_SECURITY_POLICY is the strict policy of the public pages;
    CONTENT_SECURITY_POLICY_BY_PATH maps a prefix (/admin/, the editor, /media/) to its own
    directives. A view's @csp/@csp_update/@csp_replace decorators still take precedence.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            parts.config = _path_directives(request.path_info)
        return parts

    def process_response(self, request, response):
        """django-csp's answer; for a response no view decorated and no template asked a nonce
        of (every public page), its header is the path's policy built once per process rather
        than on each response (about 0.1 ms: the library deep-copies the policy every time)."""
        if (
            (settings.DEBUG and response.status_code in (404, 500))
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in RESPONSE_ATTRIBUTES)
        ):
            return super().process_response(request, response)
        policy = _policy(request.path_info)
        if policy and HEADER not in response and not request.path_info.startswith(_excluded()):
            response[HEADER] = policy
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


# What django-csp's decorators (@csp, @csp_update, @csp_replace, @csp_exempt) set on a response.
RESPONSE_ATTRIBUTES = (
    "_csp_config", "_csp_update", "_csp_replace", "_csp_exempt",
    "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro", "_csp_exempt_ro",
)  # fmt: skip
_policies = {}


def _excluded():
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    return tuple(policy.get("EXCLUDE_URL_PREFIXES", None) or ())


def _path_prefix(path):
    """The CONTENT_SECURITY_POLICY_BY_PATH prefix the path falls under, or ""."""
    return next((p for p in settings.CONTENT_SECURITY_POLICY_BY_PATH if path.startswith(p)), "")


def _path_directives(path):
    """The path's own directives; None for the public pages' CONTENT_SECURITY_POLICY."""
    return settings.CONTENT_SECURITY_POLICY_BY_PATH.get(_path_prefix(path))


def _policy(path):
    """The header for a path, as django-csp builds it from the path's directives."""
    prefix = _path_prefix(path)
    if prefix not in _policies:
        _policies[prefix] = build_policy(config=_path_directives(path))
    return _policies[prefix]


@receiver(setting_changed)
def _forget(*, setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _policies.clear()


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
