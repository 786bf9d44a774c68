import { type Expression, expressionBuilder, type Kysely, type SqlBool, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";

type Db = Kysely<DB> | Transaction<DB>;

/** Fixed session settings so that the rows' JSON text is the same on every server and every session. */
export async function stableSettings(trx: Transaction<DB>) {
  await sql`set local timezone = 'UTC'`.execute(trx);
  await sql`set local datestyle = 'ISO, YMD'`.execute(trx);
  await sql`set local intervalstyle = 'iso_8601'`.execute(trx);
  await sql`set local extra_float_digits = 3`.execute(trx);
}

export const nationByCode = (db: Db, code: string) =>
  db.selectFrom("nation").select(["id", "code"]).where("code", "=", code).executeTakeFirst();

/** The organisations of a nation with all their descendants: records released to them are the nation's too. */
export async function organisationsOfNation(db: Db, nationId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive tree(id) as (
      select id from organisation where nation_id = ${nationId}
      union select o.id from organisation o join tree on o.parent_id = tree.id
    ) select id from tree order by id`.execute(db);
  return rows.map((row) => row.id);
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("schemaMigration").select("name").orderBy("name").execute();
  return rows.map((row) => row.name);
}

/** Columns of a table, in table order; generated ones (PostgreSQL recomputes them) are marked. */
export async function tableColumns(db: Db, table: string): Promise<{ name: string; generated: boolean }[]> {
  const { rows } = await sql<{ name: string; generated: boolean }>`
    select attname as name, attgenerated <> '' as generated from pg_attribute
    where attrelid = ${table}::regclass and attnum > 0 and not attisdropped
    order by attnum`.execute(db);
  return rows;
}

export interface RowFilter {
  /** Held to the read rule of releasable records for this viewer. */
  visibleFor?: Viewer;
  /** Only rows whose column is this nation. */
  nation?: { column: string; id: string };
  /** Only rows whose column is null or one of these ids. */
  within: { column: string; ids: string[] }[];
}

/** The rows of a table that pass the filter, each as JSON text without the `dropped` columns, in key order. */
export async function packageRows(
  trx: Transaction<DB>,
  table: string,
  dropped: string[],
  key: string[],
  filter: RowFilter,
): Promise<string[]> {
  const conditions: Expression<SqlBool>[] = [sql<boolean>`true`];
  if (filter.visibleFor) conditions.push(visibleTo(filter.visibleFor, "t")(expressionBuilder<DB>()));
  if (filter.nation)
    conditions.push(sql<boolean>`${sql.ref(`t.${filter.nation.column}`)} = ${filter.nation.id}`);
  for (const { column, ids } of filter.within)
    conditions.push(
      sql<boolean>`(${sql.ref(`t.${column}`)} is null or ${sql.ref(`t.${column}`)} = any(${ids}::uuid[]))`,
    );
  const { rows } = await sql<{ j: string }>`
    select (to_jsonb(t) - ${dropped}::text[])::text as j from ${sql.table(table)} as t
    where ${sql.join(conditions, sql` and `)}
    order by ${sql.join(key.map((column) => sql.ref(`t.${column}`)))}`.execute(trx);
  return rows.map((row) => row.j);
}

/** Package ids of rows that exist on this instance under another id, found by their natural key. */
export async function naturalMatches(
  trx: Transaction<DB>,
  table: string,
  natural: string[],
  caseInsensitive: ReadonlySet<string>,
  rows: Record<string, unknown>[],
): Promise<{ pid: string; tid: string }[]> {
  const on = natural.map((column) =>
    caseInsensitive.has(column)
      ? sql`lower(${sql.ref(`t.${column}`)}) = lower(x->>${column})`
      : sql`to_jsonb(${sql.ref(`t.${column}`)}) = x->${column}`,
  );
  const { rows: found } = await sql<{ pid: string; tid: string }>`
    select x->>'id' as pid, t.id::text as tid
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) x join ${sql.table(table)} t
      on ${sql.join(on, sql` and `)}
    where t.id::text <> x->>'id'`.execute(trx);
  return found;
}

/**
 * Inserts the rows, or updates the existing row of the same key where a carried column differs (bookkeeping
 * columns aside), so that loading the same rows again changes nothing; a `keptWhenNull` column that the row has
 * null keeps the existing value. Returns how many were inserted and updated.
 */
export async function upsertRows(
  trx: Transaction<DB>,
  table: string,
  columns: string[],
  key: string[],
  compared: string[],
  keptWhenNull: ReadonlySet<string>,
  rows: Record<string, unknown>[],
): Promise<{ inserted: number; updated: number }> {
  const list = sql.join(columns.map((column) => sql.id(column)));
  const conflict = sql.join(key.map((column) => sql.id(column)));
  const updates = columns.filter((column) => !key.includes(column));
  const incoming = (column: string) =>
    keptWhenNull.has(column)
      ? sql`coalesce(${sql.ref(`excluded.${column}`)}, ${sql.ref(`${table}.${column}`)})`
      : sql.ref(`excluded.${column}`);
  const action = !updates.length
    ? sql`do nothing`
    : sql`do update set ${sql.join(updates.map((column) => sql`${sql.id(column)} = ${incoming(column)}`))}
          where (${sql.join(compared.map((column) => sql.ref(`${table}.${column}`)))})
            is distinct from (${sql.join(compared.map(incoming))})`;
  const { rows: written } = await sql<{ inserted: boolean }>`
    insert into ${sql.table(table)} (${list})
    select ${list} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)
    on conflict (${conflict}) ${action}
    returning (xmax = 0) as inserted`.execute(trx);
  const inserted = written.filter((row) => row.inserted).length;
  return { inserted, updated: written.length - inserted };
}
