"""The yardstick of scripts/bench_throughput.py: Django itself, with nothing of the portal.

Settings, URLconf and WSGI application in one module: one view returning the bytes of the file
named by BENCH_BARE_FILE (the article page, saved by the bench), no apps, no middleware.
Served by the same gunicorn as the portal: ``gunicorn bench_bare:application`` with
DJANGO_SETTINGS_MODULE=bench_bare and scripts/ on the Python path.
"""

import os
from pathlib import Path

from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = __name__
INSTALLED_APPS = []
MIDDLEWARE = []
USE_TZ = True

PAGE = Path(os.environ["BENCH_BARE_FILE"]).read_bytes()


def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]

application = get_wsgi_application()
