"""Only what the pages use is published under /static/: no CKEditor sample or test pages.

Production serves STATIC_ROOT (WhiteNoise without finders), which collectstatic fills.
"""

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

# Files, storage or servers, not the database: `make test` runs it on SQLite only (conftest).
DATABASE_INDEPENDENT = True

UNUSED = [
    "ckeditor/ckeditor/plugins/exportpdf/tests/manual/readonly.html",
    "ckeditor/ckeditor/plugins/exportpdf/tests/authentication.js",
    "ckeditor/ckeditor/plugins/preview/preview.html",
    "ckeditor/ckeditor/plugins/wsc/dialogs/ciframe.html",
    "ckeditor/ckeditor/README.md",
    "ckeditor/ckeditor/build-config.js",
    "ckeditor/ckeditor/bender-runner.config.json",
]
USED = [
    "ckeditor/ckeditor/ckeditor.js",
    "ckeditor/ckeditor/plugins/image2/plugin.js",
    "ckeditor/ckeditor/lang/vi.js",
    "ckeditor/ckeditor/skins/moono-lisa/editor.css",
    "js/site.js",
]


def test_the_package_still_ships_the_pages_we_leave_out():
    """Otherwise the test below would pass without checking anything."""
    from pathlib import Path

    import ckeditor

    root = Path(ckeditor.__file__).parent / "static"
    assert all((root / path).exists() for path in UNUSED)


def test_collectstatic_leaves_out_the_sample_and_test_pages(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    for path in UNUSED:
        assert not (tmp_path / path).exists(), path
    for path in USED:
        assert (tmp_path / path).exists(), path
    assert not list(tmp_path.glob("ckeditor/**/*.html"))


@pytest.mark.parametrize("path", UNUSED)
def test_the_finders_do_not_serve_them_either(path, client, db):
    assert finders.find(path) is None
    assert finders.find(path, find_all=True) == []
    assert client.get(f"/static/{path}").status_code == 404


def test_the_finders_still_serve_what_the_pages_use(client):
    assert all(finders.find(path) for path in USED)
