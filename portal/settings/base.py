"""Settings shared by every environment; each value that differs comes from a DJANGO_ variable."""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy

from news.sanitize import CAPTION_PLACEHOLDERS, ckeditor_allowed_content

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(f"DJANGO_{name}", default)


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def require(name):
    value = env(name)
    if not value:
        raise ImproperlyConfigured(f"Set the DJANGO_{name} environment variable.")
    return value


SECRET_KEY = env("SECRET_KEY", "insecure-local-development-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
# Django serves uploaded files itself only on a laptop or in tests; nginx does in production.
SERVE_MEDIA = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A Vietnamese 403 (templates/403_csrf.html) instead of "CSRF verification failed".
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ckeditor",
    "ckeditor_uploader",
    "imagekit",
    "csp",
    "portal.apps.AxesConfig",  # django-axes, named in Vietnamese
    "reversion",
    "portal.newsroom",
    "news",
    "portal.photos",
    "portal.backups",
    "portal.mostread",
    "portal.questions",
    "portal.documents",
    "solo",  # django-solo: the site settings' one-row admin
    "portal.sitesettings",
    "portal.pagecache",
    "portal.gallery",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and the database: a reader's cached page costs no query (portal/pagecache).
    "portal.pagecache.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the CSRF check: keeps an article form's text when its session has expired.
    "news.expired_session.KeepArticleFormOverLoginMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.security.PathCSPMiddleware",
    # Last, as django-axes asks: it turns a lockout into the 429 answer.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "news.context_processors.site",
                "portal.sitesettings.context_processors.site_settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite by default so a fresh clone runs with no server; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# One language: every request is answered in it, so no LocaleMiddleware (it read each request's
# Accept-Language to pick among one, and made every page "Vary: Accept-Language", so that nginx
# and a CDN kept a copy per browser language).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
# Our Vietnamese strings for what Django's own catalogues lack or get wrong (README).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Our own date formats (28/12/2020) take precedence over Django's Vietnamese locale.
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Apps' static files without CKEditor's bundled test and sample pages (portal/staticfiles.py).
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "portal.staticfiles.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
# Documents register (portal/documents): the largest attached file accepted (PDF, DOCX, XLSX).
DOCUMENT_MAX_BYTES = int(env("DOCUMENT_MAX_MB", "20")) * 1024 * 1024
# Where `manage.py backup` (make backup) writes its archives.
BACKUP_DIR = Path(env("BACKUP_DIR", BASE_DIR / "backups"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "portal.staticfiles.ManifestStorage"},
}


# Shared state for several servers: media in an S3-compatible bucket (production.py uses this when
# DJANGO_MEDIA_STORAGE=s3). Public files are read straight from the bucket's public URL (or
# DJANGO_S3_CUSTOM_DOMAIN, a CDN); the bucket's policy must keep documents/ and .trash/ private.
def s3_storage():
    options = {
        "bucket_name": require("S3_BUCKET"),
        "endpoint_url": env("S3_ENDPOINT_URL") or None,
        "access_key": env("S3_ACCESS_KEY_ID") or None,
        "secret_key": env("S3_SECRET_ACCESS_KEY") or None,
        "region_name": env("S3_REGION") or None,
        "custom_domain": env("S3_CUSTOM_DOMAIN") or None,
        "url_protocol": env("S3_URL_PROTOCOL", "https:"),
        "addressing_style": env("S3_ADDRESSING_STYLE") or None,
        # Public, unsigned URLs: a page's links do not expire and are the same in every cache.
        "querystring_auth": False,
        "default_acl": None,
        # An upload never replaces another row's file of the same name (as on disk).
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def s3_origin(options):
    """The origin pages load media from on S3 (for the CSP): the custom domain's, else the
    endpoint's, else AWS's for the bucket."""
    if options["custom_domain"]:
        return f"{options['url_protocol']}//{options['custom_domain'].split('/')[0]}"
    if options["endpoint_url"]:
        return "/".join(options["endpoint_url"].split("/")[:3])
    return f"https://{options['bucket_name']}.s3.amazonaws.com https://s3.amazonaws.com"


CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal",
    }
}

# The admin's previews only, made on first use and looked up on disk: no database query per
# image. What readers see is made at upload by news/renditions.py.
IMAGEKIT_DEFAULT_CACHEFILE_STRATEGY = "imagekit.cachefiles.strategies.JustInTime"
IMAGEKIT_CACHEFILE_DIR = "thumbs"

CKEDITOR_UPLOAD_PATH = "editor/"
# Read only by django-ckeditor's own upload view, which is not mounted (news/uploads.py is).
CKEDITOR_ALLOW_NONIMAGE_FILES = False
CKEDITOR_CONFIGS = {
    "default": {
        "language": "vi",
        # What the vi language files leave in English is in static/js/ckeditor-vi.js.
        "applicationTitle": "Trình soạn thảo văn bản",
        "height": 420,
        "width": "100%",
        "toolbar": "news",
        "toolbar_news": [
            ["Format"],
            ["Bold", "Italic", "Underline", "RemoveFormat"],
            ["NumberedList", "BulletedList", "Blockquote"],
            ["JustifyLeft", "JustifyCenter", "JustifyRight"],
            ["Link", "Unlink"],
            ["Image", "Table", "HorizontalRule", "SpecialChar"],
            ["Undo", "Redo"],
            ["Maximize"],
        ],
        "format_tags": "p;h2;h3;h4",
        "extraPlugins": "image2,uploadimage",
        "removePlugins": "image,flash,iframe,forms,smiley,sourcearea,sourcedialog,exportpdf",
        "image2_captionedClass": "article-figure",
        # A caption left as this prompt is not stored (static/js/ckeditor-images.js, sanitize).
        "portalCaptionPlaceholders": list(CAPTION_PLACEHOLDERS),
        "image2_alignClasses": ["align-left", "align-center", "align-right"],
        "justifyClasses": ["text-left", "text-center", "text-right", "text-justify"],
        # The editor keeps what news/sanitize.py keeps, so staff see what will be stored.
        "allowedContent": ckeditor_allowed_content(),
        # Uploads go to news/uploads.py by XHR (JSON answer). The image dialog's browse button
        # opens the photo library (portal/photos/admin.py browse_view); links browse nothing.
        "filebrowserUploadUrl": reverse_lazy("ckeditor_upload"),
        "uploadUrl": reverse_lazy("ckeditor_upload"),
        "filebrowserBrowseUrl": "",
        "filebrowserImageBrowseUrl": reverse_lazy("admin:photos_picture_browse"),
        "filebrowserWindowWidth": 960,
        "filebrowserWindowHeight": 720,
        "filebrowserUploadMethod": "xhr",
    }
}

# Security headers (SecurityMiddleware, XFrameOptionsMiddleware, django-csp).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Public pages: scripts, styles and pictures from this site only; nothing inline, no eval.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "media-src": [SELF],  # the gallery's videos, played by the browser's own player
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# CKEditor 4 and the Django admin need inline scripts and styles (the editor's inline handlers,
# style="" in its UI). Only staff reach these paths, and what they save is cleaned by nh3.
_STAFF_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
    "base-uri": [NONE],
    "object-src": [NONE],
}
CONTENT_SECURITY_POLICY_BY_PATH = {
    "/admin/": _STAFF_POLICY,
    "/ckeditor/": _STAFF_POLICY,
    # Uploaded files are pictures; were one ever read as a page, it could run nothing.
    MEDIA_URL: {"default-src": [NONE], "style-src": [UNSAFE_INLINE], "sandbox": True},
}

# django-axes: 5 failed logins for one username from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip"
AXES_COOLOFF_MESSAGE = (
    "Tài khoản tạm khóa vì đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút "
    "hoặc liên hệ người quản trị."
)
# Reverse proxies in front of Django that append to X-Forwarded-For (production: nginx, 1).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))

# How often an open article form keeps its text in the person's autosave (news/autosave.py).
ARTICLE_AUTOSAVE_SECONDS = 30

# Readers' pages are cached until the content changes (portal/pagecache): at most this long,
# search results at most PAGE_CACHE_SEARCH_SECONDS; 0 switches the page cache off.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_SEARCH_SECONDS = 60
PAGE_CACHE_SEARCH_PATH = "/tim-kiem/"

# Most read (portal/mostread): views are batched in each worker and written every
# MOSTREAD_FLUSH_SECONDS or when that many articles wait; one address counts an article at most
# MOSTREAD_CAP_PER_HOUR times an hour; the sidebar block is recomputed at most this often.
MOSTREAD_FLUSH_SECONDS = int(env("MOSTREAD_FLUSH_SECONDS", "60"))
MOSTREAD_FLUSH_ROWS = 500
MOSTREAD_CAP_PER_HOUR = 20
MOSTREAD_BLOCK_SECONDS = 600

# Absolute links in e-mail (no request there).
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Mail to staff (submissions, returns, publications, password resets): printed on a laptop,
# SMTP from DJANGO_EMAIL_* in production.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Cổng thông tin LĐLĐ tỉnh <noreply@example.gov.vn>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Hỏi đáp pháp luật lao động (portal/questions/defences.py): the question form's spam defences,
# and who hears of a new question (empty: the staff who may answer, i.e. answer_question).
QUESTIONS_MIN_SECONDS = 3  # a post sooner than this after the form was shown is a robot's
QUESTIONS_MAX_AGE = 24 * 3600  # a form older than this is shown again with a fresh time stamp
QUESTIONS_RATE_LIMIT = 3  # questions an hour from one client address
QUESTIONS_NOTIFY_EMAILS = env_list("QUESTIONS_NOTIFY_EMAILS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # django-axes logs every failed login at INFO; lockouts are WARNINGs.
    "loggers": {"axes": {"level": env("AXES_LOG_LEVEL", "WARNING")}},
}

# ckeditor.W001: django-ckeditor bundles CKEditor 4.22.1, which is out of support. The client chose
# the editor, so nothing it produces is trusted: nh3 cleans every body whenever it is written to
# the database (news/sanitize.py, news/editor.py); the toolbar has no Source or Flash and its
# allowedContent mirrors the allowlist; the upload view is our own (news/uploads.py: article
# permission, CSRF and same-origin checks, pictures re-encoded by news/images.py, no file
# browser); the editor runs only under /admin/, behind its own CSP and django-axes, while public
# pages have a strict CSP. README "Security" describes the way out: another editor behind
# news/editor.py's one field and widget.
SILENCED_SYSTEM_CHECKS = ["ckeditor.W001"]

# Gallery (portal/gallery): the largest MP4 accepted, in MB. nginx's client_max_body_size for
# the video form (deploy/nginx.conf, location /admin/gallery/video/) must be a little larger.
GALLERY_VIDEO_MAX_MB = int(env("GALLERY_VIDEO_MAX_MB", "500"))
