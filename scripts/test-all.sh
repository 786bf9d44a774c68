#!/usr/bin/env bash
# The whole suite: static checks, build, unit tests, the API suite on the embedded PostgreSQL and on a PostgreSQL
# server, and the browser journeys. Prints one closing line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/ensure-node.sh
source scripts/ensure-node.sh || exit 1
echo "Node.js $(node --version)"
results="$(mktemp -d)"
failed=0

step() { echo; echo "==> $*"; }
run_vitest() { # name, then vitest arguments
  local name="$1"; shift
  npx vitest run "$@" --reporter=default --reporter=json --outputFile="$results/$name.json" || failed=1
}

step "Browser for the end-to-end tests"
bash scripts/ensure-chromium.sh || failed=1

step "Type check, lint and format"
npm run --silent check || failed=1

step "Build (server and web)"
npm run --silent build || { echo "build failed"; exit 1; }

step "Unit tests"
run_vitest unit --project unit --passWithNoTests

step "API tests on the embedded PostgreSQL"
ACCORD_TEST_PG=embedded run_vitest api-embedded --project api

server_url="${ACCORD_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
step "API tests on the PostgreSQL server at ${server_url%%@*}@..."
# Reached with node-postgres (no PostgreSQL client tools needed); the database is created when missing.
if node scripts/ensure-test-database.mjs "$server_url"; then
  ACCORD_TEST_PG=server ACCORD_TEST_DATABASE_URL="$server_url" run_vitest api-server --project api
elif [ -n "${CI:-}" ] || [ -n "${ACCORD_REQUIRE_SERVER_PG:-}" ]; then
  echo "FAIL: the PostgreSQL server at $server_url cannot be reached, and CI requires the server suite." >&2
  failed=1
else
  reason="no PostgreSQL server at $server_url (start one, or set ACCORD_TEST_DATABASE_URL; see README)"
  echo "SKIPPED: the API suite on a PostgreSQL server: $reason." >&2
  # The server run would have run the same tests as the embedded one: count them as skipped, with the reason.
  node -e '
    const fs = require("fs");
    const [from, to, reason] = process.argv.slice(1);
    const embedded = fs.existsSync(from) ? JSON.parse(fs.readFileSync(from, "utf8")) : {};
    const skipped = embedded.numTotalTests ?? 1;
    fs.writeFileSync(to, JSON.stringify({ numPassedTests: 0, numFailedTests: 0, numPendingTests: skipped, skippedReason: reason }));
  ' "$results/api-embedded.json" "$results/api-server.json" "$reason"
fi

step "Browser journeys (Chromium)"
run_vitest e2e --project e2e --passWithNoTests

node scripts/summarise-tests.mjs "$results" || failed=1
rm -rf "$results"
exit $failed
