import { sql } from "kysely";
import type { Db } from "../db/database.js";
import type { DB } from "../db/schema/index.js";

/**
 * Set-based writes for imports: many rows of one table in one statement, so that the tables' statement-level
 * triggers (global search, search facts) run once per batch instead of once per row. The rows travel as one JSON
 * parameter and are typed by the table itself (`jsonb_populate_recordset(null::table, ...)`): no casts to spell
 * out and no limit on bind parameters. Rows are grouped by the set of fields they carry, so that a field a row does
 * not name keeps its default (insert) or its stored value (update).
 */

const BATCH = 2_000;
const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const identifier = (name: string) => {
  const snaked = snake(name);
  if (!/^[a-z][a-z0-9_]*$/.test(snaked)) throw new Error(`not an identifier: ${name}`);
  return sql.raw(`"${snaked}"`);
};

type Row = Record<string, unknown>;

function groups(rows: Row[]) {
  const bySignature = new Map<string, Row[]>();
  for (const row of rows) {
    const keys = Object.keys(row)
      .filter((key) => row[key] !== undefined)
      .sort();
    const signature = keys.join(",");
    const members = bySignature.get(signature);
    if (members) members.push(row);
    else bySignature.set(signature, [row]);
  }
  return [...bySignature].map(([signature, members]) => ({ keys: signature.split(","), members }));
}

function* batches<T>(rows: T[]) {
  for (let start = 0; start < rows.length; start += BATCH) yield rows.slice(start, start + BATCH);
}

const json = (keys: string[], rows: Row[]) =>
  JSON.stringify(rows.map((row) => Object.fromEntries(keys.map((key) => [snake(key), row[key] ?? null]))));

/** Inserts the rows (camelCase fields, as Kysely's records) into `table`; returns the stored rows. */
export async function bulkInsert<T extends keyof DB & string>(
  trx: Db,
  table: T,
  rows: Row[],
): Promise<Row[]> {
  const stored: Row[] = [];
  for (const { keys, members } of groups(rows)) {
    const columns = sql.join(keys.map(identifier));
    for (const batch of batches(members)) {
      const result = await sql<Row>`insert into ${identifier(table)} (${columns})
        select ${columns} from jsonb_populate_recordset(null::${identifier(table)}, ${json(keys, batch)}::jsonb)
        returning *`.execute(trx);
      stored.push(...result.rows);
    }
  }
  return stored;
}

/** Updates rows of `table` by `id`: each row sets the fields it carries besides `id`; returns the stored rows. */
export async function bulkUpdate<T extends keyof DB & string>(
  trx: Db,
  table: T,
  rows: (Row & { id: string })[],
): Promise<Row[]> {
  const stored: Row[] = [];
  for (const { keys, members } of groups(rows)) {
    const fields = keys.filter((key) => key !== "id");
    if (!fields.length) continue;
    const set = sql.join(fields.map((key) => sql`${identifier(key)} = v.${identifier(key)}`));
    for (const batch of batches(members)) {
      const result = await sql<Row>`update ${identifier(table)} t set ${set}
        from jsonb_populate_recordset(null::${identifier(table)}, ${json(keys, batch)}::jsonb) v
        where t.id = v.id returning t.*`.execute(trx);
      stored.push(...result.rows);
    }
  }
  return stored;
}
