"""The W3C Nu Html Checker (vnu-jar) over every public page type and our stylesheets: 0 errors."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import STRICT
from tests.pages import SEARCH_MISSING, build_site, page_paths

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STYLESHEETS = sorted((ROOT / "static" / "css").glob("*.css"))
EXPECTED = {"home", "list", "list-page-2", "category", "detail", "404"} | (
    set() if SEARCH_MISSING else {"search"}
)


def run_vnu(files):
    """One JVM start for every file; returns the checker's messages."""
    java = shutil.which("java")
    if not java or not VNU.exists():
        message = "the Nu Html Checker needs java and node_modules/vnu-jar; run `make install`"
        if STRICT:
            pytest.fail(f"STRICT: {message}", pytrace=False)
        pytest.skip(message)
    done = subprocess.run(
        [java, "-jar", str(VNU), "--also-check-css", "--format", "json", "--exit-zero-always"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stderr)["messages"]


def render(client, tmp_path):
    files = {}
    for name, path in page_paths(build_site()).items():
        response = client.get(path)
        assert response.status_code == (404 if name == "404" else 200), name
        target = tmp_path / f"{name}.html"
        target.write_bytes(response.content)
        files[name] = target
    return files


def summarize(messages, files):
    by_file = {path.name: name for name, path in files.items()}
    counts = {name: {"error": 0, "warning": 0, "info": 0} for name in files}
    lines = []
    for message in messages:
        url = message.get("url", "")
        name = by_file.get(url.rsplit("/", 1)[-1], url)
        # Nu's JSON: errors are "error" (or "non-document-error"); warnings are "info" messages
        # with the subType "warning"; plain "info" messages are neither and are only printed.
        if message["type"] in {"error", "non-document-error"}:
            kind = "error"
        elif message.get("subType") == "warning":
            kind = "warning"
        else:
            kind = "info"
        counts.setdefault(name, {"error": 0, "warning": 0, "info": 0})[kind] += 1
        line = f"{name}:{message.get('lastLine', '?')}: {message['type']}: {message['message']}"
        lines.append((kind, line))
    return counts, lines


@pytest.mark.django_db
def test_every_public_page_type_is_valid_html(client, tmp_path):
    files = render(client, tmp_path)
    assert set(files) == EXPECTED
    files.update({path.name: path for path in STYLESHEETS})
    counts, lines = summarize(run_vnu(files.values()), files)
    for name, count in sorted(counts.items()):
        print(f"Nu {name}: {count['error']} errors, {count['warning']} warnings")
    for _, line in lines:
        print(line)
    errors = [line for kind, line in lines if kind == "error"]
    assert errors == [], "\n".join(errors)


def test_the_checker_reports_an_error(tmp_path):
    """The check can fail: a page with a stray end tag and no title gives errors."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="vi"><head></head><body></div></body></html>')
    bad_css = tmp_path / "broken.css"
    bad_css.write_text(".banner { colour: red; }")
    messages = run_vnu([broken, bad_css])
    failing = {
        message["url"].rsplit("/", 1)[-1] for message in messages if message["type"] == "error"
    }
    assert failing == {"broken.html", "broken.css"}
