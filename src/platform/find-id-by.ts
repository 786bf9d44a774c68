import type { Kysely } from "kysely";
import type { DB } from "../db/schema/index.js";
import type { RecordTable, RowOf } from "./audited-write.js";

/**
 * The row of `table` whose columns equal all of `match`, as `{ id }`, or undefined where there is none: the
 * "is it there yet" of an idempotent seed, or whether a record belongs to the one a request names.
 */
export async function findIdBy<T extends RecordTable>(
  db: Kysely<DB>,
  table: T,
  match: Partial<RowOf<T>>,
): Promise<{ id: string } | undefined> {
  // biome-ignore lint/suspicious/noExplicitAny: one table-generic query; the signature keeps the callers typed
  let query = (db as unknown as Kysely<any>).selectFrom(table as string).select("id");
  for (const [column, value] of Object.entries(match)) query = query.where(column, "=", value);
  return query.executeTakeFirst();
}
