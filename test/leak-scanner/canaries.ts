/**
 * Canary records for the leak scanner: in every table of releasable records (those with owner, releasability and
 * release-list columns), one existing record per scope (two nations, two organisations) is made restricted to that
 * owner, with empty release lists, and every free-text field — text columns and the strings of JSON columns —
 * carries a unique canary string. Done in SQL, behind the API: the scanner reads, it does not write.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";

export interface Scope {
  label: string;
  kind: "nation" | "organisation";
  id: string;
}

export interface Canary {
  canary: string;
  table: string;
  column: string;
  recordId: string;
  scope: string;
}

export const CANARY = /QZX\d{5}/gi;

/** Columns whose values the code switches on (states, kinds, codes of other records): left as they are. */
const NOT_FREE_TEXT =
  /^(kind|state|decision|status|eligibility|releasability|outcome|precision|signed_precision|qualifier)$|_code$/;
const RELEASE_COLUMNS = [
  "owner_nation_id",
  "owner_organisation_id",
  "releasability",
  "release_nations",
  "release_organisations",
];

export async function releasableTables(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `select table_name from information_schema.columns
     where table_schema = current_schema() and column_name = any($1::text[])
     group by table_name having count(*) = $2 order by table_name`,
    [RELEASE_COLUMNS, RELEASE_COLUMNS.length],
  );
  return rows.map((row) => row.table_name);
}

/** Replaces every string of a JSON value by a canary (an empty array gets one object of the given keys). */
function canaryJson(value: unknown, next: () => string): unknown {
  if (typeof value === "string") return next();
  if (Array.isArray(value)) return value.map((item) => canaryJson(item, next));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, canaryJson(item, next)]));
  return value;
}

/** JSON columns that are empty in the seed get a shape the API accepts, so that they carry canaries too. */
const EMPTY_JSON: Record<string, () => unknown> = {
  external_refs: () => [{ label: "x", value: "x" }],
  prerequisites: () => ({ languageLevel: "x", clearanceNote: "x" }),
};

/**
 * For every releasable table, one existing record is copied once per scope: the copy (a new id) is restricted to
 * that scope's nation or organisation with empty release lists, and every free-text column and every string of its
 * JSON columns holds a canary. Copies have no dependent records, so every place where one shows up — lists,
 * searches, counts, facets, reports, exports, details — shows it because of the copy itself, never because of a
 * relation that restricting an existing record would have left pointing across the boundary.
 */
/** Copies up to three rows of `child` that belong to `fromId` so that they belong to `toId`, with canaries. */
async function copyChildren(
  client: pg.PoolClient,
  child: string,
  parentColumn: string,
  fromId: string,
  toId: string,
  nextCanary: () => string,
): Promise<{ canary: string; column: string }[]> {
  const { rows: columns } = await client.query<{ name: string; type: string; nullable: boolean }>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, not a.attnotnull as nullable
     from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped
     and a.attgenerated = '' and a.attidentity = '' order by a.attnum`,
    [child],
  );
  const list = columns.map((c) => `"${c.name}"`).join(", ");
  const { rows } = await client.query<{ row: Record<string, unknown> }>(
    `select to_jsonb(x) as row from ${child} x where ${parentColumn} = $1 order by ctid limit 3`,
    [fromId],
  );
  const planted: { canary: string; column: string }[] = [];
  for (const { row } of rows) {
    const mine: { canary: string; column: string }[] = [];
    const overrides: Record<string, unknown> = { [parentColumn]: toId };
    if (columns.some((c) => c.name === "id")) overrides.id = randomUUID();
    for (const { name: column, type } of columns) {
      if (NOT_FREE_TEXT.test(column) || column in overrides || row[column] === null) continue;
      const next = () => {
        const canary = nextCanary();
        mine.push({ canary, column });
        return canary;
      };
      if (type === "jsonb") overrides[column] = canaryJson(row[column], next);
      else if (type === "text" || type.startsWith("character varying"))
        overrides[column] = column === "email" ? `${next().toLowerCase()}@example.org` : next();
    }
    // A unique key over another reference (one certificate per nomination): the copy drops optional references.
    const loose = Object.fromEntries(
      columns
        .filter((c) => c.nullable && c.type === "uuid" && !(c.name in overrides))
        .map((c) => [c.name, null]),
    );
    for (const attempt of [overrides, { ...overrides, ...loose }]) {
      await client.query("savepoint child");
      try {
        await client.query(
          `insert into ${child} (${list}) select ${list} from jsonb_populate_record(null::${child}, $1::jsonb || $2::jsonb)`,
          [JSON.stringify(row), JSON.stringify(attempt)],
        );
        planted.push(...mine);
        break;
      } catch {
        await client.query("rollback to savepoint child");
      }
    }
  }
  return planted;
}

export async function plantCanaries(
  pool: pg.Pool,
  scopes: Scope[],
): Promise<{ canaries: Canary[]; skipped: string[] }> {
  const canaries: Canary[] = [];
  const skipped: string[] = [];
  let counter = 0;
  const client = await pool.connect();
  try {
    await client.query("begin");
    const releasable = await releasableTables(client);
    for (const table of releasable) {
      const { rows: columns } = await client.query<{ name: string; type: string }>(
        `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
         from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped
         and a.attgenerated = '' and a.attidentity = '' order by a.attnum`,
        [table],
      );
      // Tables whose rows belong to a record of this one (a person's certificates, an activity's events), unless
      // they are releasable themselves: copied with each copy, so that embedded lists and pick lists get canaries.
      const { rows: children } = await client.query<{ child: string; column: string }>(
        `select c.conrelid::regclass::text as child, a.attname as column
         from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
         where c.contype = 'f' and c.confrelid = $1::regclass and array_length(c.conkey, 1) = 1
           and not (c.conrelid::regclass::text = any($2::text[]))`,
        [table, releasable],
      );
      // A child that also points at another releasable record (an action item's meeting) has its own visibility:
      // its copy would straddle the boundary, so it is not copied.
      const { rows: straddling } = await client.query<{ child: string }>(
        `select distinct c.conrelid::regclass::text as child from pg_constraint c
         where c.contype = 'f' and c.confrelid <> $1::regclass
           and c.confrelid::regclass::text = any($2::text[])`,
        [table, releasable],
      );
      const crossing = new Set(straddling.map((row) => row.child));
      for (let i = children.length - 1; i >= 0; i--)
        if (crossing.has(children[i]!.child)) children.splice(i, 1);
      const childCount = children.length
        ? children
            .map(
              (c) =>
                `(select count(*) from (select 1 from ${c.child} x where x.${c.column} = t.id limit 1) y)`,
            )
            .join(" + ")
        : "(0 + 0)";
      const { rows: sources } = await client.query<{ id: string }>(
        `select id from (select id, ctid from ${table} order by ctid limit 200) t
         order by ${childCount} desc, ctid limit 1`,
      );
      const source = sources[0];
      if (!source) {
        skipped.push(`${table} (no record to copy)`);
        continue;
      }
      const list = columns.map((c) => `"${c.name}"`).join(", ");
      for (const scope of scopes) {
        const planted: { canary: string; column: string }[] = [];
        const recordId = randomUUID();
        const overrides: Record<string, unknown> = {
          id: recordId,
          owner_nation_id: scope.kind === "nation" ? scope.id : null,
          owner_organisation_id: scope.kind === "organisation" ? scope.id : null,
          releasability: "restricted",
          release_nations: [],
          release_organisations: [],
        };
        // A nation's own record: a person of that nation, not a foreigner the nation restricts.
        if (scope.kind === "nation" && columns.some((c) => c.name === "nation_id"))
          overrides.nation_id = scope.id;
        const { rows } = await client.query<{ row: Record<string, unknown> }>(
          `select to_jsonb(s) as row from ${table} s where id = $1`,
          [source.id],
        );
        const row = rows[0]!.row;
        for (const { name: column, type } of columns) {
          if (NOT_FREE_TEXT.test(column) || column in overrides) continue;
          const next = () => {
            const canary = `QZX${String(++counter).padStart(5, "0")}`;
            planted.push({ canary, column });
            return canary;
          };
          if (type === "jsonb") {
            const current = row[column];
            const empty =
              current === null ||
              (Array.isArray(current) && current.length === 0) ||
              (typeof current === "object" && current !== null && Object.keys(current).length === 0);
            overrides[column] = canaryJson(
              empty && EMPTY_JSON[column] ? EMPTY_JSON[column]() : current,
              next,
            );
          } else if (type === "text" || type.startsWith("character varying")) {
            overrides[column] = column === "email" ? `${next().toLowerCase()}@example.org` : next();
          }
        }
        await client.query("savepoint copy");
        try {
          await client.query(
            `insert into ${table} (${list})
             select ${list} from jsonb_populate_record(null::${table}, $1::jsonb || $2::jsonb)`,
            [JSON.stringify(row), JSON.stringify(overrides)],
          );
          for (const { canary, column } of planted)
            canaries.push({ canary, table, column, recordId, scope: scope.label });
          for (const { child, column } of children) {
            const copied = await copyChildren(client, child, column, source.id, recordId, () => {
              counter += 1;
              return `QZX${String(counter).padStart(5, "0")}`;
            });
            for (const { canary, column: childColumn } of copied)
              canaries.push({
                canary,
                table,
                column: `${child}.${childColumn}`,
                recordId,
                scope: scope.label,
              });
          }
        } catch (error) {
          // A unique key the copy repeats (a year of a plan, a unit's declaration): this table has no canary.
          await client.query("rollback to savepoint copy");
          skipped.push(`${table} for ${scope.label}: ${(error as Error).message}`);
        }
      }
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
  return { canaries, skipped };
}
