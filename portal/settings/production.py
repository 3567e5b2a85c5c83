"""Production settings: refuse to start without a secret key and allowed hosts."""

from .base import *  # noqa: F403
from .base import (
    _STAFF_POLICY,
    BASE_DIR,
    CONTENT_SECURITY_POLICY,
    STORAGES,
    env,
    env_bool,
    env_list,
    require,
    s3_origin,
    s3_storage,
)

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

# One host: a file cache shared by every gunicorn worker, so a cache cleared by one is cleared for
# all. Several hosts: Redis (DJANGO_REDIS_URL), shared by every worker of every host.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
        }
    }
    # Sessions read from Redis, written through to PostgreSQL: a Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR", str(BASE_DIR / ".cache")),
        }
    }

# Media on local disk (MEDIA_ROOT, served by nginx) unless DJANGO_MEDIA_STORAGE=s3: then in an
# S3-compatible bucket every app server shares (portal/storage.py reads the DJANGO_S3_* variables).
if env("MEDIA_STORAGE", "local") == "s3":
    STORAGES = {**STORAGES, "default": s3_storage()}
    for origin in s3_origin(STORAGES["default"]["OPTIONS"]).split():
        for directives in (CONTENT_SECURITY_POLICY["DIRECTIVES"], _STAFF_POLICY):
            for name in ("img-src", "media-src"):
                directives[name] = [*directives.get(name, []), origin]
