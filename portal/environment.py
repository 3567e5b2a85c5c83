"""What partials and addresses depend on besides their data: the time zone, the script prefix
and the URLconf, read once per request (portal.request_scope).

Django keeps each in an asgiref Local, whose every read takes a lock and a context lookup (a few
microseconds here); a list page's cards and links read them about seventy times. The script
prefix is set before any middleware runs, and public pages never switch these halfway
(timezone.activate, set_script_prefix, set_urlconf).
"""

from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone

from .request_scope import PerRequest


def _read():
    return (timezone.get_current_timezone_name(), get_script_prefix(), get_urlconf())


_environment = PerRequest("portal_environment", _read)

current = _environment.get  # (time zone name, script prefix, URLconf)
request_scope = _environment.open
end_request_scope = _environment.close
