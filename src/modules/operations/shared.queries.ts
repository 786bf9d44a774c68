import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { nationRef, organisationRef } from "../../platform/record-refs.js";

/** Pieces the operations module's queries share. */
export type Q = Kysely<DB>;
// biome-ignore lint/suspicious/noExplicitAny: reference helpers work from any table alias
export type AnyEb = ExpressionBuilder<any, any>;

export const matches = (q: string) => sql<boolean>`search @@ accord_search_query(${q})`;

export { nationRef, organisationRef };

export const releaseColumns = <T extends string>(table: T) =>
  [
    `${table}.ownerNationId` as const,
    `${table}.ownerOrganisationId` as const,
    `${table}.releasability` as const,
    `${table}.releaseNations` as const,
    `${table}.releaseOrganisations` as const,
  ] as const;

/** Contingents the viewer may see, as a subquery for counts and aggregates. */
export const visibleContingents = (db: Q, viewer: Viewer) =>
  db.selectFrom("contingent").where(visibleTo(viewer, "contingent"));
