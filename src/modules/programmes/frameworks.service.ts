import "./programmes.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { ownedPatch, withRelease } from "../../platform/access/releasability.js";
import { writeAudit } from "../../platform/audit.js";
import { updateRecord } from "../../platform/audited-write.js";
import { notFound, orNotFound, validation } from "../../platform/errors.js";
import { readStoredFile, storeFile, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as frameworkQueries from "./frameworks.queries.js";
import {
  checkDates,
  checkKind,
  editable,
  insertProgrammeRecord,
  mapConstraint,
  newDocumentRelease,
} from "./programmes.common.js";
import * as queries from "./programmes.queries.js";
import type { FrameworkInput, FrameworkPatch, FrameworkQuery } from "./programmes.schemas.js";

// ------------------------------------------------------------------ reference
export async function listPlanKinds(ctx: Ctx) {
  authorize(ctx.viewer, "programmes.read");
  return queries.listPlanKinds(ctx.db);
}

/** The name of each area in the language of a report (the code itself only for an unknown area). */
export async function areaNames(ctx: Ctx, language: "en" | "az" | "ru") {
  const rows = await queries.areaNameRows(ctx.db);
  const names = new Map(
    rows.map((row) => [
      row.code,
      language === "az" ? row.nameAz : language === "ru" ? row.nameRu : row.nameEn,
    ]),
  );
  return (code: string) => names.get(code) ?? code;
}

// ------------------------------------------------------------------ framework documents
export async function listFrameworks(ctx: Ctx, query: FrameworkQuery) {
  authorize(ctx.viewer, "programmes.read");
  const page = await queries.listFrameworks(ctx.db, ctx.viewer, query);
  return paged(query, {
    total: page.total,
    items: page.items.map(({ fullCount: _c, ...row }) => withRelease(row)),
  });
}

export async function getFramework(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "programmes.read");
  const row = orNotFound(await queries.findFramework(ctx.db, ctx.viewer, id), "The framework document");
  return withRelease(row);
}

export async function createFramework(ctx: Ctx, input: FrameworkInput) {
  authorize(ctx.viewer, "programmes.create");
  const { fields, release } = await newDocumentRelease(ctx.viewer, ctx.db, input);
  checkDates(input.validFrom, input.validUntil, "body.validUntil");
  if (input.replacesId && !(await queries.findFramework(ctx.db, ctx.viewer, input.replacesId)))
    throw validation("body.replacesId", "no such framework document");
  const { id } = await insertProgrammeRecord(
    ctx,
    "frameworkDocument",
    { ...fields, ...release },
    "framework.create",
  );
  return getFramework(ctx, id);
}

export async function updateFramework(ctx: Ctx, id: string, patch: FrameworkPatch) {
  const current = await editable(
    ctx,
    () => queries.findFramework(ctx.db, ctx.viewer, id),
    "The framework document",
  );
  if (patch.kind) await checkKind(ctx.db, patch.kind, "body.kind");
  if (patch.replacesId === id) throw validation("body.replacesId", "a document cannot replace itself");
  const columns = ownedPatch(ctx.viewer, patch, current);
  checkDates(patch.validFrom ?? current.validFrom, patch.validUntil ?? current.validUntil, "body.validUntil");
  await updateRecord(ctx, "frameworkDocument", { id, missing: "The framework document" }, columns, {
    action: "framework.update",
  }).catch(mapConstraint);
  return getFramework(ctx, id);
}

/** Checks that the viewer may attach a file to the document before the upload is read. */
async function checkFrameworkUpload(ctx: Ctx, id: string) {
  await editable(ctx, () => queries.findFramework(ctx.db, ctx.viewer, id), "The framework document");
}

export async function attachFrameworkFile(ctx: Ctx, id: string, source: UploadSource) {
  await checkFrameworkUpload(ctx, id);
  const upload = await source(ctx.config.uploadLimitBytes);
  await ctx.db.transaction().execute(async (trx) => {
    const file = await storeFile(trx, ctx, upload);
    await frameworkQueries.attachFile(trx, id, file.id);
    await writeAudit(trx, ctx, {
      action: "framework.file.attach",
      recordType: "framework_document",
      recordId: id,
      after: { fileId: file.id, filename: file.filename, sizeBytes: file.sizeBytes },
    });
  });
  return getFramework(ctx, id);
}

/** A file of the document, when the viewer may see the document. */
export async function frameworkFile(ctx: Ctx, id: string, fileId: string) {
  const document = await getFramework(ctx, id);
  if (!document.files.some((file) => file.id === fileId)) throw notFound("The file");
  return readStoredFile(ctx.db, fileId);
}
