import "./programmes.policy.js";
import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { allianceSide as platformAllianceSide } from "../../platform/access/alliance.js";
import { authorize, type PolicyActions } from "../../platform/access/policy.js";
import { type ReleaseInput, resolveRelease, splitRelease } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { insertRecord, type RecordTable } from "../../platform/audited-write.js";
import { onConstraint } from "../../platform/constraint-errors.js";
import { orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as queries from "./programmes.queries.js";
import * as shared from "./shared.queries.js";

/** What the programme services share: constraint mapping and reference checks. */

export const today = () => new Date().toISOString().slice(0, 10);

/** The field each unique or exclusion constraint of this capability guards. */
const CONFLICT_FIELDS: Record<string, string> = {
  plan_code_key: "body.code",
  partnership_goal_unique: "body.code",
  plan_period_unique: "body.number",
  annual_programme_no_overlap: "body.firstYear",
  goal_assessment_once_per_cycle: "body.cycleYear",
  programme_item_activity_once: "body.activityId",
  plan_objective_unique: "body.code",
  period_statement_unique: "body.source",
};

/** Maps constraint violations of this capability to errors that name the field. */
export const mapConstraint = onConstraint(({ kind, constraint }) => {
  if (kind === "unique" || kind === "exclusion")
    return [CONFLICT_FIELDS[constraint ?? ""] ?? "body", "A record with these values already exists"];
  if (kind === "check") {
    const field = constraint?.includes("agreed")
      ? "body.agreedYear"
      : constraint?.includes("done")
        ? "body.progress"
        : "body";
    return [field, `breaks the rule ${constraint ?? "of the record"}`];
  }
  if (kind === "foreignKey") return ["body", "refers to a record that does not exist"];
  return undefined;
});

/** Inserts a row of this capability with its audit entry `action`; a constraint it breaks names its field. */
export const insertProgrammeRecord = <T extends RecordTable>(
  ctx: Ctx,
  table: T,
  values: Insertable<DB[T]>,
  action: string,
) => insertRecord(ctx, table, values, { action }).catch(mapConstraint);

/**
 * The record a change is about, once the viewer may change it. `find` answers it as the viewer may see it, or
 * nothing for a 404 naming `missing` (a `visible…` reader throws its own).
 */
export async function editable<T extends PolicyActions["programmes.update"]>(
  ctx: Ctx,
  find: () => Promise<T | undefined>,
  missing = "The record",
): Promise<T> {
  authorize(ctx.viewer, "programmes.read");
  const record = orNotFound(await find(), missing);
  authorize(ctx.viewer, "programmes.update", record);
  return record;
}

export async function checkNation(db: Kysely<DB>, nationId: string | null | undefined, field: string) {
  if (!nationId) return;
  if (!(await shared.nationExists(db, nationId))) throw validation(field, "no such nation");
}

export async function checkArea(db: Kysely<DB>, code: string | undefined, field: string) {
  if (code && !(await queries.areaExists(db, code))) throw validation(field, "no such area of cooperation");
}

export async function checkKind(db: Kysely<DB>, code: string | undefined, field: string) {
  if (code && !(await queries.planKindExists(db, code)))
    throw validation(field, "no such kind of plan or document");
}

/** Who speaks for the alliance side (programmes.policy.ts `isAllianceStaff`): the alliance organisation (code NATO). */
export const allianceSide = (db: Kysely<DB>) => platformAllianceSide(db);

/**
 * A nation's plans, programmes and goals are restricted to the nation and released to the alliance organisation
 * unless the writer names other organisations (an empty list releases to nobody else).
 */
export async function allianceRelease(db: Kysely<DB>, given: string[] | undefined): Promise<string[]> {
  if (given) return given;
  const { allianceOrganisationId } = await platformAllianceSide(db);
  return allianceOrganisationId ? [allianceOrganisationId] : [];
}

/** A new record of a nation (a programme, a goal): its release as `allianceRelease` says, and its other fields. */
export async function nationRelease<I extends Omit<ReleaseInput, "ownerNationId"> & { nationId: string }>(
  viewer: Viewer,
  db: Kysely<DB>,
  input: I,
) {
  const { releasability, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  const release = resolveRelease(
    viewer,
    {
      releasability,
      releaseNationIds,
      releaseOrganisationIds: await allianceRelease(db, releaseOrganisationIds),
    },
    { ownerNationId: input.nationId, releasability: "restricted" },
  );
  return { fields, release };
}

/**
 * A new plan or framework document, of a nation or of none: owned as the writer asks, else by its nation, and
 * restricted; its nation and kind must exist. A plan of a nation passes the release list `allianceRelease` gives.
 * Returns the record's other fields and its release.
 */
export async function newDocumentRelease<
  I extends ReleaseInput & { nationId?: string | null; kind?: string },
>(viewer: Viewer, db: Kysely<DB>, input: I, releaseOrganisationIds = input.releaseOrganisationIds) {
  const { release: asked, fields } = splitRelease(input);
  const release = resolveRelease(
    viewer,
    { ...asked, releaseOrganisationIds },
    { ownerNationId: input.nationId ?? null, releasability: "restricted" },
  );
  await Promise.all([
    checkNation(db, input.nationId, "body.nationId"),
    checkKind(db, input.kind, "body.kind"),
  ]);
  return { fields, release };
}

export function checkDates(from: string | null | undefined, to: string | null | undefined, field: string) {
  if (from && to && to < from) throw validation(field, "must not be before the start");
}
