import "./programmes.policy.js";
import type { ProgrammeSnapshot, SnapshotItem } from "../../db/schema/programmes.js";
import { authorize } from "../../platform/access/policy.js";
import { notFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as versions from "./programme-versions.queries.js";
import type { ProgrammeVersion } from "./programme-versions.schemas.js";
import * as queries from "./programmes.queries.js";

/** The versions of an annual programme: one a submission, kept as submitted, with the decision taken on it. */

type FieldChange = { field: string; before: unknown; after: unknown };

const PROGRAMME_FIELDS = ["title", "firstYear", "lastYear", "planId", "note"] as const;
const ITEM_FIELDS = [
  "activityId",
  "title",
  "areaCode",
  "plannedStartsOn",
  "plannedEndsOn",
  "plannedParticipants",
  "note",
  "objectiveIds",
] as const;

function fieldChanges<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]) {
  return fields
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field): FieldChange => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** What changed from one version to the next: the programme's fields, and items added, removed or changed. */
export function changesBetween(previous: ProgrammeSnapshot, next: ProgrammeSnapshot) {
  const before = new Map(previous.items.map((item) => [item.id, item]));
  const after = new Map(next.items.map((item) => [item.id, item]));
  const changed = next.items.flatMap((item) => {
    const old = before.get(item.id);
    if (!old) return [];
    const fields = fieldChanges<SnapshotItem>(old, item, ITEM_FIELDS);
    return fields.length ? [{ id: item.id, activityCode: item.activityCode, title: item.title, fields }] : [];
  });
  return {
    programme: fieldChanges<ProgrammeSnapshot>(previous, next, PROGRAMME_FIELDS),
    added: next.items.filter((item) => !before.has(item.id)),
    removed: previous.items.filter((item) => !after.has(item.id)),
    changed,
  };
}

export async function listVersions(ctx: Ctx, programmeId: string): Promise<ProgrammeVersion[]> {
  authorize(ctx.viewer, "programmes.read");
  if (!(await queries.findProgramme(ctx.db, ctx.viewer, programmeId))) throw notFound("The annual programme");
  const rows = await versions.versionsOf(ctx.db, programmeId);
  return rows.map((row, index) => {
    const { snapshot, id: _id, ...rest } = row;
    const { items, ...programme } = snapshot;
    const previous = rows[index + 1];
    return {
      ...rest,
      submittedAt: row.submittedAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      programme,
      items,
      changes: previous ? changesBetween(previous.snapshot, snapshot) : null,
    };
  });
}

export async function getVersion(ctx: Ctx, programmeId: string, version: number): Promise<ProgrammeVersion> {
  authorize(ctx.viewer, "programmes.read");
  const found = (await listVersions(ctx, programmeId)).find((row) => row.version === version);
  if (!found) throw notFound("The programme version");
  return found;
}
