/* Units: their readiness profile and their declarations to a pool of forces. */
import "./readiness.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { insertRecord } from "../../platform/audited-write.js";
import { orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as queries from "./readiness.queries.js";
import type { DeclarationInput, UnitProfileInput, UnitQuery } from "./readiness.schemas.js";
import * as profiles from "./units.queries.js";

export async function listUnits(ctx: Ctx, query: UnitQuery) {
  authorize(ctx.viewer, "unit.read");
  return paged(query, await queries.listUnits(ctx.db, query));
}

export async function getUnit(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "unit.read");
  return orNotFound(await queries.findUnit(ctx.db, id), "The unit");
}

export async function setUnitProfile(ctx: Ctx, id: string, input: UnitProfileInput) {
  authorize(ctx.viewer, "unit.read");
  const unit = orNotFound(await queries.findUnit(ctx.db, id), "The unit");
  authorize(ctx.viewer, "unit.update", unit);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await profiles.lockProfile(trx, id);
    const values = {
      unitType: input.unitType.trim(),
      size: input.size,
      echelon: input.echelon ?? null,
      isHeadquarters: input.isHeadquarters ?? false,
    };
    const after = await profiles.upsertProfile(trx, id, values);
    await writeAudit(trx, ctx, {
      action: "unit.profile.set",
      recordType: "unit_profile",
      recordId: id,
      before: before ?? null,
      after,
    });
  });
  return getUnit(ctx, id);
}

export async function addDeclaration(ctx: Ctx, id: string, input: DeclarationInput) {
  authorize(ctx.viewer, "unit.read");
  const unit = orNotFound(await queries.findUnit(ctx.db, id), "The unit");
  authorize(ctx.viewer, "unit.update", unit);
  if (input.declaredTo && input.declaredTo < input.declaredFrom) {
    throw validation("body.declaredTo", "must not be before the start date");
  }
  await insertRecord(
    ctx,
    "forcePoolDeclaration",
    {
      unitId: id,
      poolName: input.poolName.trim(),
      declaredFrom: input.declaredFrom,
      declaredTo: input.declaredTo ?? null,
      note: input.note ?? null,
    },
    {
      action: "unit.declaration.add",
      rules: ({ kind }) =>
        kind === "exclusion"
          ? ["body.declaredFrom", "overlaps an existing declaration of the unit to the same pool"]
          : undefined,
    },
  );
  return getUnit(ctx, id);
}
