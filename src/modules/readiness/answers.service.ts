import "./readiness.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { invalidState, orNotFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as queries from "./answers.queries.js";
import { criteriaByArea } from "./checklist-areas.js";
import type { AnswerInput } from "./readiness.schemas.js";
import { evaluationOutput, loadEvaluation } from "./readiness.service.js";

// ------------------------------------------------------------------ checklist entry
export async function getEvaluationChecklist(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "evaluation.read");
  const evaluation = await loadEvaluation(ctx, id);
  const rows = await queries.evaluationChecklist(ctx.db, id);
  const permissions = evaluationOutput(ctx, evaluation).permissions;
  return {
    evaluationId: id,
    editable: permissions.answer,
    // Answers are taken from the evaluation's first day; before it the page says when answering opens.
    opensOn: evaluation.startsOn,
    areas: criteriaByArea(rows),
  };
}

type AnswerRow = NonNullable<Awaited<ReturnType<typeof queries.answerRow>>>;
export type AnswerOutcome = { stale: false; answer: AnswerRow } | { stale: true; current: AnswerRow };

/**
 * Records one answer with its comment and evidence, with optimistic concurrency: the write names the version it
 * read, and a write over a newer version is refused with the current answer, so two evaluators never silently
 * overwrite each other. Nothing is answered before the evaluation's first day.
 */
export async function answerCriterion(
  ctx: Ctx,
  id: string,
  criterionId: string,
  input: AnswerInput,
): Promise<AnswerOutcome> {
  authorize(ctx.viewer, "evaluation.read");
  const evaluation = await loadEvaluation(ctx, id);
  authorize(ctx.viewer, "evaluation.answer", evaluation);
  return ctx.db.transaction().execute(async (trx): Promise<AnswerOutcome> => {
    const state = await queries.lockEvaluationForAnswer(trx, id);
    if (state.state !== "planned" && state.state !== "in_progress") {
      throw invalidState(`The evaluation is ${state.state}; its answers can no longer change`);
    }
    if (!state.started) {
      throw invalidState(
        `Answering opens on ${state.startsOn}, the evaluation's first day; no answer is taken before it`,
      );
    }
    const updated = await queries.writeAnswer(
      trx,
      { evaluationId: id, criterionId, version: input.version },
      {
        answer: input.answer,
        ...(input.comment !== undefined ? { comment: input.comment } : {}),
        ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
        answeredBy: ctx.viewer.userId,
      },
    );
    if (!updated) {
      const current = orNotFound(
        await queries.answerRow(trx, id, criterionId),
        "The criterion in this evaluation",
      );
      return { stale: true, current };
    }
    await writeAudit(trx, ctx, {
      action: "evaluation.answer",
      recordType: "evaluation_answer",
      recordId: `${id}:${criterionId}`,
      after: updated,
      detail: { readVersion: input.version },
    });
    return { stale: false, answer: (await queries.answerRow(trx, id, criterionId))! };
  });
}
