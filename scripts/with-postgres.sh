#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 + PostGIS cluster (Debian's packages) and
# TEST_DATABASE_URL pointing at it as the superuser. With SUPABASE_SHAPE=1 a second cluster is
# started whose bootstrap superuser is supabase_admin, as on Supabase, and TEST_SUPABASE_URL
# points at it (tests/db/supabase-shape.sql then prepares it as a fresh project's database).
# The clusters are removed afterwards.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
DIRS=()
trap 'for d in "${DIRS[@]}"; do as_pg $PGBIN/pg_ctl -D "$d/data" -m immediate stop >/dev/null 2>&1; rm -rf "$d"; done' EXIT

# start_cluster SUPERUSER PORT: prints the superuser's URL
start_cluster() {
  local dir
  dir=$(mktemp -d /tmp/tsunagari-pg.XXXXXX)
  DIRS+=("$dir")
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  # C.UTF-8, not C: with the C locale pg_trgm extracts no trigrams from Japanese text.
  as_pg $PGBIN/initdb -D "$dir/data" -U "$1" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_pg $PGBIN/pg_ctl -D "$dir/data" -l "$dir/log" -w -o "-p $2 -k $dir -c listen_addresses=127.0.0.1 \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
}

PORT=${PGPORT_TEST:-$((50000 + RANDOM % 10000))}
start_cluster postgres "$PORT"
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
if [ "${SUPABASE_SHAPE:-}" = 1 ]; then
  SPORT=$((PORT + 1))
  start_cluster supabase_admin "$SPORT"
  export TEST_SUPABASE_URL="postgresql://supabase_admin@127.0.0.1:$SPORT/postgres"
fi
"$@"
