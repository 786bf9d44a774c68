/* Units: their readiness profile and their declarations to a pool of forces. */
import "./readiness.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { isExclusionViolation } from "../../platform/constraint-errors.js";
import { AppError, notFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as queries from "./readiness.queries.js";
import type { DeclarationInput, UnitProfileInput, UnitQuery } from "./readiness.schemas.js";

export async function listUnits(ctx: Ctx, query: UnitQuery) {
  authorize(ctx.viewer, "unit.read");
  return paged(query, await queries.listUnits(ctx.db, query));
}

export async function getUnit(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "unit.read");
  const unit = await queries.findUnit(ctx.db, id);
  if (!unit) throw notFound("The unit");
  return unit;
}

export async function setUnitProfile(ctx: Ctx, id: string, input: UnitProfileInput) {
  authorize(ctx.viewer, "unit.read");
  const unit = await queries.findUnit(ctx.db, id);
  if (!unit) throw notFound("The unit");
  authorize(ctx.viewer, "unit.update", unit);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("unitProfile")
      .selectAll()
      .where("organisationId", "=", id)
      .forUpdate()
      .executeTakeFirst();
    const values = {
      unitType: input.unitType.trim(),
      size: input.size,
      echelon: input.echelon ?? null,
      isHeadquarters: input.isHeadquarters ?? false,
    };
    const after = await trx
      .insertInto("unitProfile")
      .values({ organisationId: id, ...values })
      .onConflict((oc) => oc.column("organisationId").doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
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
  const unit = await queries.findUnit(ctx.db, id);
  if (!unit) throw notFound("The unit");
  authorize(ctx.viewer, "unit.update", unit);
  if (input.declaredTo && input.declaredTo < input.declaredFrom) {
    throw validation("body.declaredTo", "must not be before the start date");
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("forcePoolDeclaration")
      .values({
        unitId: id,
        poolName: input.poolName.trim(),
        declaredFrom: input.declaredFrom,
        declaredTo: input.declaredTo ?? null,
        note: input.note ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => {
        if (isExclusionViolation(error)) {
          throw new AppError("CONFLICT", "The unit is already declared to this pool in these dates", [
            { field: "body.declaredFrom", message: "overlaps an existing declaration to the same pool" },
          ]);
        }
        throw error;
      });
    await writeAudit(trx, ctx, {
      action: "unit.declaration.add",
      recordType: "force_pool_declaration",
      recordId: row.id,
      after: row,
    });
  });
  return getUnit(ctx, id);
}
