/* Evaluations: planning, their phases, the team and its certification rules. */
import "./readiness.policy.js";
import { requireVisibleLink, unknownLink } from "../../platform/access/links.js";
import { authorize, can } from "../../platform/access/policy.js";
import { releaseOutput } from "../../platform/access/releasability.js";
import { auditedDelete, auditedInsert, updateRecord } from "../../platform/audited-write.js";
import { isExclusionViolation, isUniqueViolation } from "../../platform/constraint-errors.js";
import {
  AppError,
  conflict,
  invalidState,
  orNotFound,
  unprocessable,
  validation,
} from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { allowedFrom, assertTransition } from "../../platform/transitions.js";
import { assertOverrideReason, checkDoubleBooking } from "../directory/index.js";
import { notify } from "../notices/index.js";
import { certifiedPeople, hasValidQualification } from "../training/index.js";
import * as plans from "./evaluations.queries.js";
import * as queries from "./readiness.queries.js";
import {
  EVALUATOR_QUALIFICATION,
  type EvaluationInput,
  type EvaluationPatch,
  type EvaluationQuery,
  type TeamInput,
} from "./readiness.schemas.js";
import { EVALUATION_TRANSITIONS } from "./readiness.transitions.js";

type EvaluationRow = NonNullable<Awaited<ReturnType<typeof queries.findEvaluation>>>;

export async function loadEvaluation(ctx: Ctx, id: string, db = ctx.db): Promise<EvaluationRow> {
  return orNotFound(await queries.findEvaluation(db, ctx.viewer, id), "The evaluation");
}

export function evaluationOutput(ctx: Ctx, row: EvaluationRow) {
  const {
    ownerNationId,
    ownerOrganisationId,
    releasability,
    releaseNations,
    releaseOrganisations,
    onTeam,
    ...rest
  } = row;
  const open = row.state === "planned" || row.state === "in_progress";
  return {
    ...rest,
    allowedTransitions: allowedFrom(EVALUATION_TRANSITIONS, row.state),
    permissions: {
      plan: can(ctx.viewer, "evaluation.plan", row),
      answer: open && can(ctx.viewer, "evaluation.answer", row),
      report: open && can(ctx.viewer, "evaluation.report", row),
    },
    ...releaseOutput({
      ownerNationId,
      ownerOrganisationId,
      releasability,
      releaseNations,
      releaseOrganisations,
    }),
  };
}

export async function listEvaluations(ctx: Ctx, query: EvaluationQuery) {
  authorize(ctx.viewer, "evaluation.read");
  return paged(query, await queries.listEvaluations(ctx.db, ctx.viewer, query));
}

export async function getEvaluation(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "evaluation.read");
  return evaluationOutput(ctx, await loadEvaluation(ctx, id));
}

function checkPhases(phases: EvaluationInput["phases"]) {
  const seen = new Set<string>();
  for (const [index, phase] of (phases ?? []).entries()) {
    if (seen.has(phase.phase)) throw validation(`body.phases.${index}.phase`, "appears twice");
    seen.add(phase.phase);
    if (phase.endsOn < phase.startsOn) throw validation(`body.phases.${index}.endsOn`, "is before its start");
  }
}

export async function createEvaluation(ctx: Ctx, input: EvaluationInput) {
  authorize(ctx.viewer, "evaluation.read");
  if (input.endsOn < input.startsOn) throw validation("body.endsOn", "must not be before the start date");
  checkPhases(input.phases);
  const unit = await queries.findUnit(ctx.db, input.unitId);
  if (!unit) throw unprocessable("body.unitId", "is not a unit of the directory");
  if (!unit.nationId) throw unprocessable("body.unitId", "the unit has no nation");
  authorize(ctx.viewer, "evaluation.plan", {
    unitNationId: unit.nationId,
    evaluatingOrganisationId: input.evaluatingOrganisationId ?? null,
  });
  if (input.previousEvaluationId) {
    const previous = await queries.findEvaluation(ctx.db, ctx.viewer, input.previousEvaluationId);
    if (!previous) throw unprocessable("body.previousEvaluationId", "does not exist");
    if (previous.unitId !== input.unitId)
      throw unprocessable("body.previousEvaluationId", "is an evaluation of another unit");
  }
  const row = await ctx.db.transaction().execute(async (trx) => {
    const versionId = input.checklistVersionId;
    if (!(await plans.shareLockVersion(trx, versionId)))
      throw unprocessable("body.checklistVersionId", "does not exist");
    if (input.criterionCodes) {
      const known = await plans.knownCriterionCodes(trx, versionId, input.criterionCodes);
      const unknown = input.criterionCodes.filter((code) => !known.has(code));
      if (unknown.length) {
        throw unprocessable(
          "body.criterionCodes",
          `not in this checklist version: ${unknown.slice(0, 10).join(", ")}`,
        );
      }
    }
    return auditedInsert(
      trx,
      ctx,
      "evaluation",
      {
        unitId: input.unitId,
        checklistVersionId: versionId,
        kind: input.kind,
        title: input.title.trim(),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        evaluatingOrganisationId: input.evaluatingOrganisationId ?? null,
        previousEvaluationId: input.previousEvaluationId ?? null,
        ownerNationId: unit.nationId!,
        releasability: "restricted",
        releaseOrganisations: input.evaluatingOrganisationId ? [input.evaluatingOrganisationId] : [],
      },
      {
        action: "evaluation.create",
        also: (evaluation) =>
          plans.insertPlan(trx, {
            evaluationId: evaluation.id,
            versionId,
            phases: input.phases ?? [],
            criterionCodes: input.criterionCodes ?? null,
          }),
        detail: { phases: input.phases ?? [], criterionCodes: input.criterionCodes?.length ?? "all" },
      },
    );
  });
  return getEvaluation(ctx, row.id);
}

export async function updateEvaluation(ctx: Ctx, id: string, patch: EvaluationPatch) {
  authorize(ctx.viewer, "evaluation.read");
  checkPhases(patch.phases);
  const current = await loadEvaluation(ctx, id);
  authorize(ctx.viewer, "evaluation.plan", current);
  const { phases, ...fields } = patch;
  await updateRecord(
    ctx,
    "evaluation",
    { id, missing: "The evaluation" },
    (before) => {
      assertTransition(EVALUATION_TRANSITIONS, before.state, patch.state);
      if (before.state === "reported" || before.state === "cancelled") {
        throw invalidState(`The evaluation is ${before.state} and can no longer change`);
      }
      return fields;
    },
    {
      action: "evaluation.update",
      also: (_row, trx) => (phases ? plans.replacePhases(trx, id, phases) : Promise.resolve()),
      ...(phases ? { detail: { phases } } : {}),
    },
  );
  return getEvaluation(ctx, id);
}

/** Certified evaluators who could join the team: valid certification throughout, not of the unit's nation, free. */
export async function eligibleEvaluators(ctx: Ctx, id: string, query: { limit?: number; offset?: number }) {
  authorize(ctx.viewer, "evaluation.read");
  const evaluation = await loadEvaluation(ctx, id);
  authorize(ctx.viewer, "evaluation.plan", evaluation);
  // Only people the viewer may see: the pick list is a list of people like the directory's.
  const certified = await certifiedPeople(ctx.db, EVALUATOR_QUALIFICATION, evaluation.startsOn, ctx.viewer);
  const busy = await plans.busyEvaluators(ctx.db, evaluation.startsOn, evaluation.endsOn);
  const eligible = certified
    .filter(
      (person) =>
        person.nationId !== evaluation.unitNationId &&
        (person.validUntil === null || person.validUntil >= evaluation.endsOn) &&
        !busy.has(person.personId),
    )
    .sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 25;
  return paged(query, {
    items: eligible.slice(offset, offset + limit).map((person) => ({
      personId: person.personId,
      givenName: person.givenName,
      familyName: person.familyName,
      rankTitle: person.rankTitle,
      nationCode: person.nationCode,
      certificateNumber: person.certificateNumber,
      validUntil: person.validUntil,
    })),
    total: eligible.length,
  });
}

const teamRule = (message: string) =>
  new AppError("CONFLICT", `Team rule: ${message}`, [{ field: "body.personId", message }]);

/**
 * Assigns a person to the team. The three team rules are checked inside the transaction that inserts the
 * membership, with the evaluation row locked; the overlap rule is an exclusion constraint, so two concurrent
 * assignments of one person to overlapping teams cannot both commit.
 */
export async function addTeamMember(ctx: Ctx, id: string, input: TeamInput) {
  authorize(ctx.viewer, "evaluation.read");
  const current = await loadEvaluation(ctx, id);
  authorize(ctx.viewer, "evaluation.plan", current);
  assertOverrideReason(input);
  await ctx.db.transaction().execute(async (trx) => {
    const evaluation = await plans.lockForTeam(trx, id);
    if (evaluation.state === "reported" || evaluation.state === "cancelled") {
      throw invalidState(`The evaluation is ${evaluation.state}; its team can no longer change`);
    }
    const unit = await plans.unitNation(trx, evaluation.unitId);
    // A person the planner may not see is answered exactly like an id that does not exist.
    await requireVisibleLink(trx, ctx.viewer, "person", input.personId, "body.personId");
    // The lock the double-booking check takes: one assignment or acceptance of a person at a time.
    const person = await plans.lockPersonForAssignment(trx, input.personId);
    if (!person) throw unknownLink("body.personId");
    if (person.nationId === unit.nationId) {
      throw teamRule(`an evaluator may not evaluate a unit of their own nation (${unit.code})`);
    }
    const certified = await hasValidQualification(
      trx,
      person.id,
      EVALUATOR_QUALIFICATION,
      evaluation.startsOn,
      evaluation.endsOn,
    );
    if (!certified) {
      throw teamRule(
        `the evaluator must hold a ${EVALUATOR_QUALIFICATION} certification valid throughout the evaluation (${evaluation.startsOn} to ${evaluation.endsOn})`,
      );
    }
    const doubleBooking = await checkDoubleBooking(
      trx,
      ctx.viewer,
      {
        personId: person.id,
        from: evaluation.startsOn,
        to: evaluation.endsOn,
        exceptEventId: null,
        exceptEvaluations: true,
      },
      input,
    );
    const title = `${unit.nameEn} (${evaluation.startsOn} – ${evaluation.endsOn})`;
    await auditedInsert(
      trx,
      ctx,
      "evaluationTeamMember",
      {
        evaluationId: id,
        personId: person.id,
        role: input.role ?? "evaluator",
        period: `[${evaluation.startsOn},${evaluation.endsOn}]`,
      },
      {
        action: "evaluation.team.add",
        ...(doubleBooking ? { detail: { doubleBooking } } : {}),
        also: () =>
          notify(trx, {
            recipients: { people: [person.id] },
            kind: "evaluation.team_assigned",
            record: { type: "evaluation", id, link: `/readiness/evaluations/${id}` },
            title,
            params: { title, startsOn: evaluation.startsOn, endsOn: evaluation.endsOn },
            actorUserId: ctx.viewer.userId,
          }),
      },
    ).catch((error) => {
      if (isUniqueViolation(error)) throw conflict("The person is already on this team", "body.personId");
      if (isExclusionViolation(error, "evaluation_team_member_no_overlap")) {
        throw teamRule("a person cannot be in two evaluation teams at overlapping dates");
      }
      throw error;
    });
  });
  return getEvaluation(ctx, id);
}

export async function removeTeamMember(ctx: Ctx, id: string, memberId: string) {
  authorize(ctx.viewer, "evaluation.read");
  const current = await loadEvaluation(ctx, id);
  authorize(ctx.viewer, "evaluation.plan", current);
  await ctx.db.transaction().execute(async (trx) => {
    const evaluation = await plans.lockForTeam(trx, id);
    if (evaluation.state === "reported" || evaluation.state === "cancelled") {
      throw invalidState(`The evaluation is ${evaluation.state}; its team can no longer change`);
    }
    await auditedDelete(
      trx,
      ctx,
      "evaluationTeamMember",
      { id: memberId, scope: { evaluationId: id }, missing: "The team member" },
      { action: "evaluation.team.remove" },
    );
  });
  return getEvaluation(ctx, id);
}
