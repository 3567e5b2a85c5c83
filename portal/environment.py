"""What partials and addresses depend on besides their data: the time zone, the script prefix
and the URLconf, read once per request.

Django keeps each in an asgiref Local, whose every read takes a lock and a context lookup (a few
microseconds here); a list page's cards and links read them about seventy times. Inside a
request (the page cache middleware, the outermost of ours, opens the scope: the script prefix
is set before any middleware runs) they are read once. Public pages never switch them halfway
(timezone.activate, set_script_prefix, set_urlconf); outside a request they are read each time.
"""

import contextvars

from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone

_OUTSIDE = object()
_this_request = contextvars.ContextVar("portal_environment", default=_OUTSIDE)


def current():
    """(time zone name, script prefix, URLconf) for this request."""
    known = _this_request.get()
    if known is not _OUTSIDE and known is not None:
        return known
    value = (timezone.get_current_timezone_name(), get_script_prefix(), get_urlconf())
    if known is None:
        _this_request.set(value)
    return value


def request_scope():
    return _this_request.set(None)


def end_request_scope(token):
    _this_request.reset(token)
