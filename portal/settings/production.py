"""Production settings: refuse to start without a secret key and allowed hosts."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env, env_bool, env_list, require

DEBUG = False
SECRET_KEY = require("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    require("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Behind one reverse proxy (nginx) that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# nginx appends the client's address to X-Forwarded-For; earlier entries may be forged.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
SITE_URL = env("SITE_URL", f"https://{ALLOWED_HOSTS[0]}").rstrip("/")

# Shared by every gunicorn worker on the host, so a cache cleared by one is cleared for all.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env("CACHE_DIR", str(BASE_DIR / ".cache")),
    }
}
