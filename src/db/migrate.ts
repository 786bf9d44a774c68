import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Logger, runMigrations as runQueueMigrations } from "graphile-worker";
import { type Kysely, sql } from "kysely";
import type pg from "pg";
import { withErrorListeners } from "./database.js";
import { functionNames } from "./functions/index.js";
import { migrationNames } from "./migrations/index.js";
import type { DB } from "./schema/index.js";

export class MigrationError extends Error {}

const MIGRATION_LOCK = 7283461000;

function migrationSql(name: string): string {
  return readFileSync(new URL(`./migrations/${name}.sql`, import.meta.url), "utf8");
}

function functionSql(name: string): string {
  return readFileSync(new URL(`./functions/${name}.sql`, import.meta.url), "utf8");
}

const silentQueueLogger = new Logger(() => () => {});

const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex");

async function ensureTable(client: pg.PoolClient): Promise<void> {
  await client.query(`create table if not exists schema_migration (
    name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
  await client.query(`create table if not exists schema_function_file (
    name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
}

export async function appliedMigrations(db: Kysely<DB>): Promise<Map<string, string>> {
  const { rows } = await sql<{ name: string; checksum: string }>`select name, checksum from schema_migration`
    .execute(db)
    .catch((error: { code?: string }) => {
      if (error.code === "42P01") return { rows: [] };
      throw error;
    });
  return new Map(rows.map((row) => [row.name, row.checksum]));
}

export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const applied = await appliedMigrations(db);
  return migrationNames.filter((name) => !applied.has(name));
}

/**
 * Applies pending migrations, each in its own transaction, so that several Accord processes starting together on
 * one server migrate once: each transaction takes a transaction-scoped advisory lock and looks again at what is
 * applied. Not a session lock: behind a pooler in transaction mode (PgBouncer) a session lock stays on whichever
 * server connection took it, and its unlock may reach another, so the next start would wait for ever. Then the
 * function files whose text changed (applyFunctionFiles), in one more such transaction.
 */
export interface MigrationSource {
  names: readonly string[];
  load(name: string): string;
  /**
   * The function files applied after the migrations (src/db/functions). Absent when migrating to a level short of
   * this version's last migration (a restore to a backup's level): the files are written for the last one.
   */
  functions?: FunctionSource;
}

/** Function files in the order they are applied; `load` gives a file's text. */
export interface FunctionSource {
  names: readonly string[];
  load(name: string): string;
}

const bundled: MigrationSource = {
  names: migrationNames,
  load: migrationSql,
  functions: { names: functionNames, load: functionSql },
};

async function locked<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query("begin");
  try {
    await client.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    const result = await work();
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  }
}

export async function migrate(
  pool: pg.Pool,
  log: (message: string) => void = () => {},
  source: MigrationSource = bundled,
): Promise<string[]> {
  withErrorListeners(pool);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    const done = await locked(client, async () => {
      await ensureTable(client);
      const { rows } = await client.query<{ name: string; checksum: string }>(
        "select name, checksum from schema_migration",
      );
      return new Map(rows.map((row) => [row.name, row.checksum]));
    });
    const known = new Set(source.names);
    for (const name of done.keys()) {
      if (!known.has(name)) {
        throw new MigrationError(
          `The database has migration ${name}, which this version of Accord does not know`,
        );
      }
    }
    const changed = (name: string) =>
      new MigrationError(`Migration ${name} was changed after it was applied; add a new migration instead`);
    for (const name of source.names) {
      const sql = source.load(name);
      const sum = checksum(sql);
      const existing = done.get(name);
      if (existing) {
        if (existing !== sum) throw changed(name);
        continue;
      }
      const ran = await locked(client, async () => {
        // Another process may have applied it since the first look.
        const { rows } = await client.query<{ checksum: string }>(
          "select checksum from schema_migration where name = $1",
          [name],
        );
        if (rows[0]) {
          if (rows[0].checksum !== sum) throw changed(name);
          return false;
        }
        try {
          await client.query(sql);
        } catch (error) {
          throw new MigrationError(
            `Migration ${name} failed and was rolled back: ${(error as Error).message}`,
          );
        }
        await client.query("insert into schema_migration (name, checksum) values ($1, $2)", [name, sum]);
        return true;
      });
      if (ran) {
        applied.push(name);
        log(`Applied migration ${name}`);
      }
    }
    if (source.functions) await applyFunctionFiles(client, source.functions, log);
  } finally {
    client.release();
  }
  // The job queue's own schema (graphile_worker), which the mail outbox's trigger adds jobs to. It migrates itself
  // under its own lock and records its own level.
  await runQueueMigrations({ pgPool: pool, logger: silentQueueLogger });
  return applied;
}

/**
 * Applies every function file whose checksum differs from the one recorded (or that is not recorded), in one
 * transaction under the migration lock, so that two processes migrating together apply a change once and a file
 * that fails leaves every function as it was. Rows of files that no longer exist (a function a migration dropped)
 * are removed.
 */
async function applyFunctionFiles(
  client: pg.PoolClient,
  source: FunctionSource,
  log: (message: string) => void,
): Promise<string[]> {
  const files = source.names.map((name) => {
    const text = source.load(name);
    return { name, text, sum: checksum(text) };
  });
  const applied = await locked(client, async () => {
    const { rows } = await client.query<{ name: string; checksum: string }>(
      "select name, checksum from schema_function_file",
    );
    const recorded = new Map(rows.map((row) => [row.name, row.checksum]));
    const changed = files.filter((file) => recorded.get(file.name) !== file.sum);
    for (const file of changed) {
      try {
        await client.query(file.text);
      } catch (error) {
        throw new MigrationError(
          `Function file ${file.name} failed; no function file was applied: ${(error as Error).message}`,
        );
      }
      await client.query(
        `insert into schema_function_file (name, checksum) values ($1, $2)
         on conflict (name) do update set checksum = excluded.checksum, applied_at = now()`,
        [file.name, file.sum],
      );
    }
    const gone = [...recorded.keys()].filter((name) => !source.names.includes(name));
    if (gone.length) await client.query("delete from schema_function_file where name = any($1)", [gone]);
    return changed.map((file) => file.name);
  });
  for (const name of applied) log(`Applied function file ${name}`);
  return applied;
}
