from axes.apps import AppConfig as BaseAxesConfig
from django.contrib.staticfiles.apps import StaticFilesConfig as BaseStaticFilesConfig


class AxesConfig(BaseAxesConfig):
    """django-axes under a Vietnamese name in the admin (its models are translated in locale/)."""

    verbose_name = "Đăng nhập sai"


class StaticFilesConfig(BaseStaticFilesConfig):
    """Static files without CKEditor's bundled demo, test and read-me pages.

    django-ckeditor ships the whole CKEditor 4 tree; its HTML pages (plugin test pages, dialogs'
    sample frames) and build notes are never used by the admin, and WhiteNoise would otherwise
    publish them under /static/.
    """

    # Matched against each file's whole path, where "*" also spans folders.
    ignore_patterns = [
        *BaseStaticFilesConfig.ignore_patterns,
        "ckeditor/*.html",
        "ckeditor/*.md",
        "ckeditor/*/tests/*",
        "ckeditor/*/samples/*",
        "ckeditor/ckeditor/build-config.js",
        "ckeditor/ckeditor/bender-runner.config.json",
    ]
