import { once } from "node:events";
import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import type pg from "pg";
import { migrate } from "../../db/migrate.js";
import { migrationNames } from "../../db/migrations/index.js";
import {
  applicationTables,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupManifest,
  migrationSeededTables,
  migrationText,
  quoteIdent,
  rowTextQuery,
  STABLE_SETTINGS,
  sequenceStates,
  storedColumns,
  type TableManifest,
  tableChecksum,
} from "./backup.format.js";

export class RestoreRefusedError extends Error {}
export class BackupInvalidError extends Error {}

const FETCH_ROWS = 500;

/** Writes lines to a gzip'd file, waiting for the stream to drain so that memory stays flat. */
function gzipWriter(file: string) {
  const out = createWriteStream(file);
  const gzip = createGzip();
  gzip.pipe(out);
  const done = once(out, "close");
  return {
    async line(text: string) {
      if (!gzip.write(`${text}\n`)) await once(gzip, "drain");
    },
    async close() {
      gzip.end();
      await done;
    },
  };
}

/**
 * Writes a consistent backup while Accord is serving: every table is read in one REPEATABLE READ, READ ONLY
 * transaction (one snapshot), so the backup is the database as it was at one instant. Stored files are rows of
 * `stored_file`, so they are in it. The file is written beside its final name and renamed once complete.
 */
export async function writeBackup(
  pool: pg.Pool,
  file: string,
  log: (message: string) => void = () => {},
): Promise<BackupManifest> {
  const client = await pool.connect();
  const partial = `${file}.partial`;
  const writer = gzipWriter(partial);
  try {
    await client.query("begin isolation level repeatable read, read only");
    for (const statement of STABLE_SETTINGS) await client.query(statement);
    const { rows: migrations } = await client.query<{ name: string; checksum: string }>(
      "select name, checksum from schema_migration order by name",
    );
    const { rows: version } = await client.query<{ v: string }>(
      "select current_setting('server_version') as v",
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion: version[0]!.v,
      migrations,
    };
    await writer.line(`#accord-backup ${JSON.stringify(header)}`);
    const tables: TableManifest[] = [];
    for (const table of await applicationTables(client)) {
      const columns = await storedColumns(client, table);
      await writer.line(`#table ${JSON.stringify({ name: table, columns })}`);
      const { sql, skip } = await rowTextQuery(client, table);
      await client.query(`declare backup_rows no scroll cursor for ${sql}`, [skip]);
      let count = 0;
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`fetch ${FETCH_ROWS} from backup_rows`);
        for (const row of rows) await writer.line(row.j);
        count += rows.length;
        if (rows.length < FETCH_ROWS) break;
      }
      await client.query("close backup_rows");
      const sum = await tableChecksum(client, table);
      if (sum.rows !== count)
        throw new Error(`Table ${table} changed inside a snapshot (${count} ≠ ${sum.rows})`);
      tables.push({ name: table, columns, rows: count, checksum: sum.checksum });
      await writer.line(`#end ${JSON.stringify({ name: table, rows: count })}`);
    }
    const manifest: BackupManifest = { ...header, tables, sequences: await sequenceStates(client) };
    await writer.line(`#manifest ${JSON.stringify(manifest)}`);
    await client.query("commit");
    await writer.close();
    renameSync(partial, file);
    const total = tables.reduce((sum, table) => sum + table.rows, 0);
    log(`Backup written to ${file}: ${tables.length} tables, ${total} rows`);
    return manifest;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    await writer.close().catch(() => {});
    rmSync(partial, { force: true });
    throw error;
  } finally {
    client.release();
  }
}

/** Rows per insert statement, and the most text gathered before one is sent. */
const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1_048_576;

async function* backupLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) if (line) yield line;
  } catch (error) {
    throw new BackupInvalidError(`${file} is not a readable backup: ${(error as Error).message}`);
  }
}

const control = (line: string, tag: string): unknown => {
  if (!line.startsWith(`#${tag} `)) return undefined;
  return JSON.parse(line.slice(tag.length + 2));
};

export interface RestoreOptions {
  force?: boolean;
  log?: (message: string) => void;
}

export interface RestoreResult {
  tables: number;
  rows: number;
  migratedAfter: string[];
}

/** Tables holding anything beyond what migrations put there. */
export async function nonEmptyTables(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    const { rows: exists } = await client.query("select to_regclass('public.schema_migration') as t");
    if (!exists[0]?.t) return [];
    const seeded = migrationSeededTables(migrationNames);
    const found: string[] = [];
    for (const table of await applicationTables(client)) {
      if (seeded.has(table)) continue;
      const { rowCount } = await client.query(`select 1 from ${quoteIdent(table)} limit 1`);
      if (rowCount) found.push(table);
    }
    return found;
  } finally {
    client.release();
  }
}

/**
 * Rebuilds an empty instance from a backup: the schema is migrated to the backup's level, every table is
 * loaded in one transaction with triggers off (the audit chain keeps its original seq and hashes; foreign keys
 * are trusted as they were consistent in the snapshot), the sequences are set, and every table's row count and
 * checksum is compared with the manifest before commit. Newer migrations then run as on any upgrade.
 */
export async function restoreBackup(
  pool: pg.Pool,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const lines = backupLines(file);
  try {
    return await restoreFrom(pool, file, lines, options.log ?? (() => {}), !!options.force);
  } finally {
    await lines.return(undefined);
  }
}

async function restoreFrom(
  pool: pg.Pool,
  file: string,
  lines: AsyncGenerator<string>,
  log: (message: string) => void,
  force: boolean,
): Promise<RestoreResult> {
  const first = await lines.next();
  const header = (first.done ? undefined : control(first.value, BACKUP_FORMAT)) as BackupHeader | undefined;
  if (header?.format !== BACKUP_FORMAT) throw new BackupInvalidError(`${file} is not an Accord backup`);
  if (header.version !== BACKUP_VERSION)
    throw new BackupInvalidError(`Backup format version ${header.version} is not supported`);

  const level = header.migrations.map((m) => m.name).sort();
  if (level.some((name, i) => migrationNames[i] !== name))
    throw new RestoreRefusedError(
      `The backup's migrations (${level.join(", ")}) are not a prefix of this Accord's; restore it with the version that wrote it`,
    );
  const backupLevel = level.at(-1);

  const applied = await pool
    .query<{ name: string }>("select name from schema_migration")
    .then((r) => r.rows.map((row) => row.name))
    .catch((error: { code?: string }) => {
      if (error.code === "42P01") return [] as string[];
      throw error;
    });
  const beyond = applied.filter((name) => !level.includes(name));
  if (beyond.length)
    throw new RestoreRefusedError(
      `The target database is at a newer migration level (${beyond.join(", ")}) than the backup; restore into an empty database`,
    );
  const occupied = await nonEmptyTables(pool);
  if (occupied.length && !force)
    throw new RestoreRefusedError(
      `The target instance is not empty (rows in ${occupied.slice(0, 5).join(", ")}${occupied.length > 5 ? ", ..." : ""}); use --force to replace its data`,
    );
  if (backupLevel) {
    const names = migrationNames.slice(0, migrationNames.indexOf(backupLevel) + 1);
    await migrate(pool, log, { names, load: migrationText });
  }

  const client = await pool.connect();
  let manifest: BackupManifest | undefined;
  let tables = 0;
  let total = 0;
  try {
    await client.query("begin");
    for (const statement of STABLE_SETTINGS) await client.query(statement);
    // Triggers (the audit chain, append-only guards, foreign-key checks) stay off for this transaction only.
    await client.query("set local session_replication_role = replica");
    const targetTables = await applicationTables(client);
    if (targetTables.length) await client.query(`truncate ${targetTables.map(quoteIdent).join(", ")}`);

    let table: { name: string; columns: string[] } | undefined;
    let batch: string[] = [];
    let batchBytes = 0;
    let loaded = 0;
    const flush = async () => {
      if (!table || !batch.length) return;
      const cols = table.columns.map(quoteIdent).join(", ");
      await client.query(
        `insert into ${quoteIdent(table.name)} (${cols}) select ${cols} from jsonb_populate_recordset(null::${quoteIdent(table.name)}, $1::jsonb)`,
        [`[${batch.join(",")}]`],
      );
      batch = [];
      batchBytes = 0;
    };
    for await (const line of lines) {
      if (line.startsWith("#")) {
        const start = control(line, "table") as { name: string; columns: string[] } | undefined;
        const end = control(line, "end") as { name: string; rows: number } | undefined;
        const last = control(line, "manifest") as BackupManifest | undefined;
        if (start) {
          if (!targetTables.includes(start.name))
            throw new BackupInvalidError(`The backup has table ${start.name}, which the target does not`);
          table = start;
          loaded = 0;
        } else if (end) {
          await flush();
          if (end.rows !== loaded)
            throw new BackupInvalidError(`Table ${end.name} is truncated in the backup`);
          tables += 1;
          total += loaded;
          if (loaded) log(`Restored ${end.name}: ${loaded} rows`);
          table = undefined;
        } else if (last) {
          manifest = last;
        } else {
          throw new BackupInvalidError(`Unexpected line in the backup: ${line.slice(0, 40)}`);
        }
        continue;
      }
      if (!table) throw new BackupInvalidError("A row outside a table in the backup");
      batch.push(line);
      batchBytes += line.length;
      loaded += 1;
      if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
    }
    if (!manifest) throw new BackupInvalidError(`${file} is incomplete: it has no manifest`);

    for (const sequence of manifest.sequences) {
      if (sequence.lastValue === null) continue;
      await client.query("select setval($1::regclass, $2::bigint, true)", [
        quoteIdent(sequence.name),
        sequence.lastValue,
      ]);
    }
    for (const expected of manifest.tables) {
      const actual = await tableChecksum(client, expected.name);
      if (actual.rows !== expected.rows || actual.checksum !== expected.checksum)
        throw new BackupInvalidError(
          `Table ${expected.name} does not match the backup after loading (${actual.rows} rows, expected ${expected.rows})`,
        );
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  const migratedAfter = await migrate(pool, log);
  log(`Restore complete: ${tables} tables, ${total} rows verified against the backup's checksums`);
  return { tables, rows: total, migratedAfter };
}
