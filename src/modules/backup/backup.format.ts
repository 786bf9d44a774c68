import { readFileSync } from "node:fs";
import type pg from "pg";

/**
 * A backup is one gzip'd text file of lines:
 *   `#accord-backup {header}`                       version, time, PostgreSQL version, migration level
 *   `#table {"name", "columns"}`                    then one line per row: the row as jsonb text
 *   `#end {"name", "rows"}`
 *   `#manifest {manifest}`                          per-table row counts and checksums, sequences
 * Rows are PostgreSQL's own jsonb text, never parsed in JavaScript, so numbers, bytea and timestamps keep their
 * exact values.
 */
export const BACKUP_FORMAT = "accord-backup";
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  serverVersion: string;
  migrations: { name: string; checksum: string }[];
}

export interface TableManifest {
  name: string;
  columns: string[];
  rows: number;
  checksum: string;
}

export interface SequenceState {
  name: string;
  lastValue: string | null;
}

export interface BackupManifest extends BackupHeader {
  tables: TableManifest[];
  sequences: SequenceState[];
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Fixed session settings so that jsonb text and checksums are the same on every server and every session. */
export const STABLE_SETTINGS = [
  "set local timezone = 'UTC'",
  "set local intervalstyle = 'iso_8601'",
  "set local extra_float_digits = 3",
  "set local bytea_output = 'hex'",
];

/**
 * Application tables in foreign-key dependency order (referenced tables first); the migration runner's own tables
 * (schema_migration, schema_function_file) are apart.
 */
export async function applicationTables(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r'
       and c.relname not in ('schema_migration', 'schema_function_file') order by c.relname`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const edge of edges) parents.get(edge.child)?.add(edge.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (placed.has(name) || visiting.has(name)) return; // a cycle: the load disables FK triggers anyway
    visiting.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent);
    visiting.delete(name);
    placed.add(name);
    ordered.push(name);
  };
  for (const { name } of tables) visit(name);
  return ordered;
}

/** Stored columns (generated columns are recomputed by PostgreSQL on load). */
export async function storedColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select attname as name from pg_attribute
     where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''
     order by attnum`,
    [quoteIdent(table)],
  );
  return rows.map((row) => row.name);
}

async function generatedColumns(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select attname as name from pg_attribute
     where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated <> ''`,
    [quoteIdent(table)],
  );
  return rows.map((row) => row.name);
}

/** SQL yielding each row of a table as jsonb text, without its generated columns, and the parameter it needs. */
export async function rowTextQuery(
  client: pg.ClientBase,
  table: string,
): Promise<{ sql: string; skip: string[] }> {
  const skip = await generatedColumns(client, table);
  return { sql: `select (to_jsonb(t) - $1::text[])::text as j from ${quoteIdent(table)} t`, skip };
}

/** Row count and an order-independent checksum (md5 over the sorted md5 of each row's jsonb text). */
export async function tableChecksum(
  client: pg.ClientBase,
  table: string,
): Promise<{ rows: number; checksum: string }> {
  const { sql, skip } = await rowTextQuery(client, table);
  const { rows } = await client.query<{ rows: string; checksum: string }>(
    `select count(*)::text as rows, md5(coalesce(string_agg(h, '' order by h), '')) as checksum
     from (select md5(j) as h from (${sql}) r) s`,
    [skip],
  );
  return { rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum };
}

export async function sequenceStates(client: pg.ClientBase): Promise<SequenceState[]> {
  const { rows } = await client.query<{ name: string; lastValue: string | null }>(
    `select sequencename as name, last_value::text as "lastValue" from pg_sequences
     where schemaname = 'public' order by sequencename`,
  );
  return rows;
}

/** Tables that migrations fill with reference data: they do not make an instance "non-empty". */
export function migrationSeededTables(names: readonly string[]): Set<string> {
  const seeded = new Set<string>();
  for (const name of names) {
    for (const match of migrationText(name).matchAll(/insert\s+into\s+"?([a-z_][a-z0-9_]*)"?/gi))
      seeded.add(match[1]!.toLowerCase());
  }
  return seeded;
}

export function migrationText(name: string): string {
  return readFileSync(new URL(`../../db/migrations/${name}.sql`, import.meta.url), "utf8");
}
