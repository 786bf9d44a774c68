#!/usr/bin/env bash
# Opt-in runs of issue 24 (never part of `npm test`): Accord through PgBouncer 1.18 in transaction pooling mode,
# and, with --cluster (as root), through PgBouncer and HAProxy to the Patroni cluster of scripts/cluster.sh,
# then the failover loop in its short mode.
#
#   npm run test:cluster                 # PgBouncer in front of the server PostgreSQL (ACCORD_TEST_DATABASE_URL)
#   npm run test:cluster -- --cluster    # also: start the cluster, the same API files through it, read-your-writes
#                                        # on paused replicas, failovers (directly, and through PgBouncer)
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/ensure-node.sh
source scripts/ensure-node.sh || exit 1
command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || {
  echo "pgbouncer is missing: apt-get install -y --no-install-recommends pgbouncer (or scripts/cluster.sh start)"
  exit 1
}
failed=0
step() { echo; echo "==> $*"; }

# Through PgBouncer to the server: the whole API suite but the files that cannot mean the same through a pooler:
# tests that terminate a backend by its pid or restart PostgreSQL (migrate, connection-loss, faults; through
# PgBouncer the pid is a shared server connection), pg_prepared_statements (prepared), the embedded PostgreSQL's own
# test, and the 1,000 simultaneous nominations of catalogue.concurrency, whose 10 s wait for a pool connection
# unnamed statements do not meet on 2 cores (899 of 960 in time, each answered 503 otherwise: statements re-planned
# each time cost several times more).
mapfile -t POOLER_FILES < <(git ls-files 'src/**.test.ts' 'test/**.test.ts' | grep -v -E \
  '\.unit\.test\.ts$|^test/cluster/|^src/db/(migrate|prepared|embedded-postgres)\.test\.ts$|^test/reliability/(connection-loss|faults)\.test\.ts$|^src/modules/catalogue/catalogue\.concurrency\.test\.ts$')

# Through PgBouncer and HAProxy to the cluster's leader: every module's main journeys, the audit chain,
# transitions, sessions, imports, transparency (the whole suite there takes longer than the cluster run is worth).
CLUSTER_FILES=(
  src/modules/audit/audit.test.ts
  src/modules/meetings
  src/modules/identity/sessions.test.ts
  src/modules/identity/admin.test.ts
  src/modules/catalogue/catalogue.test.ts
  src/modules/directory/directory.test.ts
  src/modules/notifications/notifications.test.ts
  src/modules/transparency/transparency.test.ts
  src/modules/operations/operations.test.ts
  src/modules/programmes/programmes.test.ts
  src/modules/readiness/readiness.test.ts
  src/modules/training/training.test.ts
  src/modules/imports/imports.test.ts
  src/db/read-routing.test.ts
  test/transitions
)

step "PgBouncer: what transaction pooling breaks, and that Accord copes (test/cluster)"
ACCORD_TEST_PG=server npx vitest run --project cluster test/cluster/pgbouncer.test.ts || failed=1

step "API files through PgBouncer (transaction mode) to the server PostgreSQL"
ACCORD_TEST_PG=server ACCORD_TEST_POOLER=pgbouncer npx vitest run --project api "${POOLER_FILES[@]}" || failed=1

if [ "${1:-}" = "--cluster" ]; then
  step "Patroni cluster (scripts/cluster.sh)"
  trap 'bash scripts/cluster.sh stop' EXIT
  bash scripts/cluster.sh start || exit 1
  rw_url="$(bash scripts/cluster.sh env | sed -n 's/^DATABASE_URL=//p' | sed 's#/postgres$#/test#')"

  step "API files through PgBouncer and HAProxy to the cluster's leader"
  ACCORD_TEST_DATABASE_URL="$rw_url" ACCORD_TEST_PG=server ACCORD_TEST_POOLER=pgbouncer \
    npx vitest run --project api "${CLUSTER_FILES[@]}" || failed=1

  step "Read-your-writes through the replicas, replay paused (DATABASE_READ_URL at HAProxy's read-only port)"
  ACCORD_TEST_DATABASE_URL="$rw_url" ACCORD_TEST_PG=server \
    npx vitest run --project cluster test/cluster/read-your-writes.test.ts || failed=1

  step "Failover loop, short mode (6 failovers under 8 writing clients)"
  npx tsx test/cluster/failover-loop.ts --short || failed=1

  step "Failover loop, short mode, through PgBouncer, reads on the replicas"
  npx tsx test/cluster/failover-loop.ts --short --through-pgbouncer --read-replicas || failed=1
fi

echo
if [ "$failed" = 0 ]; then echo "test:cluster passed"; else echo "test:cluster FAILED"; fi
exit "$failed"
