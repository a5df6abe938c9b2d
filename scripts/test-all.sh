#!/usr/bin/env bash
# `npm test`: the one command that checks everything — static checks, generated-code and migration drift, the
# web build, then every test (unit, integration over HTTP, embedded smoke, browser). CI runs exactly this.
# Database: PostgreSQL when DATABASE_URL is set (each test file gets its own database), else in-memory PGlite.
set -uo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*"; exit 1; }

step "Chromium for browser tests"
bash scripts/ensure-chromium.sh || fail "Chromium is needed for the browser tests"
step "Typecheck";          npm run --silent typecheck       || fail "typecheck"
step "Lint";               npx biome lint .                 || fail "lint"
step "Format";             npx biome format .               || fail "format (run npm run format)"
step "GraphQL codegen drift"; npm run --silent codegen:check >/dev/null || fail "generated resolver types are stale (run npm run codegen)"
step "Migration drift";    npm run --silent db:drift        || fail "entities and migrations disagree"
step "Web build";          npm run --silent build:web       || fail "web build"

step "Tests on $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo "in-memory PGlite")"
mkdir -p test/artifacts
npx vitest run --reporter=default --reporter=json --outputFile.json=test/artifacts/vitest-report.json
status=$?
node scripts/summarise-test-report.mjs test/artifacts/vitest-report.json || status=1
exit $status
