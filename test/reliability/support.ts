import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { applicationTables, tableChecksum } from "../../src/modules/backup/backup.format.js";

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

/** Row count and checksum of every application table (in one snapshot), keyed by table. */
export async function tableFingerprints(
  pool: pg.Pool,
  ignore: readonly string[] = [],
): Promise<Record<string, { rows: number; checksum: string }>> {
  const client = await pool.connect();
  try {
    await client.query("begin isolation level repeatable read, read only");
    await client.query("set local timezone = 'UTC'");
    await client.query("set local intervalstyle = 'iso_8601'");
    await client.query("set local extra_float_digits = 3");
    const result: Record<string, { rows: number; checksum: string }> = {};
    for (const table of await applicationTables(client)) {
      if (!ignore.includes(table)) result[table] = await tableChecksum(client, table);
    }
    await client.query("commit");
    return result;
  } finally {
    client.release();
  }
}
