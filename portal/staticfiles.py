"""Static files as the pages use them: CKEditor's bundled pages are neither collected nor served,
and each file's hashed address is worked out once per process.

django-ckeditor ships the whole CKEditor 4 tree; its HTML pages (plugin test pages, dialogs'
sample frames), test scripts and build notes are never used by the admin, and WhiteNoise would
otherwise publish them under /static/.
"""

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.utils import matches_patterns
from whitenoise.storage import CompressedManifestStaticFilesStorage

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


class ManifestStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's storage, remembering each name's URL: the manifest is read once when the
    process starts, so the answer never changes while it runs; working it out again (name
    cleaning, manifest lookup, URL joining) cost about 35 µs per {% static %} on every page."""

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        urls = self.__dict__.setdefault("_urls", {})
        if name not in urls:
            urls[name] = super().url(name)
        return urls[name]
