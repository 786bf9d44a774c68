import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/schema/index.js";
import { releaseColumns, visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { nationRef, organisationRef } from "../../platform/record-refs.js";

/** Pieces the operations module's queries share. */
export type Q = Kysely<DB>;
// biome-ignore lint/suspicious/noExplicitAny: reference helpers work from any table alias
export type AnyEb = ExpressionBuilder<any, any>;

export const matches = (q: string) => sql<boolean>`search @@ accord_search_query(${q})`;

export { nationRef, organisationRef, releaseColumns };

/** Contingents the viewer may see, as a subquery for counts and aggregates. */
export const visibleContingents = (db: Q, viewer: Viewer) =>
  db.selectFrom("contingent").where(visibleTo(viewer, "contingent"));

/**
 * A linked operation, exercise or trust fund as answers embed it, `{ id, code, name }` or null, from the column
 * that holds its id (`"table.column"` of the enclosing query).
 */
export const codeNameRef = (eb: AnyEb, table: "operation" | "exercise" | "trustFund", column: string) =>
  jsonObjectFrom(
    eb
      .selectFrom(`${table} as linked`)
      .select(["linked.id", "linked.code", "linked.name"])
      .whereRef("linked.id", "=", sql.ref(column)),
  ).$castTo<{ id: string; code: string; name: string } | null>();
