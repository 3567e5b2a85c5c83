#!/usr/bin/env bash
# Prints a DATABASE_URL for a local PostgreSQL the test suite may use, starting the Debian
# cluster and creating the role if it can. Prints nothing (exit 1) when there is none.
set -u
if [ -n "${TEST_DATABASE_URL:-}" ]; then echo "$TEST_DATABASE_URL"; exit 0; fi
command -v pg_lsclusters >/dev/null 2>&1 || exit 1

cluster=$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1" "$2" "$3" "$4}')
[ -n "$cluster" ] || exit 1
read -r version name port status <<<"$cluster"
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$name" start >/dev/null 2>&1 || exit 1
fi

role=portal_test
password=portal_test
if [ "$(id -u)" = 0 ]; then
  # initdb and superuser work refuse root: act as the postgres user.
  psql_admin=(runuser -u postgres -- psql -p "$port" -qtAX -v ON_ERROR_STOP=1)
elif [ "$(id -un)" = postgres ]; then
  psql_admin=(psql -p "$port" -qtAX -v ON_ERROR_STOP=1)
else
  psql_admin=()
fi
if [ ${#psql_admin[@]} -gt 0 ]; then
  exists=$("${psql_admin[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname='$role'" 2>/dev/null) || exit 1
  if [ "$exists" != "1" ]; then
    "${psql_admin[@]}" -c "CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password'" >/dev/null || exit 1
  fi
  dbexists=$("${psql_admin[@]}" -c "SELECT 1 FROM pg_database WHERE datname='$role'")
  if [ "$dbexists" != "1" ]; then
    "${psql_admin[@]}" -c "CREATE DATABASE $role OWNER $role" >/dev/null || exit 1
  fi
fi
url="postgres://$role:$password@127.0.0.1:$port/$role"
PGPASSWORD=$password psql "$url" -qtAX -c "SELECT 1" >/dev/null 2>&1 || exit 1
echo "$url"
