/* Checklists: templates, their versions (written or imported from a file) and criteria. */
import "./readiness.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { auditedUpdate, insertRecord, lockRow } from "../../platform/audited-write.js";
import { AppError, notFound, orNotFound, validation } from "../../platform/errors.js";
import { checkUpload, storeFile, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { parseChecklistFile } from "./checklist-import.js";
import * as checklists from "./checklists.queries.js";
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
  return orNotFound(await queries.findChecklist(ctx.db, id), "The checklist");
}

export async function getVersion(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "checklist.read");
  return orNotFound(await queries.findVersion(ctx.db, id), "The checklist version");
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
  if (!(await checklists.lockTemplate(trx, templateId))) throw notFound("The checklist");
  const version = await checklists.insertNextVersion(trx, {
    templateId,
    note,
    sourceFilename,
    createdBy: ctx.viewer.userId,
  });
  await queries.insertVersionContent(trx, version.id, areas);
  return version;
}

export async function createChecklist(ctx: Ctx, input: ChecklistInput) {
  authorize(ctx.viewer, "checklist.write");
  if (input.areas) checkAreas(input.areas, "body.areas");
  const row = await insertRecord(
    ctx,
    "checklistTemplate",
    { code: input.code, title: input.title.trim(), description: input.description ?? null },
    {
      action: "checklist.create",
      also: async (template, trx) => {
        if (input.areas) await addVersionIn(ctx, trx, template.id, input.areas, null, null);
      },
      detail: { criteria: input.areas?.reduce((n, a) => n + a.criteria.length, 0) ?? 0 },
    },
  );
  return getChecklist(ctx, row.id);
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
  if (!(await checklists.templateExists(ctx.db, templateId))) throw notFound("The checklist");
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
    const where = { id, missing: "The criterion" };
    const before = await lockRow(trx, "checklistCriterion", where);
    if (await checklists.lockVersionInUse(trx, before.versionId)) {
      throw new AppError(
        "CONFLICT",
        "This checklist version is used by an evaluation and is frozen; add a new version instead",
        [{ field: "params.id", message: "the version is in use" }],
      );
    }
    await auditedUpdate(trx, ctx, "checklistCriterion", where, patch, {
      action: "checklist.criterion.update",
    });
    return before.versionId;
  });
  return getVersion(ctx, versionId);
}
