import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.js";
import { migrate, pendingMigrations } from "./migrate.js";
import { migrationNames } from "./migrations/index.js";

let t: TestApp;
let pool: pg.Pool;
const bundledSql = (name: string) =>
  readFileSync(new URL(`./migrations/${name}.sql`, import.meta.url), "utf8");

beforeAll(async () => {
  t = await createTestApp();
  pool = new pg.Pool({ connectionString: t.config.databaseUrl, max: 2 });
});
afterAll(async () => {
  await pool.end();
  await t.close();
});

describe("migrations", () => {
  it("reports nothing pending on a migrated database and applies nothing twice", async () => {
    expect(await pendingMigrations(t.db)).toEqual([]);
    expect(await migrate(pool)).toEqual([]);
  });

  it("leaves error listeners on a bare pool it was given, so a terminated idle connection ends nothing", async () => {
    const bare = new pg.Pool({ connectionString: t.config.databaseUrl, max: 1 });
    try {
      expect(bare.listeners("error")).toHaveLength(0);
      await migrate(bare);
      // The job queue's migrations install listeners of their own only while they run; these stay.
      expect(bare.listeners("error")).toHaveLength(1);
      expect(bare.listeners("connect")).toHaveLength(1);
      const { rows } = await bare.query<{ pid: number }>("select pg_backend_pid() as pid");
      await pool.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
      // The idle client's 'error' reached a listener (an unhandled one would fail this file); the next query
      // runs on a new connection.
      await expect
        .poll(async () => (await bare.query("select 1 as one")).rows[0].one, { timeout: 5000 })
        .toBe(1);
    } finally {
      await bare.end();
    }
  });

  it("rolls a failing migration back completely, leaving the database as it was", async () => {
    const failing =
      "create table migration_probe (id int); insert into migration_probe values (1); select 1/0;";
    await expect(
      migrate(pool, () => {}, {
        names: [...migrationNames, "9998_half_good"],
        load: (name) => (name === "9998_half_good" ? failing : bundledSql(name)),
      }),
    ).rejects.toThrow(/9998_half_good failed and was rolled back/);
    const probe = await pool.query("select to_regclass('migration_probe') as found");
    expect(probe.rows[0].found).toBeNull();
    const applied = await pool.query(
      "select count(*)::int as n from schema_migration where name = '9998_half_good'",
    );
    expect(applied.rows[0].n).toBe(0);
  });

  it("refuses to run when an applied migration was edited", async () => {
    await expect(
      migrate(pool, () => {}, {
        names: migrationNames,
        load: (name) => (name === "0001_foundation" ? `${bundledSql(name)}\n-- edited` : bundledSql(name)),
      }),
    ).rejects.toThrow(/0001_foundation was changed after it was applied/);
  });
});
