import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DatabaseUnavailableError } from "../../src/db/connection-errors.js";
import { closePool, createKysely, createPool } from "../../src/db/database.js";
import { migrate } from "../../src/db/migrate.js";
import { migrationNames } from "../../src/db/migrations/index.js";
import { databaseUrl } from "../reliability/support.js";
import { type PgBouncer, startPgBouncer } from "../support/pgbouncer.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

// Opt-in (npm run test:cluster, project "cluster", on the server PostgreSQL): Debian's PgBouncer 1.18 in
// transaction pooling mode in front of the test database, and what of Accord's use of sessions it breaks.

let t: TestApp;
let bouncer: PgBouncer;
let url: string;

beforeAll(async () => {
  if (inject("pgKind") !== "server") throw new Error("run the cluster project with ACCORD_TEST_PG=server");
  t = await createTestApp();
  bouncer = await startPgBouncer(inject("pgAdminUrl"));
  url = bouncer.url(databaseUrl(t.databaseName));
});
afterAll(async () => {
  await t?.close();
  await bouncer?.stop();
});

/** Many statements of a few shapes from several connections at once, each its own transaction. */
const burst = (run: (n: number) => Promise<unknown>, count = 40) =>
  Promise.allSettled(Array.from({ length: count }, (_, n) => run(n)));

describe("Accord through PgBouncer 1.18 in transaction mode", () => {
  it("loses named prepared statements between transactions; the pool notices once and goes unnamed", async () => {
    const pool = createPool(url, 8);
    let detected = 0;
    const db = createKysely(pool, { onPoolerDetected: () => detected++ });
    const failures: { inTransaction: boolean; reason: unknown }[] = [];
    try {
      for (let round = 0; round < 30 && detected === 0; round++) {
        const results = await burst((n) =>
          n % 2
            ? sql`select ${n}::int + 1 as x`.execute(db)
            : db.transaction().execute((trx) => sql`select ${n}::int, pg_sleep(0.002)`.execute(trx)),
        );
        results.forEach((result, n) => {
          if (result.status === "rejected")
            failures.push({ inTransaction: n % 2 === 0, reason: result.reason });
        });
      }
      // The break is real with this PgBouncer: a statement prepared on one server connection is missing on the
      // next one (or already there). A statement alone is sent again unnamed; one inside a transaction fails the
      // transaction with a 503-class error, never a bare 500 error.
      expect(detected).toBe(1);
      for (const failure of failures) {
        expect(failure.inTransaction).toBe(true);
        expect(failure.reason).toBeInstanceOf(DatabaseUnavailableError);
      }
      // From then on every statement goes unnamed and passes.
      for (let round = 0; round < 5; round++) {
        const results = await burst((n) => sql<{ x: number }>`select ${n}::int + 1 as x`.execute(db));
        expect(results.filter((result) => result.status === "rejected")).toEqual([]);
      }
    } finally {
      await closePool(db, pool);
    }
  });

  it("with DATABASE_POOLER=transaction's setting, no statement ever fails", async () => {
    const pool = createPool(url, 8);
    const db = createKysely(pool, { prepare: false, onPoolerDetected: () => expect.unreachable() });
    try {
      for (let round = 0; round < 10; round++) {
        const results = await burst((n) =>
          n % 2
            ? sql`select ${n}::int + 1 as x`.execute(db)
            : db.transaction().execute((trx) => sql`select ${n}::int, pg_sleep(0.002)`.execute(trx)),
        );
        expect(results.filter((result) => result.status === "rejected")).toEqual([]);
      }
    } finally {
      await closePool(db, pool);
    }
  });

  it("migrates through it: concurrent runs apply a migration once and leave no lock behind", async () => {
    const bundled = (name: string) =>
      readFileSync(new URL(`../../src/db/migrations/${name}.sql`, import.meta.url), "utf8");
    const probe = "9997_pooler_probe";
    const source = {
      names: [...migrationNames, probe],
      load: (name: string) =>
        name === probe
          ? "create table pooler_probe (id int); insert into pooler_probe values (1);"
          : bundled(name),
    };
    const pools = [createPool(url, 2), createPool(url, 2)];
    try {
      const applied = await Promise.all(pools.map((pool) => migrate(pool, () => {}, source)));
      expect(applied.flat()).toEqual([probe]);
      // A session lock taken through the pooler would have stayed on some server connection: this run waits on it.
      const again = await Promise.race([
        migrate(pools[0]!, () => {}, source),
        new Promise((resolve) => setTimeout(() => resolve("timed out"), 15_000)),
      ]);
      expect(again).toEqual([]);
      const { rows } = await pools[0]!.query("select count(*)::int as n from pooler_probe");
      expect(rows[0].n).toBe(1);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});
