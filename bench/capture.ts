/**
 * Shared by the bench's EXPLAIN and comparison scripts: a Kysely instance on the given pool that records the
 * statements it runs (so a script can run a service or query function as the API would, then explain or re-time
 * exactly what it sent), and the parse of a catalogue query string into the search function's typed query.
 */
import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import type pg from "pg";
import type { DB } from "../src/db/schema/index.js";

export interface Statement {
  sql: string;
  parameters: unknown[];
}

export function capturingDb(pool: pg.Pool) {
  const captured: Statement[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === "query")
        captured.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
    },
  });
  /** The statements since the last call, emptying the record. */
  const take = () => captured.splice(0);
  return { db, take };
}

/** "q=cyber&year=2011&limit=20" → the catalogue search's query, numbers as numbers. */
export function catalogueQuery(qs: string): never {
  const params = Object.fromEntries(new URLSearchParams(qs));
  return {
    ...params,
    ...(params.year ? { year: Number(params.year) } : {}),
    ...(params.limit ? { limit: Number(params.limit) } : {}),
    ...(params.offset ? { offset: Number(params.offset) } : {}),
  } as never;
}
