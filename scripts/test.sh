#!/usr/bin/env bash
# npm test: everything, on a fresh Debian machine.
#   1. system packages from apt (Chromium, PostgreSQL 15 + PostGIS) when missing
#   2. npm packages when missing
#   3. the gates: format, lint (zero warnings), types (svelte-check, zero warnings)
#   4. unit tests; db tests on PGlite, on a throwaway PostgreSQL and on one shaped like a fresh
#      Supabase project's database (tests/db/supabase-shape.sql); e2e in Chromium
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
[ -x node_modules/.bin/vitest ] || npm install --no-audit --no-fund
npm run i18n:compile
npx svelte-kit sync
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "format: run npm run format"; exit 1; }
npx eslint . --max-warnings 0
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings --threshold warning
npx vitest run --project unit
SUPABASE_SHAPE=1 bash scripts/with-postgres.sh npx vitest run --project 'db-*'
npx playwright test
