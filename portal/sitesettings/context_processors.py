from django.utils.functional import SimpleLazyObject

from .models import current


def site_settings(request):
    # Read on first use only: a page that shows none of it (the CSRF 403) reads nothing.
    return {"site_settings": SimpleLazyObject(current)}
