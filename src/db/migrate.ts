import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Logger, runMigrations as runQueueMigrations } from "graphile-worker";
import { type Kysely, sql } from "kysely";
import type pg from "pg";
import { withErrorListeners } from "./database.js";
import { migrationNames } from "./migrations/index.js";
import type { DB } from "./schema/index.js";

export class MigrationError extends Error {}

const MIGRATION_LOCK = 7283461000;

function migrationSql(name: string): string {
  return readFileSync(new URL(`./migrations/${name}.sql`, import.meta.url), "utf8");
}

const silentQueueLogger = new Logger(() => () => {});

const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex");

async function ensureTable(client: pg.PoolClient): Promise<void> {
  await client.query(`create table if not exists schema_migration (
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
 * Applies pending migrations, each in its own transaction, under an advisory lock so that several Accord
 * processes starting together on one server migrate once.
 */
export interface MigrationSource {
  names: readonly string[];
  load(name: string): string;
}

const bundled: MigrationSource = { names: migrationNames, load: migrationSql };

export async function migrate(
  pool: pg.Pool,
  log: (message: string) => void = () => {},
  source: MigrationSource = bundled,
): Promise<string[]> {
  withErrorListeners(pool);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await ensureTable(client);
    const done = new Map(
      (
        await client.query<{ name: string; checksum: string }>("select name, checksum from schema_migration")
      ).rows.map((row) => [row.name, row.checksum]),
    );
    const known = new Set(source.names);
    for (const name of done.keys()) {
      if (!known.has(name)) {
        throw new MigrationError(
          `The database has migration ${name}, which this version of Accord does not know`,
        );
      }
    }
    for (const name of source.names) {
      const sql = source.load(name);
      const sum = checksum(sql);
      const existing = done.get(name);
      if (existing) {
        if (existing !== sum) {
          throw new MigrationError(
            `Migration ${name} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      try {
        await client.query("begin");
        await client.query(sql);
        await client.query("insert into schema_migration (name, checksum) values ($1, $2)", [name, sum]);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new MigrationError(`Migration ${name} failed and was rolled back: ${(error as Error).message}`);
      }
      applied.push(name);
      log(`Applied migration ${name}`);
    }
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  // The job queue's own schema (graphile_worker), which the mail outbox's trigger adds jobs to. It migrates itself
  // under its own lock and records its own level.
  await runQueueMigrations({ pgPool: pool, logger: silentQueueLogger });
  return applied;
}
