"""Test settings: fast hashing, files in a temporary folder."""

import hashlib
import tempfile

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client's login() authenticates without a request, which django-axes refuses;
# tests/test_security_login.py switches axes on to test the lockout.
AXES_ENABLED = False
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Browser tests load photos from the live server.
SERVE_MEDIA = True
WHITENOISE_AUTOREFRESH = True

# One PostgreSQL test database per checkout, so two work trees can test at once.
_checkout = hashlib.sha1(str(BASE_DIR).encode()).hexdigest()[:8]  # noqa: F405
DATABASES["default"].setdefault("TEST", {})["NAME"] = f"test_portal_{_checkout}"  # noqa: F405

# Off for the suite, whose query counts measure the pages themselves; tests/test_page_cache.py
# switches it on.
PAGE_CACHE_SECONDS = 0

# Every prepared query (portal/prepared.py) is also compiled the ORM's way and compared.
PREPARED_QUERIES_CHECK = True
