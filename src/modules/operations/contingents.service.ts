import "./operations.policy.js";
import { authorize, can } from "../../platform/access/policy.js";
import { resolveRelease, withRelease } from "../../platform/access/releasability.js";
import { insertRecord, patchColumns, updateRecord } from "../../platform/audited-write.js";
import { onConstraint } from "../../platform/constraint-errors.js";
import { orNotFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { type RowOwner, rowRemover } from "../../platform/owned-rows.js";
import * as queries from "./contingents.queries.js";
import { checkDateOrder, withChildList } from "./operations.common.js";
import type {
  ContingentInput,
  ContingentPatch,
  ContingentQuery,
  RotationInput,
  RotationPatch,
  StrengthQuery,
} from "./operations.schemas.js";

export async function listContingents(ctx: Ctx, query: ContingentQuery) {
  authorize(ctx.viewer, "contingent.read");
  const page = await queries.listContingents(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map(withRelease) });
}

export async function getContingent(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "contingent.read");
  const contingent = orNotFound(await queries.findContingent(ctx.db, ctx.viewer, id), "The contingent");
  return { ...withRelease(contingent), canEdit: can(ctx.viewer, "contingent.update", contingent) };
}

async function editableContingent(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "contingent.read");
  const contingent = orNotFound(await queries.findContingent(ctx.db, ctx.viewer, id), "The contingent");
  authorize(ctx.viewer, "contingent.update", contingent);
  return contingent;
}

/** The contingent as the owner of its rotations. */
const ownedByContingent: RowOwner<Awaited<ReturnType<typeof getContingent>>> = {
  key: "contingentId",
  editable: editableContingent,
  read: getContingent,
};

export async function createContingent(ctx: Ctx, input: ContingentInput) {
  authorize(ctx.viewer, "contingent.create");
  const { releasability, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  // The contributing nation owns its contingent; only its coordinators (or an administrator) record one.
  const release = resolveRelease(
    ctx.viewer,
    { ownerNationId: input.nationId, releasability, releaseNationIds, releaseOrganisationIds },
    { releasability: "restricted" },
  );
  const row = await insertRecord(
    ctx,
    "contingent",
    { ...fields, ...release },
    { action: "contingent.create" },
  );
  return getContingent(ctx, row.id);
}

export async function updateContingent(ctx: Ctx, id: string, patch: ContingentPatch) {
  await editableContingent(ctx, id);
  await updateRecord(ctx, "contingent", { id, missing: "The contingent" }, patchColumns(patch), {
    action: "contingent.update",
  });
  return getContingent(ctx, id);
}

const rotationConstraints = {
  contingent_rotation_no_overlap: [
    "body.startsOn",
    "overlaps another rotation of the same slot of this contingent",
  ],
  contingent_rotation_ends_on_check: ["body.endsOn", "must not be before the start date"],
  rotation_strength_pkey: ["body.strength", "a category is listed twice"],
} as const;

export async function addRotation(ctx: Ctx, contingentId: string, input: RotationInput) {
  await editableContingent(ctx, contingentId);
  checkDateOrder(input.startsOn, input.endsOn, "body.endsOn");
  const { strength, ...fields } = input;
  await insertRecord(
    ctx,
    "contingentRotation",
    { ...fields, contingentId },
    {
      action: "contingent.rotation.add",
      ...withChildList("strength", strength, rotationConstraints, queries.replaceStrength),
    },
  );
  return getContingent(ctx, contingentId);
}

export async function updateRotation(
  ctx: Ctx,
  contingentId: string,
  rotationId: string,
  patch: RotationPatch,
) {
  await editableContingent(ctx, contingentId);
  const { strength, ...fields } = patch;
  await updateRecord(
    ctx,
    "contingentRotation",
    { id: rotationId, scope: { contingentId }, missing: "The rotation" },
    (before) => {
      checkDateOrder(
        fields.startsOn ?? before.startsOn,
        fields.endsOn !== undefined ? fields.endsOn : before.endsOn,
        "body.endsOn",
      );
      return fields;
    },
    {
      action: "contingent.rotation.update",
      rules: rotationConstraints,
      also: async (_row, trx) => {
        if (strength)
          await queries.replaceStrength(trx, rotationId, strength).catch(onConstraint(rotationConstraints));
      },
      audited: (after) => (strength ? { ...after, strength } : after),
    },
  );
  return getContingent(ctx, contingentId);
}

export const removeRotation = rowRemover(
  ownedByContingent,
  "contingentRotation",
  "The rotation",
  "contingent.rotation.remove",
);

export async function strengthOverTime(ctx: Ctx, query: StrengthQuery) {
  authorize(ctx.viewer, "contingent.read");
  const rows = await queries.strengthSeries(ctx.db, ctx.viewer, query);
  const points = new Map<
    string,
    { date: string; total: number; byCategory: { category: string; count: number }[] }
  >();
  for (const row of rows) {
    const point = points.get(row.day) ?? { date: row.day, total: 0, byCategory: [] };
    points.set(row.day, point);
    if (row.category) {
      point.byCategory.push({ category: row.category, count: row.count });
      point.total += row.count;
    }
  }
  return { points: [...points.values()] };
}
