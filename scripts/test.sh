#!/usr/bin/env bash
# The whole suite on SQLite, then on PostgreSQL when one is available.
# STRICT=1 (or CI=true): PostgreSQL and the browser tests must run, not be skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
strict=${STRICT:-}
[ "${CI:-}" = "true" ] && strict=1
export PORTAL_STRICT=${strict:-0}

echo "== Test suite on SQLite =="
"$PY" -m pytest "$@"

if url=$(bash scripts/postgres.sh); then
  echo "== Test suite on PostgreSQL ($(psql "$url" -qtAX -c 'SHOW server_version' 2>/dev/null)) =="
  # Modules marked DATABASE_INDEPENDENT (files, storage, servers' configuration) ran above.
  PORTAL_SECOND_DATABASE=1 DATABASE_URL="$url" "$PY" -m pytest "$@"
elif [ "$PORTAL_STRICT" = 1 ]; then
  echo "STRICT: no PostgreSQL available, and the suite must run on it." >&2
  exit 1
else
  echo "== PostgreSQL not available here: skipped that run (CI runs it) =="
fi
