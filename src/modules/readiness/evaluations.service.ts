/* Evaluations: planning, their phases, the team and its certification rules. */
import "./readiness.policy.js";
import { sql } from "kysely";
import { requireVisibleLink, unknownLink } from "../../platform/access/links.js";
import { authorize, can } from "../../platform/access/policy.js";
import { releaseOutput } from "../../platform/access/releasability.js";
import { writeAudit } from "../../platform/audit.js";
import { lockRow } from "../../platform/audited-write.js";
import { isExclusionViolation, isUniqueViolation } from "../../platform/constraint-errors.js";
import {
  AppError,
  conflict,
  invalidState,
  notFound,
  unprocessable,
  validation,
} from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { allowedFrom, assertTransition } from "../../platform/transitions.js";
import { assertOverrideReason, checkDoubleBooking } from "../directory/index.js";
import { notify } from "../notifications/index.js";
import { certifiedPeople, hasValidQualification } from "../training/index.js";
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
  const evaluation = await queries.findEvaluation(db, ctx.viewer, id);
  if (!evaluation) throw notFound("The evaluation");
  return evaluation;
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
  const id = await ctx.db.transaction().execute(async (trx) => {
    // Planning with a version freezes it: lock it against a concurrent correction of its criteria.
    const version = await trx
      .selectFrom("checklistVersion")
      .select("id")
      .where("id", "=", input.checklistVersionId)
      .forShare()
      .executeTakeFirst();
    if (!version) throw unprocessable("body.checklistVersionId", "does not exist");
    if (input.criterionCodes) {
      const found = await trx
        .selectFrom("checklistCriterion")
        .select("code")
        .where("versionId", "=", version.id)
        .where("code", "in", input.criterionCodes)
        .execute();
      const known = new Set(found.map((c) => c.code));
      const unknown = input.criterionCodes.filter((code) => !known.has(code));
      if (unknown.length) {
        throw unprocessable(
          "body.criterionCodes",
          `not in this checklist version: ${unknown.slice(0, 10).join(", ")}`,
        );
      }
    }
    const row = await trx
      .insertInto("evaluation")
      .values({
        unitId: input.unitId,
        checklistVersionId: version.id,
        kind: input.kind,
        title: input.title.trim(),
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        evaluatingOrganisationId: input.evaluatingOrganisationId ?? null,
        previousEvaluationId: input.previousEvaluationId ?? null,
        ownerNationId: unit.nationId,
        releasability: "restricted",
        releaseOrganisations: input.evaluatingOrganisationId ? [input.evaluatingOrganisationId] : [],
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.phases?.length) {
      await trx
        .insertInto("evaluationPhase")
        .values(input.phases.map((phase) => ({ ...phase, evaluationId: row.id })))
        .execute();
    }
    await sql`insert into evaluation_answer (evaluation_id, criterion_id)
      select ${row.id}, c.id from checklist_criterion c
      where c.version_id = ${version.id}
        and (${input.criterionCodes ?? null}::text[] is null or c.code = any(${input.criterionCodes ?? null}::text[]))`.execute(
      trx,
    );
    await writeAudit(trx, ctx, {
      action: "evaluation.create",
      recordType: "evaluation",
      recordId: row.id,
      after: row,
      detail: { phases: input.phases ?? [], criterionCodes: input.criterionCodes?.length ?? "all" },
    });
    return row.id;
  });
  return getEvaluation(ctx, id);
}

export async function updateEvaluation(ctx: Ctx, id: string, patch: EvaluationPatch) {
  authorize(ctx.viewer, "evaluation.read");
  checkPhases(patch.phases);
  const current = await loadEvaluation(ctx, id);
  authorize(ctx.viewer, "evaluation.plan", current);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockRow(trx, "evaluation", { id, missing: "The evaluation" });
    assertTransition(EVALUATION_TRANSITIONS, before.state, patch.state);
    if (before.state === "reported" || before.state === "cancelled") {
      throw invalidState(`The evaluation is ${before.state} and can no longer change`);
    }
    const { phases, ...fields } = patch;
    const after = Object.keys(fields).length
      ? await trx
          .updateTable("evaluation")
          .set(fields)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : before;
    if (phases) {
      await trx.deleteFrom("evaluationPhase").where("evaluationId", "=", id).execute();
      if (phases.length)
        await trx
          .insertInto("evaluationPhase")
          .values(phases.map((phase) => ({ ...phase, evaluationId: id })))
          .execute();
    }
    await writeAudit(trx, ctx, {
      action: "evaluation.update",
      recordType: "evaluation",
      recordId: id,
      before,
      after,
      ...(phases ? { detail: { phases } } : {}),
    });
  });
  return getEvaluation(ctx, id);
}

/** Certified evaluators who could join the team: valid certification throughout, not of the unit's nation, free. */
export async function eligibleEvaluators(ctx: Ctx, id: string, query: { limit?: number; offset?: number }) {
  authorize(ctx.viewer, "evaluation.read");
  const evaluation = await loadEvaluation(ctx, id);
  authorize(ctx.viewer, "evaluation.plan", evaluation);
  // Only people the viewer may see: the pick list is a list of people like the directory's.
  const certified = await certifiedPeople(ctx.db, EVALUATOR_QUALIFICATION, evaluation.startsOn, ctx.viewer);
  const busy = new Set(
    (
      await ctx.db
        .selectFrom("evaluationTeamMember")
        .select("personId")
        .where(
          sql<boolean>`period && daterange(${evaluation.startsOn}::date, ${evaluation.endsOn}::date, '[]')`,
        )
        .execute()
    ).map((row) => row.personId),
  );
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
    const evaluation = await trx
      .selectFrom("evaluation")
      .select(["id", "startsOn", "endsOn", "state", "unitId"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (evaluation.state === "reported" || evaluation.state === "cancelled") {
      throw invalidState(`The evaluation is ${evaluation.state}; its team can no longer change`);
    }
    const unit = await trx
      .selectFrom("organisation as u")
      .innerJoin("nation as n", "n.id", "u.nationId")
      .select(["u.nationId", "n.code"])
      .where("u.id", "=", evaluation.unitId)
      .executeTakeFirstOrThrow();
    // A person the planner may not see is answered exactly like an id that does not exist.
    await requireVisibleLink(trx, ctx.viewer, "person", input.personId, "body.personId");
    const person = await trx
      .selectFrom("person")
      .select(["id", "nationId", "givenName", "familyName"])
      .where("id", "=", input.personId)
      .forNoKeyUpdate() // the lock the double-booking check takes: one assignment or acceptance of a person at a time
      .executeTakeFirst();
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
    const row = await trx
      .insertInto("evaluationTeamMember")
      .values({
        evaluationId: id,
        personId: person.id,
        role: input.role ?? "evaluator",
        period: `[${evaluation.startsOn},${evaluation.endsOn}]`,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => {
        if (isUniqueViolation(error)) throw conflict("The person is already on this team", "body.personId");
        if (isExclusionViolation(error, "evaluation_team_member_no_overlap")) {
          throw teamRule("a person cannot be in two evaluation teams at overlapping dates");
        }
        throw error;
      });
    const unitName = await trx
      .selectFrom("evaluation as e")
      .innerJoin("organisation as o", "o.id", "e.unitId")
      .select("o.nameEn")
      .where("e.id", "=", id)
      .executeTakeFirstOrThrow();
    await notify(trx, {
      recipients: { people: [person.id] },
      kind: "evaluation.team_assigned",
      record: { type: "evaluation", id, link: `/readiness/evaluations/${id}` },
      title: `${unitName.nameEn} (${evaluation.startsOn} – ${evaluation.endsOn})`,
      params: {
        title: `${unitName.nameEn} (${evaluation.startsOn} – ${evaluation.endsOn})`,
        startsOn: evaluation.startsOn,
        endsOn: evaluation.endsOn,
      },
      actorUserId: ctx.viewer.userId,
    });
    await writeAudit(trx, ctx, {
      action: "evaluation.team.add",
      recordType: "evaluation_team_member",
      recordId: row.id,
      after: row,
      detail: doubleBooking ? { doubleBooking } : undefined,
    });
  });
  return getEvaluation(ctx, id);
}

export async function removeTeamMember(ctx: Ctx, id: string, memberId: string) {
  authorize(ctx.viewer, "evaluation.read");
  const current = await loadEvaluation(ctx, id);
  authorize(ctx.viewer, "evaluation.plan", current);
  await ctx.db.transaction().execute(async (trx) => {
    const evaluation = await trx
      .selectFrom("evaluation")
      .select("state")
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (evaluation.state === "reported" || evaluation.state === "cancelled") {
      throw invalidState(`The evaluation is ${evaluation.state}; its team can no longer change`);
    }
    const row = await trx
      .deleteFrom("evaluationTeamMember")
      .where("id", "=", memberId)
      .where("evaluationId", "=", id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound("The team member");
    await writeAudit(trx, ctx, {
      action: "evaluation.team.remove",
      recordType: "evaluation_team_member",
      recordId: memberId,
      before: row,
    });
  });
  return getEvaluation(ctx, id);
}
