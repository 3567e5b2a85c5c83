"""Static files as the pages use them: CKEditor's bundled pages are neither collected nor served.

django-ckeditor ships the whole CKEditor 4 tree; its HTML pages (plugin test pages, dialogs'
sample frames), test scripts and build notes are never used by the admin, and WhiteNoise would
otherwise publish them under /static/.
"""

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.utils import matches_patterns

# Matched against each file's whole path, where "*" also spans folders.
UNUSED = [
    "ckeditor/*.html",
    "ckeditor/*.md",
    "ckeditor/*/tests/*",
    "ckeditor/*/samples/*",
    "ckeditor/ckeditor/build-config.js",
    "ckeditor/ckeditor/bender-runner.config.json",
]


class AppDirectoriesFinder(finders.AppDirectoriesFinder):
    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *UNUSED])

    def find(self, path, find_all=False, **kwargs):
        if matches_patterns(path, UNUSED):
            return []  # "not here", as Django's own finders say it
        return super().find(path, find_all=find_all, **kwargs)
