/* Results of an evaluation: scores, findings, follow-up actions and the report. */
import "./readiness.policy.js";
import { sql } from "kysely";
import { requireVisibleLink } from "../../platform/access/links.js";
import { authorize } from "../../platform/access/policy.js";
import {
  auditedUpdate,
  deleteRecord,
  insertRecord,
  lockRow,
  updateRecord,
} from "../../platform/audited-write.js";
import { AppError, unprocessable, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { assertMove, assertTransition, withNext } from "../../platform/transitions.js";
import { notify } from "../notices/index.js";
import { getEvaluation, loadEvaluation } from "./evaluations.service.js";
import * as queries from "./readiness.queries.js";
import type { ActionInput, ActionPatch, FindingInput, ReportInput } from "./readiness.schemas.js";
import { EVALUATION_TRANSITIONS, FOLLOW_UP_TRANSITIONS } from "./readiness.transitions.js";
import * as results from "./results.queries.js";
import { computeOutcome, summarise } from "./scoring.js";

export async function getResults(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "evaluation.read");
  const evaluation = await loadEvaluation(ctx, id);
  const [rows, findings, actions] = await Promise.all([
    queries.areaScores(ctx.db, id),
    queries.findingsOf(ctx.db, id),
    queries.actionsOf(ctx.db, ctx.viewer, id),
  ]);
  // Each action with the states it may move to next.
  const withAllowed = actions.map((action) => withNext(FOLLOW_UP_TRANSITIONS, action));
  const summary = summarise(rows, evaluation.isHeadquarters);
  return {
    evaluationId: id,
    isHeadquarters: evaluation.isHeadquarters,
    ...summary,
    computedOutcome: computeOutcome(summary, evaluation.isHeadquarters),
    outcome: evaluation.outcome,
    summaryStatement: evaluation.summaryStatement,
    findings,
    actions: withAllowed,
  };
}

async function requireReporter(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "evaluation.read");
  const evaluation = await loadEvaluation(ctx, id);
  authorize(ctx.viewer, "evaluation.report", evaluation);
  return evaluation;
}

export async function addFinding(ctx: Ctx, id: string, input: FindingInput) {
  const evaluation = await requireReporter(ctx, id);
  if (input.areaId) {
    if (!(await results.isAreaOfVersion(ctx.db, input.areaId, evaluation.checklistVersionId)))
      throw unprocessable("body.areaId", "is not an area of this evaluation's checklist");
  }
  const row = await insertRecord(
    ctx,
    "evaluationFinding",
    {
      evaluationId: id,
      kind: input.kind,
      areaId: input.areaId ?? null,
      text: input.text.trim(),
      createdBy: ctx.viewer.userId,
    },
    { action: "evaluation.finding.add" },
  );
  return { id: row.id, kind: row.kind, areaId: row.areaId, text: row.text, createdAt: row.createdAt };
}

export async function deleteFinding(ctx: Ctx, id: string, findingId: string) {
  await requireReporter(ctx, id);
  await deleteRecord(
    ctx,
    "evaluationFinding",
    { id: findingId, scope: { evaluationId: id }, missing: "The finding" },
    { action: "evaluation.finding.delete" },
  );
}

export async function addAction(ctx: Ctx, id: string, input: ActionInput) {
  await requireReporter(ctx, id);
  if (!input.ownerPersonId && !input.ownerOrganisationId) {
    throw validation("body.ownerPersonId", "an action needs an owner: a person or an organisation");
  }
  await requireVisibleLink(ctx.db, ctx.viewer, "person", input.ownerPersonId, "body.ownerPersonId");
  if (input.findingId) {
    if (!(await results.isFindingOf(ctx.db, input.findingId, id)))
      throw unprocessable("body.findingId", "is not a finding of this evaluation");
  }
  const { id: actionId } = await insertRecord(
    ctx,
    "followUpAction",
    {
      evaluationId: id,
      findingId: input.findingId ?? null,
      title: input.title.trim(),
      ownerPersonId: input.ownerPersonId ?? null,
      ownerOrganisationId: input.ownerOrganisationId ?? null,
      dueOn: input.dueOn,
    },
    { action: "evaluation.action.add" },
  );
  const actions = await queries.actionsOf(ctx.db, ctx.viewer, id);
  return withNext(FOLLOW_UP_TRANSITIONS, actions.find((action) => action.id === actionId)!);
}

/** Follow-up continues after the report: the unit's coordinator and the team keep actions current. */
export async function updateAction(ctx: Ctx, id: string, actionId: string, patch: ActionPatch) {
  authorize(ctx.viewer, "evaluation.read");
  const evaluation = await loadEvaluation(ctx, id);
  if (!evaluation.onTeam) authorize(ctx.viewer, "evaluation.plan", evaluation);
  await updateRecord(
    ctx,
    "followUpAction",
    { id: actionId, scope: { evaluationId: id }, missing: "The action" },
    (before) => {
      assertTransition(FOLLOW_UP_TRANSITIONS, before.status, patch.status);
      return patch;
    },
    { action: "evaluation.action.update" },
  );
  const actions = await queries.actionsOf(ctx.db, ctx.viewer, id);
  return withNext(FOLLOW_UP_TRANSITIONS, actions.find((action) => action.id === actionId)!);
}

/**
 * Closes the evaluation with its outcome. A unit's outcome is computed from the answers (see scoring.ts); a
 * headquarters gets no grade, only the team's summary statement of whether it meets the standards.
 */
export async function report(ctx: Ctx, id: string, input: ReportInput) {
  const current = await requireReporter(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const where = { id, missing: "The evaluation" };
    const before = await lockRow(trx, "evaluation", where);
    assertMove(EVALUATION_TRANSITIONS, before.state, "reported");
    const summary = summarise(await queries.areaScores(trx, id), current.isHeadquarters);
    if (!summary.complete) {
      throw new AppError(
        "INVALID_STATE",
        `${summary.overall.unanswered} agreed criteria have no answer yet; answer them (or mark them not evaluated) first`,
      );
    }
    let outcome: string;
    if (current.isHeadquarters) {
      if (input.meetsStandards === undefined)
        throw validation(
          "body.meetsStandards",
          "a headquarters needs the team's statement of whether it meets the standards",
        );
      if (!input.summaryStatement?.trim())
        throw validation("body.summaryStatement", "a headquarters is reported with a summary statement");
      outcome = input.meetsStandards ? "meets_standards" : "does_not_meet_standards";
    } else {
      outcome = computeOutcome(summary, false)!;
    }
    await auditedUpdate(
      trx,
      ctx,
      "evaluation",
      where,
      {
        state: "reported",
        outcome,
        summaryStatement: input.summaryStatement?.trim() || null,
        reportedAt: sql<Date>`now()`,
      },
      {
        action: "evaluation.report",
        detail: { overall: summary.overall },
        also: async (after) => {
          const { unitName, teamPersonIds } = await results.reportAudience(trx, id, after.unitId);
          const title = `${unitName}: ${outcome.replace(/_/g, " ")}`;
          await notify(trx, {
            recipients: [
              { people: teamPersonIds },
              { nationCoordinators: [after.ownerNationId] },
              { organisationStaff: { organisationIds: [after.unitId], roles: ["organiser", "evaluator"] } },
            ],
            kind: "evaluation.report_published",
            record: { type: "evaluation", id, link: `/readiness/evaluations/${id}/results` },
            title,
            params: { title, outcome },
            actorUserId: ctx.viewer.userId,
          });
        },
      },
    );
  });
  return getEvaluation(ctx, id);
}
