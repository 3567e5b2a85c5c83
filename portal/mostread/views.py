from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import counter
from .readers import is_reader


# sendBeacon() carries no CSRF token, and a cached page would hold a stale one. All a forged
# request could do is add a view, and readers.is_reader caps that per address.
@csrf_exempt
@require_POST
@never_cache
def beacon(request, pk):
    """An article page was read (site.js). No database query here: counter.py batches."""
    if is_reader(request, pk):
        counter.record(pk)
    return HttpResponse(status=204)
