/* Checklists: templates, their versions (written or imported from a file) and criteria. */
import "./readiness.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { AppError, notFound, validation } from "../../platform/errors.js";
import { checkUpload, storeFile, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { parseChecklistFile } from "./checklist-import.js";
import * as queries from "./readiness.queries.js";
import type {
  AreaInput,
  ChecklistInput,
  ChecklistQuery,
  CriterionPatch,
  VersionInput,
} from "./readiness.schemas.js";

export async function listChecklists(ctx: Ctx, query: ChecklistQuery) {
  authorize(ctx.viewer, "checklist.read");
  return paged(query, await queries.listChecklists(ctx.db, query));
}

export async function getChecklist(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "checklist.read");
  const template = await queries.findChecklist(ctx.db, id);
  if (!template) throw notFound("The checklist");
  return template;
}

export async function getVersion(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "checklist.read");
  const version = await queries.findVersion(ctx.db, id);
  if (!version) throw notFound("The checklist version");
  return version;
}

function checkAreas(areas: AreaInput[], field: string) {
  const areaCodes = new Set<string>();
  const codes = new Set<string>();
  areas.forEach((area, a) => {
    if (areaCodes.has(area.code.trim())) throw validation(`${field}.${a}.code`, "appears twice");
    areaCodes.add(area.code.trim());
    area.criteria.forEach((criterion, c) => {
      if (codes.has(criterion.code.trim()))
        throw validation(
          `${field}.${a}.criteria.${c}.code`,
          `the criterion code ${criterion.code} appears twice`,
        );
      codes.add(criterion.code.trim());
    });
  });
  if (codes.size > 2000) throw validation(field, "a version has at most 2000 criteria");
}

/** Adds the next version of a template inside the caller's transaction (the template row is locked). */
async function addVersionIn(
  ctx: Ctx,
  trx: Ctx["db"],
  templateId: string,
  areas: AreaInput[] | Awaited<ReturnType<typeof parseChecklistFile>>,
  note: string | null,
  sourceFilename: string | null,
) {
  const template = await trx
    .selectFrom("checklistTemplate")
    .select("id")
    .where("id", "=", templateId)
    .forUpdate()
    .executeTakeFirst();
  if (!template) throw notFound("The checklist");
  const last = await trx
    .selectFrom("checklistVersion")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("templateId", "=", templateId)
    .executeTakeFirst();
  const version = await trx
    .insertInto("checklistVersion")
    .values({
      templateId,
      version: Number(last?.version ?? 0) + 1,
      note,
      sourceFilename,
      createdBy: ctx.viewer.userId,
    })
    .returning(["id", "version"])
    .executeTakeFirstOrThrow();
  await queries.insertVersionContent(trx, version.id, areas);
  return version;
}

export async function createChecklist(ctx: Ctx, input: ChecklistInput) {
  authorize(ctx.viewer, "checklist.write");
  if (input.areas) checkAreas(input.areas, "body.areas");
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("checklistTemplate")
      .values({ code: input.code, title: input.title.trim(), description: input.description ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.areas) await addVersionIn(ctx, trx, row.id, input.areas, null, null);
    await writeAudit(trx, ctx, {
      action: "checklist.create",
      recordType: "checklist_template",
      recordId: row.id,
      after: row,
      detail: { criteria: input.areas?.reduce((n, a) => n + a.criteria.length, 0) ?? 0 },
    });
    return row.id;
  });
  return getChecklist(ctx, id);
}

export async function addVersion(ctx: Ctx, templateId: string, input: VersionInput) {
  authorize(ctx.viewer, "checklist.write");
  checkAreas(input.areas, "body.areas");
  const versionId = await ctx.db.transaction().execute(async (trx) => {
    const version = await addVersionIn(ctx, trx, templateId, input.areas, input.note ?? null, null);
    await writeAudit(trx, ctx, {
      action: "checklist.version.add",
      recordType: "checklist_version",
      recordId: version.id,
      after: { templateId, version: version.version },
    });
    return version.id;
  });
  return getVersion(ctx, versionId);
}

/** Imports a new version from a CSV or XLSX upload (columns: area, criterion code, criterion text, guidance). */
export async function importVersion(ctx: Ctx, source: UploadSource, templateId: string) {
  authorize(ctx.viewer, "checklist.write");
  const exists = await ctx.db
    .selectFrom("checklistTemplate")
    .select("id")
    .where("id", "=", templateId)
    .executeTakeFirst();
  if (!exists) throw notFound("The checklist");
  const upload = await source(ctx.config.uploadLimitBytes);
  checkUpload(upload, ctx.config.uploadLimitBytes);
  const areas = await parseChecklistFile(upload);
  const versionId = await ctx.db.transaction().execute(async (trx) => {
    const file = await storeFile(trx, ctx, upload);
    const version = await addVersionIn(
      ctx,
      trx,
      templateId,
      areas,
      `Imported from ${file.filename}`,
      file.filename,
    );
    await writeAudit(trx, ctx, {
      action: "checklist.version.import",
      recordType: "checklist_version",
      recordId: version.id,
      after: { templateId, version: version.version, fileId: file.id },
      detail: { criteria: areas.reduce((n, a) => n + a.criteria.length, 0) },
    });
    return version.id;
  });
  return getVersion(ctx, versionId);
}

/** Criteria may be corrected only while no evaluation uses their version; used versions are frozen. */
export async function updateCriterion(ctx: Ctx, id: string, patch: CriterionPatch) {
  authorize(ctx.viewer, "checklist.write");
  const versionId = await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("checklistCriterion")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound("The criterion");
    // Lock the version against a concurrent evaluation plan that would start using it.
    await trx
      .selectFrom("checklistVersion")
      .select("id")
      .where("id", "=", before.versionId)
      .forUpdate()
      .execute();
    const used = await trx
      .selectFrom("evaluation")
      .select("id")
      .where("checklistVersionId", "=", before.versionId)
      .limit(1)
      .executeTakeFirst();
    if (used) {
      throw new AppError(
        "CONFLICT",
        "This checklist version is used by an evaluation and is frozen; add a new version instead",
        [{ field: "params.id", message: "the version is in use" }],
      );
    }
    const after = await trx
      .updateTable("checklistCriterion")
      .set(patch)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "checklist.criterion.update",
      recordType: "checklist_criterion",
      recordId: id,
      before,
      after,
    });
    return before.versionId;
  });
  return getVersion(ctx, versionId);
}
