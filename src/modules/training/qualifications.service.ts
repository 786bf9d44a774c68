import "./training.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { uniqueConflict } from "../../platform/constraint-errors.js";
import { orNotFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as queries from "./qualification.queries.js";
import type { QualificationInput, QualificationPatch } from "./qualifications.schemas.js";

type Row = Awaited<ReturnType<typeof queries.insertQualification>>;
const output = (row: Row) => ({
  code: row.code,
  name: { en: row.nameEn, az: row.nameAz, ru: row.nameRu },
  validityYears: row.validityYears,
});

/** Defines a qualification a course confers; its code is unique (409 naming body.code) and never changes. */
export async function createQualification(ctx: Ctx, input: QualificationInput) {
  authorize(ctx.viewer, "qualification.create");
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const created = await queries.insertQualification(trx, {
        code: input.code,
        nameEn: input.name.en.trim(),
        nameAz: input.name.az?.trim() || null,
        nameRu: input.name.ru?.trim() || null,
        validityYears: input.validityYears,
      });
      await writeAudit(trx, ctx, {
        action: "qualification.create",
        recordType: "qualification",
        recordId: created.code,
        after: created,
      });
      return created;
    })
    .catch(uniqueConflict(`A qualification with the code ${input.code} already exists`, "body.code"));
  return output(row);
}

/** Renames a qualification or changes its validity (certificates already issued keep their dates). */
export async function updateQualification(ctx: Ctx, code: string, patch: QualificationPatch) {
  const conferredBy = await queries.coursesConferring(ctx.db, code);
  authorize(ctx.viewer, "qualification.edit", conferredBy);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const before = orNotFound(await queries.lockQualification(trx, code), "The qualification");
    // Checked again under the lock: a course of someone else may have taken it up meanwhile.
    authorize(ctx.viewer, "qualification.edit", await queries.coursesConferring(trx, code));
    const after = await queries.updateQualification(trx, code, {
      ...(patch.name
        ? {
            nameEn: patch.name.en.trim(),
            nameAz: patch.name.az?.trim() || null,
            nameRu: patch.name.ru?.trim() || null,
          }
        : {}),
      ...(patch.validityYears !== undefined ? { validityYears: patch.validityYears } : {}),
    });
    await writeAudit(trx, ctx, {
      action: "qualification.update",
      recordType: "qualification",
      recordId: code,
      before,
      after,
    });
    return after;
  });
  return output(row);
}
