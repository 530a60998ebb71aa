#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 + PostGIS cluster (Debian's packages) and
# TEST_DATABASE_URL pointing at it as the superuser. The cluster is removed afterwards.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
PORT=${PGPORT_TEST:-$((50000 + RANDOM % 10000))}
DIR=$(mktemp -d /tmp/tsunagari-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
# C.UTF-8, not C: with the C locale pg_trgm extracts no trigrams from Japanese text.
as_pg $PGBIN/initdb -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg $PGBIN/pg_ctl -D "$DIR/data" -l "$DIR/log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
trap 'as_pg $PGBIN/pg_ctl -D "$DIR/data" -m immediate stop >/dev/null 2>&1; rm -rf "$DIR"' EXIT
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
"$@"
