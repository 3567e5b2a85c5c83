"""A save after the session expired goes through the login and back to the form, text intact.

The admin answers a POST from someone no longer signed in with a redirect to its login page,
dropping what was posted. For the article form, this middleware keeps the posted text in the
(anonymous) session first; Django's login() keeps session data, so once signed in the person
lands on the same form with their text put back, and the form's opened version still guards
against someone else's save in the meantime. Pictures chosen in the form cannot be kept.
"""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

ARTICLE_FORMS = {"admin:news_article_add", "admin:news_article_change"}
KEY = "news:form-kept-over-login"
NOT_KEPT = {"csrfmiddlewaretoken"}


class KeepArticleFormOverLoginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method != "POST"
            or request.user.is_authenticated
            or match is None
            or match.view_name not in ARTICLE_FORMS
        ):
            return None
        request.session[KEY] = {
            "path": request.path,
            "data": {k: v for k, v in request.POST.lists() if k not in NOT_KEPT},
        }
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))


def take_kept_form(request):
    """The POST kept for this form before the login, once; None if there is none."""
    kept = request.session.get(KEY)
    if not kept or kept.get("path") != request.path:
        return None
    del request.session[KEY]
    return kept["data"]
