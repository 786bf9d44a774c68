import { type Expression, type ExpressionBuilder, type SqlBool, sql } from "kysely";
import { releaseListPatch } from "../audited-write.js";
import { AppError } from "../errors.js";
import {
  coordinatesNation,
  isAdministrator,
  managesOrganisation,
  readsEverything,
  type Viewer,
} from "./viewer.js";

export type ReleasabilityLevel = "public" | "internal" | "restricted";

/** The ownership and releasability of one record, as the policy sees it. */
export interface ReleasableRecord {
  ownerNationId: string | null;
  ownerOrganisationId: string | null;
  releasability: ReleasabilityLevel;
  releaseNations: string[];
  releaseOrganisations: string[];
}

/** The columns of a ReleasableRecord under the table's alias, for the select lists that the read rule checks. */
export const releaseColumns = <A extends string>(alias: A) =>
  [
    `${alias}.ownerNationId`,
    `${alias}.ownerOrganisationId`,
    `${alias}.releasability`,
    `${alias}.releaseNations`,
    `${alias}.releaseOrganisations`,
  ] as const;

const uuidArray = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`;

/**
 * The read rule for releasable records as a SQL predicate, so that lists, counts, facets and aggregates
 * never see a row the viewer may not. `table` is the alias of a table with the releasable columns.
 */
export function visibleTo(viewer: Viewer, table: string) {
  // biome-ignore lint/suspicious/noExplicitAny: the predicate works on any table that has the releasable columns
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (readsEverything(viewer)) return sql<boolean>`true`;
    const column = (name: string) => sql.ref(`${table}.${name}`);
    const allowed: Expression<SqlBool>[] = [sql<boolean>`${column("releasability")} = 'public'`];
    if (viewer.userId) allowed.push(sql<boolean>`${column("releasability")} = 'internal'`);
    if (viewer.nationIds.length) {
      allowed.push(sql<boolean>`${column("owner_nation_id")} = any(${uuidArray(viewer.nationIds)})`);
      allowed.push(sql<boolean>`${column("release_nations")} && ${uuidArray(viewer.nationIds)}`);
    }
    if (viewer.organisationIds.length) {
      allowed.push(
        sql<boolean>`${column("owner_organisation_id")} = any(${uuidArray(viewer.organisationIds)})`,
      );
      allowed.push(sql<boolean>`${column("release_organisations")} && ${uuidArray(viewer.organisationIds)}`);
    }
    return eb.or(allowed);
  };
}

/** The same rule in JavaScript, for a record already loaded through another visible record. */
export function canRead(viewer: Viewer, record: ReleasableRecord): boolean {
  if (readsEverything(viewer)) return true;
  if (record.releasability === "public") return true;
  if (!viewer.userId) return false;
  if (record.releasability === "internal") return true;
  return (
    (!!record.ownerNationId && viewer.nationIds.includes(record.ownerNationId)) ||
    (!!record.ownerOrganisationId && viewer.organisationIds.includes(record.ownerOrganisationId)) ||
    record.releaseNations.some((id) => viewer.nationIds.includes(id)) ||
    record.releaseOrganisations.some((id) => viewer.organisationIds.includes(id))
  );
}

/** A record as its owners: a nation, or an organisation. */
export type OwnedRecord = Pick<ReleasableRecord, "ownerNationId" | "ownerOrganisationId">;

/** Owners change their records: the nation's coordinators, the organisation's organisers, administrators. */
export function isOwnerEditor(viewer: Viewer, record: OwnedRecord) {
  return (
    isAdministrator(viewer) ||
    coordinatesNation(viewer, record.ownerNationId) ||
    managesOrganisation(viewer, record.ownerOrganisationId)
  );
}

export interface ReleaseInput {
  ownerNationId?: string | null;
  ownerOrganisationId?: string | null;
  releasability?: ReleasabilityLevel;
  releaseNationIds?: string[];
  releaseOrganisationIds?: string[];
}

/**
 * A record as a client writes it, split into what `resolveRelease` takes (its ownership and release lists) and its
 * own fields, the row's other columns.
 */
export function splitRelease<I extends ReleaseInput>(input: I) {
  const {
    ownerNationId,
    ownerOrganisationId,
    releasability,
    releaseNationIds,
    releaseOrganisationIds,
    ...fields
  } = input;
  return {
    release: { ownerNationId, ownerOrganisationId, releasability, releaseNationIds, releaseOrganisationIds },
    fields,
  };
}

/**
 * Resolves the owner and release list a writer asked for. Every owner of the result must be within the writer's
 * write scope (a nation they coordinate, an organisation they manage), so nobody creates or moves records into
 * another nation's or organisation's name; only `kept` owners are exempt: those the record already has (an edit)
 * or that follow from a record the writer was authorised for (an accreditation's centre and its nation).
 */
export function resolveRelease(
  viewer: Viewer,
  input: ReleaseInput,
  defaults: {
    ownerNationId?: string | null;
    ownerOrganisationId?: string | null;
    releasability: ReleasabilityLevel;
  },
  kept: { ownerNationId?: string | null; ownerOrganisationId?: string | null } = {},
): ReleasableRecord {
  const ownerNationId =
    input.ownerNationId !== undefined ? input.ownerNationId : (defaults.ownerNationId ?? null);
  const ownerOrganisationId =
    input.ownerOrganisationId !== undefined
      ? input.ownerOrganisationId
      : (defaults.ownerOrganisationId ?? null);
  if (!ownerNationId && !ownerOrganisationId) {
    throw new AppError("VALIDATION_FAILED", "A record needs an owning nation or organisation", [
      { field: "body.ownerNationId", message: "an owning nation or organisation is required" },
    ]);
  }
  const outside = (field: string) =>
    new AppError(
      "FORBIDDEN",
      "You may only create or give records to a nation or organisation you represent",
      [{ field, message: "not in your scope" }],
    );
  if (!isOwnerEditor(viewer, { ownerNationId, ownerOrganisationId }))
    throw outside(ownerNationId ? "body.ownerNationId" : "body.ownerOrganisationId");
  if (!isAdministrator(viewer)) {
    if (ownerNationId && ownerNationId !== kept.ownerNationId && !coordinatesNation(viewer, ownerNationId))
      throw outside("body.ownerNationId");
    if (
      ownerOrganisationId &&
      ownerOrganisationId !== kept.ownerOrganisationId &&
      !managesOrganisation(viewer, ownerOrganisationId)
    )
      throw outside("body.ownerOrganisationId");
  }
  return {
    ownerNationId,
    ownerOrganisationId,
    releasability: input.releasability ?? defaults.releasability,
    releaseNations: input.releaseNationIds ?? [],
    releaseOrganisations: input.releaseOrganisationIds ?? [],
  };
}

/**
 * An edit's patch as the record's columns: a new owner is checked as `resolveRelease` checks it (the writer must
 * represent it; the record's own owners are kept), the release lists become columns (`releaseListPatch`), and the
 * other fields stay as they are. What the patch does not give is left out.
 */
export function ownedPatch<P extends Omit<ReleaseInput, "releasability">>(
  viewer: Viewer,
  patch: P,
  current: Parameters<typeof resolveRelease>[2] & Parameters<typeof resolveRelease>[3],
) {
  const { releaseNationIds, releaseOrganisationIds, ownerNationId, ownerOrganisationId, ...fields } = patch;
  if (ownerNationId !== undefined || ownerOrganisationId !== undefined) {
    resolveRelease(viewer, { ownerNationId, ownerOrganisationId }, current, current);
  }
  return {
    ...fields,
    ...(ownerNationId !== undefined ? { ownerNationId } : {}),
    ...(ownerOrganisationId !== undefined ? { ownerOrganisationId } : {}),
    ...releaseListPatch({ releaseNationIds, releaseOrganisationIds }),
  };
}

/** Row columns → API shape. */
export function releaseOutput(record: ReleasableRecord) {
  return {
    ownerNationId: record.ownerNationId,
    ownerOrganisationId: record.ownerOrganisationId,
    releasability: record.releasability,
    releaseNationIds: record.releaseNations,
    releaseOrganisationIds: record.releaseOrganisations,
  };
}

/** A row as the API shows it: its release columns as `releaseOutput` names them (last), everything else as is. */
export function withRelease<T extends ReleasableRecord>(row: T) {
  const { ownerNationId, ownerOrganisationId, releasability, releaseNations, releaseOrganisations, ...rest } =
    row;
  return { ...rest, ...releaseOutput(row) };
}
