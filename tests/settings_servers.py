"""Production settings for the app servers the tests start (tests/test_two_servers.py).

production.py as it is, but for two things the tests need:
- static files: the manifest storage renders no page before `collectstatic` (7 s and 32 MB
  here), and these servers are asked for pages, not for static files, so {% static %} names the
  files as they are;
- passwords: the test suite's fast hasher, as portal/settings/test.py (importing that module
  would make it a media folder), with which tests/factories.py makes the users who sign in.
"""

from portal.settings.production import *  # noqa: F403
from portal.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
