"""Site-wide views that belong to no app."""

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a Vietnamese 403 telling the editor the form expired and what to do."""
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/admin/" if request.path.startswith("/admin/") else "/"
    context = {
        "back_url": back,
        "no_cookie": "cookie" in reason.lower(),
        # Staff forms keep their text in an autosave; a public form (Hỏi đáp) has none.
        "staff_form": request.path.startswith("/admin/"),
    }
    return render(request, "403_csrf.html", context, status=403)
