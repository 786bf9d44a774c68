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
import { checkUpload, storeFile, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { allowedFrom, assertMove, assertTransition, withNext } from "../../platform/transitions.js";
import { notify } from "../notifications/index.js";
import { certifiedPeople, hasValidQualification } from "../training/index.js";
import { parseChecklistFile } from "./checklist-import.js";
import * as queries from "./readiness.queries.js";
import {
  type ActionInput,
  type ActionPatch,
  type AreaInput,
  type ChecklistInput,
  type ChecklistQuery,
  type CriterionPatch,
  type DeclarationInput,
  EVALUATOR_QUALIFICATION,
  type EvaluationInput,
  type EvaluationPatch,
  type EvaluationQuery,
  type FindingInput,
  type ReportInput,
  type TeamInput,
  type UnitProfileInput,
  type UnitQuery,
  type VersionInput,
} from "./readiness.schemas.js";
import { EVALUATION_TRANSITIONS, FOLLOW_UP_TRANSITIONS } from "./readiness.transitions.js";
import { computeOutcome, summarise } from "./scoring.js";

// ------------------------------------------------------------------ units
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

// ------------------------------------------------------------------ checklists
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

// ------------------------------------------------------------------ evaluations
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
      .forShare()
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

// ------------------------------------------------------------------ results and report
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
    const area = await ctx.db
      .selectFrom("checklistArea")
      .select("id")
      .where("id", "=", input.areaId)
      .where("versionId", "=", evaluation.checklistVersionId)
      .executeTakeFirst();
    if (!area) throw unprocessable("body.areaId", "is not an area of this evaluation's checklist");
  }
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("evaluationFinding")
      .values({
        evaluationId: id,
        kind: input.kind,
        areaId: input.areaId ?? null,
        text: input.text.trim(),
        createdBy: ctx.viewer.userId,
      })
      .returning(["id", "kind", "areaId", "text", "createdAt"])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "evaluation.finding.add",
      recordType: "evaluation_finding",
      recordId: row.id,
      after: row,
    });
    return row;
  });
}

export async function deleteFinding(ctx: Ctx, id: string, findingId: string) {
  await requireReporter(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("evaluationFinding")
      .where("id", "=", findingId)
      .where("evaluationId", "=", id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound("The finding");
    await writeAudit(trx, ctx, {
      action: "evaluation.finding.delete",
      recordType: "evaluation_finding",
      recordId: findingId,
      before: row,
    });
  });
}

export async function addAction(ctx: Ctx, id: string, input: ActionInput) {
  await requireReporter(ctx, id);
  if (!input.ownerPersonId && !input.ownerOrganisationId) {
    throw validation("body.ownerPersonId", "an action needs an owner: a person or an organisation");
  }
  await requireVisibleLink(ctx.db, ctx.viewer, "person", input.ownerPersonId, "body.ownerPersonId");
  if (input.findingId) {
    const finding = await ctx.db
      .selectFrom("evaluationFinding")
      .select("id")
      .where("id", "=", input.findingId)
      .where("evaluationId", "=", id)
      .executeTakeFirst();
    if (!finding) throw unprocessable("body.findingId", "is not a finding of this evaluation");
  }
  const actionId = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("followUpAction")
      .values({
        evaluationId: id,
        findingId: input.findingId ?? null,
        title: input.title.trim(),
        ownerPersonId: input.ownerPersonId ?? null,
        ownerOrganisationId: input.ownerOrganisationId ?? null,
        dueOn: input.dueOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "evaluation.action.add",
      recordType: "follow_up_action",
      recordId: row.id,
      after: row,
    });
    return row.id;
  });
  const actions = await queries.actionsOf(ctx.db, ctx.viewer, id);
  return withNext(FOLLOW_UP_TRANSITIONS, actions.find((action) => action.id === actionId)!);
}

/** Follow-up continues after the report: the unit's coordinator and the team keep actions current. */
export async function updateAction(ctx: Ctx, id: string, actionId: string, patch: ActionPatch) {
  authorize(ctx.viewer, "evaluation.read");
  const evaluation = await loadEvaluation(ctx, id);
  if (!evaluation.onTeam) authorize(ctx.viewer, "evaluation.plan", evaluation);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockRow(trx, "followUpAction", {
      id: actionId,
      scope: { evaluationId: id },
      missing: "The action",
    });
    assertTransition(FOLLOW_UP_TRANSITIONS, before.status, patch.status);
    const after = await trx
      .updateTable("followUpAction")
      .set(patch)
      .where("id", "=", actionId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "evaluation.action.update",
      recordType: "follow_up_action",
      recordId: actionId,
      before,
      after,
    });
  });
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
    const before = await lockRow(trx, "evaluation", { id, missing: "The evaluation" });
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
    const after = await trx
      .updateTable("evaluation")
      .set({
        state: "reported",
        outcome,
        summaryStatement: input.summaryStatement?.trim() || null,
        reportedAt: sql<Date>`now()`,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const unit = await trx
      .selectFrom("organisation")
      .select("nameEn")
      .where("id", "=", after.unitId)
      .executeTakeFirstOrThrow();
    const team = await trx
      .selectFrom("evaluationTeamMember")
      .select("personId")
      .where("evaluationId", "=", id)
      .execute();
    await notify(trx, {
      recipients: [
        { people: team.map((m) => m.personId) },
        { nationCoordinators: [after.ownerNationId] },
        { organisationStaff: { organisationIds: [after.unitId], roles: ["organiser", "evaluator"] } },
      ],
      kind: "evaluation.report_published",
      record: { type: "evaluation", id, link: `/readiness/evaluations/${id}/results` },
      title: `${unit.nameEn}: ${outcome.replace(/_/g, " ")}`,
      params: { title: `${unit.nameEn}: ${outcome.replace(/_/g, " ")}`, outcome },
      actorUserId: ctx.viewer.userId,
    });
    await writeAudit(trx, ctx, {
      action: "evaluation.report",
      recordType: "evaluation",
      recordId: id,
      before,
      after,
      detail: { overall: summary.overall },
    });
  });
  return getEvaluation(ctx, id);
}
