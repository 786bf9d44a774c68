import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { applicationTables, quoteIdent } from "../../src/modules/backup/backup.format.js";

export const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** Connection string of a test app's own database. */
export const databaseUrl = (databaseName: string) => withDatabase(inject("pgAdminUrl"), databaseName);

/** A new, empty (not even migrated) database on the test run's PostgreSQL, dropped by the run's cleanup. */
export async function createEmptyDatabase(): Promise<{ name: string; url: string }> {
  const name = `accord_t_${inject("runId")}_empty_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return { name, url: databaseUrl(name) };
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

const fingerprintSql = new WeakMap<pg.Pool, Promise<string>>();

/** One statement computing every application table's row count and checksum (as `tableChecksum` does). */
async function buildFingerprintSql(pool: pg.Pool, ignore: readonly string[]): Promise<string> {
  const client = await pool.connect();
  try {
    const parts: string[] = [];
    for (const table of await applicationTables(client)) {
      if (ignore.includes(table)) continue;
      const { rows } = await client.query<{ name: string }>(
        `select attname as name from pg_attribute
         where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated <> ''`,
        [quoteIdent(table)],
      );
      const skip = `array[${rows.map((r) => `'${r.name}'`).join(", ")}]::text[]`;
      parts.push(
        `select '${table}' as name, count(*)::int as rows, md5(coalesce(string_agg(h, '' order by h), '')) as checksum
         from (select md5((to_jsonb(t) - ${skip})::text) as h from ${quoteIdent(table)} t) s`,
      );
    }
    return parts.join("\nunion all\n");
  } finally {
    client.release();
  }
}

/** Row count and checksum of every application table (in one snapshot), keyed by table. */
export async function tableFingerprints(
  pool: pg.Pool,
  ignore: readonly string[] = [],
): Promise<Record<string, { rows: number; checksum: string }>> {
  if (!fingerprintSql.has(pool)) fingerprintSql.set(pool, buildFingerprintSql(pool, ignore));
  const statement = await fingerprintSql.get(pool)!;
  const client = await pool.connect();
  try {
    await client.query("begin isolation level repeatable read, read only");
    await client.query("set local timezone = 'UTC'");
    await client.query("set local intervalstyle = 'iso_8601'");
    await client.query("set local extra_float_digits = 3");
    const { rows } = await client.query<{ name: string; rows: number; checksum: string }>(statement);
    await client.query("commit");
    return Object.fromEntries(rows.map((row) => [row.name, { rows: row.rows, checksum: row.checksum }]));
  } finally {
    client.release();
  }
}
