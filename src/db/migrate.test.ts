import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.js";
import { withErrorListeners } from "./database.js";
import { functionNames } from "./functions/index.js";
import { type MigrationSource, migrate, pendingMigrations } from "./migrate.js";
import { migrationNames } from "./migrations/index.js";

let t: TestApp;
let pool: pg.Pool;
const bundledSql = (name: string) =>
  readFileSync(new URL(`./migrations/${name}.sql`, import.meta.url), "utf8");
const bundledFunction = (name: string) =>
  readFileSync(new URL(`./functions/${name}.sql`, import.meta.url), "utf8");

beforeAll(async () => {
  t = await createTestApp();
  pool = withErrorListeners(new pg.Pool({ connectionString: t.config.databaseUrl, max: 2 }));
});
afterAll(async () => {
  await pool.end();
  await t.close();
});

describe("migrations", () => {
  it("reports nothing pending on a migrated database and applies nothing twice", async () => {
    expect(await pendingMigrations(t.db)).toEqual([]);
    const messages: string[] = [];
    expect(await migrate(pool, (message) => messages.push(message))).toEqual([]);
    expect(messages).toEqual([]);
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

/** The bundled migrations with function files whose text `edit` may change (or, returning null, leave out). */
const withFunctions = (edit: (name: string, text: string) => string | null): MigrationSource => {
  const texts = new Map(
    functionNames.flatMap((name) => {
      const text = edit(name, bundledFunction(name));
      return text === null ? [] : [[name, text] as const];
    }),
  );
  return {
    names: migrationNames,
    load: bundledSql,
    functions: { names: [...texts.keys()], load: (name) => texts.get(name)! },
  };
};
const definitionOf = async (name: string) =>
  (await pool.query<{ def: string }>("select pg_get_functiondef($1::regproc) as def", [name])).rows[0]!.def;
const recorded = async () =>
  (
    await pool.query<{ name: string; checksum: string; applied_at: Date }>(
      "select name, checksum, applied_at from schema_function_file order by name",
    )
  ).rows;
const touchEdited = (name: string, text: string) =>
  name === "accord_touch_updated_at"
    ? text.replace("new.updated_at := now();", "new.updated_at := now(); -- edited by a test")
    : text;

describe("function files", () => {
  it("re-applies a file whose text changed, and no other; the next migrate puts the bundled one back", async () => {
    const before = await recorded();
    const messages: string[] = [];
    await migrate(pool, (message) => messages.push(message), withFunctions(touchEdited));
    expect(messages).toEqual(["Applied function file accord_touch_updated_at"]);
    expect(await definitionOf("accord_touch_updated_at")).toContain("now(); -- edited by a test");
    const after = await recorded();
    expect(after.filter((row) => row.name !== "accord_touch_updated_at")).toEqual(
      before.filter((row) => row.name !== "accord_touch_updated_at"),
    );
    expect(after.find((row) => row.name === "accord_touch_updated_at")!.checksum).not.toBe(
      before.find((row) => row.name === "accord_touch_updated_at")!.checksum,
    );

    const back: string[] = [];
    await migrate(pool, (message) => back.push(message));
    expect(back).toEqual(["Applied function file accord_touch_updated_at"]);
    expect(await definitionOf("accord_touch_updated_at")).not.toContain("edited by a test");
    expect(await recorded()).toEqual(
      before.map((row) =>
        row.name === "accord_touch_updated_at" ? { ...row, applied_at: expect.any(Date) } : row,
      ),
    );
  });

  it("rolls every function file back when one fails", async () => {
    const before = await recorded();
    const auditBefore = await definitionOf("accord_audit_append_only");
    await expect(
      migrate(
        pool,
        () => {},
        withFunctions((name, text) => {
          // accord_audit_append_only comes before accord_touch_updated_at, which does not compile.
          if (name === "accord_audit_append_only")
            return text.replace("append-only'", "append-only (edited)'");
          if (name === "accord_touch_updated_at") return text.replace("begin", "begin this is not PL/pgSQL;");
          return text;
        }),
      ),
    ).rejects.toThrow(/Function file accord_touch_updated_at failed; no function file was applied/);
    expect(await definitionOf("accord_audit_append_only")).toBe(auditBefore);
    expect(await recorded()).toEqual(before);
  });

  it("applies a changed file once when two processes migrate together", async () => {
    const other = withErrorListeners(new pg.Pool({ connectionString: t.config.databaseUrl, max: 2 }));
    try {
      const messages: string[] = [];
      await Promise.all([
        migrate(pool, (message) => messages.push(message), withFunctions(touchEdited)),
        migrate(other, (message) => messages.push(message), withFunctions(touchEdited)),
      ]);
      expect(messages).toEqual(["Applied function file accord_touch_updated_at"]);
    } finally {
      await other.end();
      await migrate(pool);
    }
    expect(await definitionOf("accord_touch_updated_at")).not.toContain("edited by a test");
  });

  it("forgets the record of a file that is gone, and leaves its function to the migration that drops it", async () => {
    await migrate(
      pool,
      () => {},
      withFunctions((name, text) => (name === "accord_held_seats" ? null : text)),
    );
    expect((await recorded()).map((row) => row.name)).not.toContain("accord_held_seats");
    expect(await definitionOf("accord_held_seats")).toContain("accord_held_seats");
    const messages: string[] = [];
    await migrate(pool, (message) => messages.push(message));
    expect(messages).toEqual(["Applied function file accord_held_seats"]);
  });
});
