import { type ExpressionBuilder, type Kysely, sql } from "kysely";
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
