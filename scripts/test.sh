#!/usr/bin/env bash
# The whole suite on SQLite, then on PostgreSQL when one is available.
# STRICT=1 (or CI=true): PostgreSQL and the browser tests must run, not be skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
strict=${STRICT:-}
[ "${CI:-}" = "true" ] && strict=1
export PORTAL_STRICT=${strict:-0}

# One pytest worker per core (pytest-xdist): each has its own test database and MEDIA_ROOT.
workers=${PYTEST_WORKERS:-$(nproc 2>/dev/null || echo 2)}
[ "$workers" -gt 4 ] && workers=4

echo "== Test suite on SQLite ($workers workers) =="
"$PY" -m pytest -n "$workers" "$@"

if url=$(bash scripts/postgres.sh); then
  echo "== Test suite on PostgreSQL ($(psql "$url" -qtAX -c 'SHOW server_version' 2>/dev/null)) =="
  DATABASE_URL="$url" "$PY" -m pytest -n "$workers" "$@"
elif [ "$PORTAL_STRICT" = 1 ]; then
  echo "STRICT: no PostgreSQL available, and the suite must run on it." >&2
  exit 1
else
  echo "== PostgreSQL not available here: skipped that run (CI runs it) =="
fi
