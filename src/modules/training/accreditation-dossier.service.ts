import "./training.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { auditedInsert, lockRow, updateRecord } from "../../platform/audited-write.js";
import { invalidState, notFound, orNotFound } from "../../platform/errors.js";
import { readStoredFile, storeFile, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { assertMove } from "../../platform/transitions.js";
import type { ApplicationRow } from "./accreditation.queries.js";
import * as queries from "./accreditation.queries.js";
import { type ApplicationState, FINDING_TRANSITIONS } from "./accreditation.transitions.js";
import { applicationRecord, getDossier, loadApplication } from "./accreditation-applications.service.js";
import type { FindingInput, SelfAssessmentInput } from "./training.schemas.js";

/** What a centre and its reviewers write into the dossier: self-assessments, evidence, findings. */

type State = ApplicationState;
const EDITABLE: State[] = ["draft", "self_assessment"];

/** Refuses a change to an application that is not in one of the states that allow it. */
function assertStateIn(state: string, allowed: State[], refusal: string) {
  if (!allowed.includes(state as State)) throw invalidState(`The application is ${state}: ${refusal}`);
}

/** Locks the application for a change inside the transaction, then checks that its state allows the change. */
async function lockApplicationIn(
  trx: Parameters<typeof lockRow>[0],
  id: string,
  allowed: State[],
  refusal: string,
) {
  const locked = await lockRow(trx, "accreditationApplication", {
    id,
    missing: "The accreditation application",
  });
  assertStateIn(locked.state, allowed, refusal);
}

async function checkStandard(ctx: Ctx, row: ApplicationRow, standardId: string) {
  if (!(await queries.standardInSet(ctx.db, standardId, row.standardSetId))) throw notFound("The standard");
}

export async function selfAssess(ctx: Ctx, id: string, standardId: string, input: SelfAssessmentInput) {
  const row = await loadApplication(ctx, id);
  authorize(ctx.viewer, "accreditation.edit", applicationRecord(row));
  await checkStandard(ctx, row, standardId);
  await ctx.db.transaction().execute(async (trx) => {
    await lockApplicationIn(trx, id, EDITABLE, "the self-assessment can no longer change");
    const before = await queries.findSelfAssessment(trx, id, standardId);
    const after = await queries.upsertSelfAssessment(trx, {
      applicationId: id,
      standardId,
      rating: input.rating,
      narrative: input.narrative ?? null,
      updatedBy: ctx.viewer.userId,
    });
    await writeAudit(trx, ctx, {
      action: "accreditation.self_assess",
      recordType: "accreditation_application",
      recordId: id,
      before: before ?? null,
      after,
    });
  });
  return getDossier(ctx, id);
}

export async function addEvidence(ctx: Ctx, source: UploadSource, id: string, standardId: string) {
  const row = await loadApplication(ctx, id);
  authorize(ctx.viewer, "accreditation.edit", applicationRecord(row));
  await checkStandard(ctx, row, standardId);
  assertStateIn(row.state, EDITABLE, "evidence can no longer be added");
  const upload = await source(ctx.config.uploadLimitBytes);
  await ctx.db.transaction().execute(async (trx) => {
    await lockApplicationIn(trx, id, EDITABLE, "evidence can no longer be added");
    const file = await storeFile(trx, ctx, upload);
    const evidence = await queries.insertEvidence(trx, {
      applicationId: id,
      standardId,
      fileId: file.id,
      createdBy: ctx.viewer.userId,
    });
    await writeAudit(trx, ctx, {
      action: "accreditation.evidence.add",
      recordType: "accreditation_application",
      recordId: id,
      after: { ...evidence, filename: file.filename },
    });
  });
  return getDossier(ctx, id);
}

export async function evidenceFile(ctx: Ctx, id: string, evidenceId: string) {
  await loadApplication(ctx, id);
  const evidence = orNotFound(await queries.findEvidence(ctx.db, id, evidenceId), "The evidence");
  return readStoredFile(ctx.db, evidence.fileId);
}

export async function removeEvidence(ctx: Ctx, id: string, evidenceId: string) {
  const row = await loadApplication(ctx, id);
  authorize(ctx.viewer, "accreditation.edit", applicationRecord(row));
  await ctx.db.transaction().execute(async (trx) => {
    await lockApplicationIn(trx, id, EDITABLE, "evidence can no longer be removed");
    const removed = orNotFound(await queries.deleteEvidence(trx, id, evidenceId), "The evidence");
    await writeAudit(trx, ctx, {
      action: "accreditation.evidence.remove",
      recordType: "accreditation_application",
      recordId: id,
      before: removed,
    });
  });
  return getDossier(ctx, id);
}

const FINDING_STATES: Record<string, State[]> = {
  finding: ["visit_planned", "visited"],
  recommendation: ["visit_planned", "visited", "decided"],
  condition: ["visited", "decided"],
};

export async function addFinding(ctx: Ctx, id: string, input: FindingInput) {
  const row = await loadApplication(ctx, id);
  authorize(ctx.viewer, "accreditation.review", applicationRecord(row));
  if (input.standardId) await checkStandard(ctx, row, input.standardId);
  await ctx.db.transaction().execute(async (trx) => {
    const allowed = FINDING_STATES[input.kind]!;
    await lockApplicationIn(
      trx,
      id,
      allowed,
      `a ${input.kind} can be recorded only when it is ${allowed.join(" or ")}`,
    );
    await auditedInsert(
      trx,
      ctx,
      "accreditationFinding",
      {
        applicationId: id,
        standardId: input.standardId ?? null,
        kind: input.kind,
        text: input.text,
        dueOn: input.dueOn ?? null,
        createdBy: ctx.viewer.userId,
      },
      { action: "accreditation.finding.add" },
    );
  });
  return getDossier(ctx, id);
}

export async function closeFinding(ctx: Ctx, id: string, findingId: string, closureNote: string) {
  const row = await loadApplication(ctx, id);
  authorize(ctx.viewer, "accreditation.review", applicationRecord(row));
  await updateRecord(
    ctx,
    "accreditationFinding",
    { id: findingId, scope: { applicationId: id }, missing: "The finding" },
    (before) => {
      assertMove(FINDING_TRANSITIONS, before.status, "closed");
      return { status: "closed", closedAt: queries.now, closureNote };
    },
    { action: "accreditation.finding.close" },
  );
  return getDossier(ctx, id);
}
