import "./programmes.policy.js";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { requireVisibleLink } from "../../platform/access/links.js";
import { authorize } from "../../platform/access/policy.js";
import { type ReleasableRecord, releaseOutput, resolveRelease } from "../../platform/access/releasability.js";
import { coordinatesNation, readsEverything } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { lockRow } from "../../platform/audited-write.js";
import { onConstraint } from "../../platform/constraint-errors.js";
import { AppError, notFound, validation } from "../../platform/errors.js";
import { readStoredFile, storeFile, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { assertTransition, withNext } from "../../platform/transitions.js";
import { notify } from "../notifications/index.js";
import { discrepancies, joins, widestSpan } from "./period-analysis.js";
import * as queries from "./programmes.queries.js";
import type {
  ActionInput,
  ActionPatch,
  AssessmentInput,
  ComparisonQuery,
  EvidenceInput,
  FrameworkInput,
  FrameworkPatch,
  FrameworkQuery,
  GoalInput,
  GoalPatch,
  GoalQuery,
  ItemInput,
  ItemPatch,
  MilestoneInput,
  ObjectiveInput,
  PeriodInput,
  PlanInput,
  PlanPatch,
  PlanQuery,
  ProgrammeInput,
  ProgrammePatch,
  ProgrammeQuery,
  StatementInput,
} from "./programmes.schemas.js";
import * as flows from "./programmes.transitions.js";

const today = () => new Date().toISOString().slice(0, 10);

type WithRelease = ReleasableRecord & Record<string, unknown>;

/** Row columns → API shape: the release columns renamed, everything else as is. */
function withRelease<T extends WithRelease>(row: T) {
  const { releaseNations, releaseOrganisations, ownerNationId, ownerOrganisationId, releasability, ...rest } =
    row;
  return {
    ...rest,
    ...releaseOutput({
      releaseNations,
      releaseOrganisations,
      ownerNationId,
      ownerOrganisationId,
      releasability,
    }),
  };
}

/** The field each unique or exclusion constraint of this capability guards. */
const CONFLICT_FIELDS: Record<string, string> = {
  plan_code_key: "body.code",
  partnership_goal_unique: "body.code",
  plan_period_unique: "body.number",
  annual_programme_no_overlap: "body.firstYear",
  goal_assessment_once_per_cycle: "body.cycleYear",
  programme_item_activity_once: "body.activityId",
  plan_objective_unique: "body.code",
  period_statement_unique: "body.source",
};

/** Maps constraint violations of this capability to errors that name the field. */
const mapConstraint = onConstraint(({ kind, constraint }) => {
  if (kind === "unique" || kind === "exclusion")
    return [CONFLICT_FIELDS[constraint ?? ""] ?? "body", "A record with these values already exists"];
  if (kind === "check") {
    const field = constraint?.includes("agreed")
      ? "body.agreedYear"
      : constraint?.includes("done")
        ? "body.progress"
        : "body";
    return [field, `breaks the rule ${constraint ?? "of the record"}`];
  }
  if (kind === "foreignKey") return ["body", "refers to a record that does not exist"];
  return undefined;
});

async function checkNation(db: Kysely<DB>, nationId: string | null | undefined, field: string) {
  if (!nationId) return;
  const nation = await db.selectFrom("nation").select("id").where("id", "=", nationId).executeTakeFirst();
  if (!nation) throw validation(field, "no such nation");
}

async function checkArea(db: Kysely<DB>, code: string | undefined, field: string) {
  if (code && !(await queries.areaExists(db, code))) throw validation(field, "no such area of cooperation");
}

async function checkKind(db: Kysely<DB>, code: string | undefined, field: string) {
  if (code && !(await queries.planKindExists(db, code)))
    throw validation(field, "no such kind of plan or document");
}

/**
 * A nation's plans, programmes and goals are restricted to the nation and released to the alliance organisation
 * unless the writer names other organisations (an empty list releases to nobody else).
 */
async function allianceRelease(db: Kysely<DB>, given: string[] | undefined): Promise<string[]> {
  if (given) return given;
  const alliance = await db
    .selectFrom("organisation")
    .select("id")
    .where("code", "=", "NATO")
    .executeTakeFirst();
  return alliance ? [alliance.id] : [];
}

function checkDates(from: string | null | undefined, to: string | null | undefined, field: string) {
  if (from && to && to < from) throw validation(field, "must not be before the start");
}

// ------------------------------------------------------------------ plan kinds
export async function listPlanKinds(ctx: Ctx) {
  authorize(ctx.viewer, "programmes.read");
  return queries.listPlanKinds(ctx.db);
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
  const row = await queries.findFramework(ctx.db, ctx.viewer, id);
  if (!row) throw notFound("The framework document");
  return withRelease(row);
}

export async function createFramework(ctx: Ctx, input: FrameworkInput) {
  authorize(ctx.viewer, "programmes.create");
  const {
    releasability,
    releaseNationIds,
    releaseOrganisationIds,
    ownerNationId,
    ownerOrganisationId,
    ...fields
  } = input;
  const release = resolveRelease(
    ctx.viewer,
    { releasability, releaseNationIds, releaseOrganisationIds, ownerNationId, ownerOrganisationId },
    { ownerNationId: input.nationId ?? null, releasability: "restricted" },
  );
  await Promise.all([
    checkNation(ctx.db, input.nationId, "body.nationId"),
    checkKind(ctx.db, input.kind, "body.kind"),
  ]);
  checkDates(input.validFrom, input.validUntil, "body.validUntil");
  if (input.replacesId && !(await queries.findFramework(ctx.db, ctx.viewer, input.replacesId)))
    throw validation("body.replacesId", "no such framework document");
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("frameworkDocument")
        .values({ ...fields, ...release })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "framework.create",
        recordType: "framework_document",
        recordId: row.id,
        after: row,
      });
      return row.id;
    })
    .catch(mapConstraint);
  return getFramework(ctx, id);
}

export async function updateFramework(ctx: Ctx, id: string, patch: FrameworkPatch) {
  authorize(ctx.viewer, "programmes.read");
  const current = await queries.findFramework(ctx.db, ctx.viewer, id);
  if (!current) throw notFound("The framework document");
  authorize(ctx.viewer, "programmes.update", current);
  if (patch.kind) await checkKind(ctx.db, patch.kind, "body.kind");
  if (patch.replacesId === id) throw validation("body.replacesId", "a document cannot replace itself");
  const { releaseNationIds, releaseOrganisationIds, ownerNationId, ownerOrganisationId, ...fields } = patch;
  if (ownerNationId !== undefined || ownerOrganisationId !== undefined) {
    resolveRelease(ctx.viewer, { ownerNationId, ownerOrganisationId }, current, current);
  }
  checkDates(patch.validFrom ?? current.validFrom, patch.validUntil ?? current.validUntil, "body.validUntil");
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("frameworkDocument")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const after = await trx
        .updateTable("frameworkDocument")
        .set({
          ...fields,
          ...(ownerNationId !== undefined ? { ownerNationId } : {}),
          ...(ownerOrganisationId !== undefined ? { ownerOrganisationId } : {}),
          ...(releaseNationIds ? { releaseNations: releaseNationIds } : {}),
          ...(releaseOrganisationIds ? { releaseOrganisations: releaseOrganisationIds } : {}),
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "framework.update",
        recordType: "framework_document",
        recordId: id,
        before,
        after,
      });
    })
    .catch(mapConstraint);
  return getFramework(ctx, id);
}

/** Checks that the viewer may attach a file to the document before the upload is read. */
async function checkFrameworkUpload(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "programmes.read");
  const current = await queries.findFramework(ctx.db, ctx.viewer, id);
  if (!current) throw notFound("The framework document");
  authorize(ctx.viewer, "programmes.update", current);
}

export async function attachFrameworkFile(ctx: Ctx, id: string, source: UploadSource) {
  await checkFrameworkUpload(ctx, id);
  const upload = await source(ctx.config.uploadLimitBytes);
  await ctx.db.transaction().execute(async (trx) => {
    const file = await storeFile(trx, ctx, upload);
    await trx.insertInto("frameworkDocumentFile").values({ documentId: id, fileId: file.id }).execute();
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

// ------------------------------------------------------------------ plans
type PlanRow = NonNullable<Awaited<ReturnType<typeof queries.findPlan>>>;

async function visiblePlan(ctx: Ctx, id: string): Promise<PlanRow> {
  const plan = await queries.findPlan(ctx.db, ctx.viewer, id);
  if (!plan) throw notFound("The plan");
  return plan;
}

function periodOutput(period: Awaited<ReturnType<typeof queries.periodsOf>>[number]) {
  const readings = new Set(period.statements.map((s) => `${s.startsOn}/${s.endsOn ?? ""}`));
  return { ...period, widest: widestSpan(period.statements), discrepancy: readings.size > 1 };
}

export async function listPlans(ctx: Ctx, query: PlanQuery) {
  authorize(ctx.viewer, "programmes.read");
  const page = await queries.listPlans(ctx.db, ctx.viewer, query);
  return paged(query, { total: page.total, items: page.items.map(withRelease) });
}

export async function getPlan(ctx: Ctx, id: string, asOf = today()) {
  authorize(ctx.viewer, "programmes.read");
  const plan = await visiblePlan(ctx, id);
  const [periods, objectives] = await Promise.all([
    queries.periodsOf(ctx.db, [id]),
    queries.objectivesOf(ctx.db, { planId: id }, asOf),
  ]);
  return {
    ...withRelease(plan),
    periods: periods.map(periodOutput),
    discrepancies: discrepancies(periods).map(({ periodId, label }) => ({ periodId, label })),
    joins: joins(periods),
    objectives,
  };
}

export async function createPlan(ctx: Ctx, input: PlanInput) {
  authorize(ctx.viewer, "programmes.create");
  const {
    releasability,
    releaseNationIds,
    releaseOrganisationIds,
    ownerNationId,
    ownerOrganisationId,
    ...fields
  } = input;
  const release = resolveRelease(
    ctx.viewer,
    {
      releasability,
      releaseNationIds,
      releaseOrganisationIds: input.nationId
        ? await allianceRelease(ctx.db, releaseOrganisationIds)
        : releaseOrganisationIds,
      ownerNationId,
      ownerOrganisationId,
    },
    { ownerNationId: input.nationId ?? null, releasability: "restricted" },
  );
  await Promise.all([
    checkNation(ctx.db, input.nationId, "body.nationId"),
    checkKind(ctx.db, input.kind, "body.kind"),
  ]);
  if (input.successorId)
    await visiblePlan(ctx, input.successorId).catch(() => {
      throw validation("body.successorId", "no such plan");
    });
  if (
    input.frameworkDocumentId &&
    !(await queries.findFramework(ctx.db, ctx.viewer, input.frameworkDocumentId))
  )
    throw validation("body.frameworkDocumentId", "no such framework document");
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("plan")
        .values({ ...fields, ...release })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, { action: "plan.create", recordType: "plan", recordId: row.id, after: row });
      return row.id;
    })
    .catch(mapConstraint);
  return getPlan(ctx, id);
}

export async function updatePlan(ctx: Ctx, id: string, patch: PlanPatch) {
  authorize(ctx.viewer, "programmes.read");
  const current = await visiblePlan(ctx, id);
  authorize(ctx.viewer, "programmes.update", current);
  if (patch.kind) await checkKind(ctx.db, patch.kind, "body.kind");
  if (patch.successorId === id) throw validation("body.successorId", "a plan cannot succeed itself");
  if (patch.successorId)
    await visiblePlan(ctx, patch.successorId).catch(() => {
      throw validation("body.successorId", "no such plan");
    });
  await requireVisibleLink(
    ctx.db,
    ctx.viewer,
    "frameworkDocument",
    patch.frameworkDocumentId,
    "body.frameworkDocumentId",
  );
  const { releaseNationIds, releaseOrganisationIds, ownerNationId, ownerOrganisationId, ...fields } = patch;
  if (ownerNationId !== undefined || ownerOrganisationId !== undefined) {
    resolveRelease(ctx.viewer, { ownerNationId, ownerOrganisationId }, current, current);
  }
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("plan")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const after = await trx
        .updateTable("plan")
        .set({
          ...fields,
          ...(ownerNationId !== undefined ? { ownerNationId } : {}),
          ...(ownerOrganisationId !== undefined ? { ownerOrganisationId } : {}),
          ...(releaseNationIds ? { releaseNations: releaseNationIds } : {}),
          ...(releaseOrganisationIds ? { releaseOrganisations: releaseOrganisationIds } : {}),
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, { action: "plan.update", recordType: "plan", recordId: id, before, after });
    })
    .catch(mapConstraint);
  return getPlan(ctx, id);
}

export async function addPeriod(ctx: Ctx, planId: string, input: PeriodInput) {
  authorize(ctx.viewer, "programmes.read");
  const plan = await visiblePlan(ctx, planId);
  authorize(ctx.viewer, "programmes.update", plan);
  const periodId = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("planPeriod")
        .values({ ...input, planId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "plan.period.add",
        recordType: "plan_period",
        recordId: row.id,
        after: row,
      });
      return row.id;
    })
    .catch(mapConstraint);
  return getPeriod(ctx, periodId);
}

async function visiblePeriod(ctx: Ctx, periodId: string) {
  const period = await queries.findPeriod(ctx.db, ctx.viewer, periodId);
  if (!period) throw notFound("The plan period");
  return period;
}

export async function getPeriod(ctx: Ctx, periodId: string, asOf = today()) {
  authorize(ctx.viewer, "programmes.read");
  const period = await visiblePeriod(ctx, periodId);
  const [periods, objectives] = await Promise.all([
    queries.periodsOf(ctx.db, [period.planId]),
    queries.objectivesOf(ctx.db, { periodId }, asOf),
  ]);
  const own = periods.find((p) => p.id === periodId)!;
  const neighbours = joins(periods).filter(
    (j) => j.earlierPeriodId === periodId || j.laterPeriodId === periodId,
  );
  return {
    ...periodOutput(own),
    plan: { id: period.planId, code: period.planCode, title: period.planTitle },
    joins: neighbours,
    objectives,
  };
}

export async function addStatement(ctx: Ctx, periodId: string, input: StatementInput) {
  authorize(ctx.viewer, "programmes.read");
  const period = await visiblePeriod(ctx, periodId);
  authorize(ctx.viewer, "programmes.update", period);
  checkDates(input.startsOn, input.endsOn, "body.endsOn");
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("periodStatement")
        .values({ ...input, periodId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "plan.period.statement.add",
        recordType: "period_statement",
        recordId: row.id,
        after: row,
      });
    })
    .catch(mapConstraint);
  return getPeriod(ctx, periodId);
}

export async function removeStatement(ctx: Ctx, periodId: string, statementId: string) {
  authorize(ctx.viewer, "programmes.read");
  const period = await visiblePeriod(ctx, periodId);
  authorize(ctx.viewer, "programmes.update", period);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("periodStatement")
      .where("id", "=", statementId)
      .where("periodId", "=", periodId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound("The statement");
    await writeAudit(trx, ctx, {
      action: "plan.period.statement.remove",
      recordType: "period_statement",
      recordId: statementId,
      before: row,
    });
  });
}

export async function periodReport(ctx: Ctx, periodId: string, asOf = today()) {
  const period = await getPeriod(ctx, periodId, asOf);
  const figures = await queries.periodFigures(ctx.db, periodId, asOf);
  const rate = (done: number, counted: number) =>
    counted > 0 ? Math.round((done / counted) * 1000) / 1000 : null;
  const areas = figures.areas.map(({ cancelled, averageProgress, ...row }) => ({
    ...row,
    averageProgress: averageProgress ?? 0,
    completionRate: rate(row.done, row.actions - cancelled),
  }));
  const sum = (key: "objectives" | "actions" | "done" | "inProgress" | "late" | "cancelled") =>
    figures.areas.reduce((total, row) => total + row[key], 0);
  const weighted = figures.areas.reduce(
    (acc, row) => {
      const counted = row.actions - row.cancelled;
      return {
        progress: acc.progress + (row.averageProgress ?? 0) * counted,
        counted: acc.counted + counted,
      };
    },
    { progress: 0, counted: 0 },
  );
  return {
    plan: period.plan,
    period: { ...period, planId: period.plan.id },
    asOf,
    areas,
    totals: {
      objectives: sum("objectives"),
      actions: sum("actions"),
      done: sum("done"),
      inProgress: sum("inProgress"),
      late: sum("late"),
      averageProgress: weighted.counted ? Math.round((weighted.progress / weighted.counted) * 10) / 10 : 0,
      completionRate: rate(sum("done"), sum("actions") - sum("cancelled")),
    },
    lateActions: figures.late.map((row) => ({ ...row, dueOn: row.dueOn! })),
  };
}

// ------------------------------------------------------------------ objectives and actions
export async function addObjective(ctx: Ctx, planId: string, input: ObjectiveInput) {
  authorize(ctx.viewer, "programmes.read");
  const plan = await visiblePlan(ctx, planId);
  authorize(ctx.viewer, "programmes.update", plan);
  await checkArea(ctx.db, input.areaCode, "body.areaCode");
  if (input.periodId) {
    const period = await ctx.db
      .selectFrom("planPeriod")
      .select("planId")
      .where("id", "=", input.periodId)
      .executeTakeFirst();
    if (period?.planId !== planId) throw validation("body.periodId", "not a period of this plan");
  }
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("planObjective")
        .values({ ...input, planId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "plan.objective.add",
        recordType: "plan_objective",
        recordId: row.id,
        after: row,
      });
      return row.id;
    })
    .catch(mapConstraint);
  return getObjective(ctx, id);
}

export async function getObjective(ctx: Ctx, id: string, asOf = today()) {
  authorize(ctx.viewer, "programmes.read");
  const owner = await queries.findObjectiveOwner(ctx.db, ctx.viewer, id);
  if (!owner) throw notFound("The objective");
  const [[objective], actions, activities, goals] = await Promise.all([
    queries.objectivesOf(ctx.db, { id }, asOf),
    queries.actionsOf(ctx.db, ctx.viewer, id, asOf),
    queries.itemsOfObjective(ctx.db, ctx.viewer, id),
    queries.goalsOfObjective(ctx.db, ctx.viewer, id),
  ]);
  return {
    ...objective!,
    plan: { id: owner.planId, code: owner.planCode, title: owner.planTitle },
    period: owner.periodId
      ? { id: owner.periodId, label: owner.periodLabel!, number: owner.periodNumber! }
      : null,
    actions: actions.map((a) => withNext(flows.PLAN_ACTION_TRANSITIONS, a)),
    activities: activities.map((item) => ({
      itemId: item.id,
      programmeId: item.programmeId,
      programmeTitle: item.programmeTitle,
      activityId: item.activityId,
      code: item.activity?.code ?? null,
      title: item.title,
      areaCode: item.areaCode,
      planned: item.plannedParticipants,
      attended: item.attended,
      implemented: item.implemented,
    })),
    goals,
  };
}

async function checkOrganisation(ctx: Ctx, id: string | null | undefined) {
  if (!id) return;
  const row = await ctx.db.selectFrom("organisation").select("id").where("id", "=", id).executeTakeFirst();
  if (!row) throw validation("body.responsibleOrganisationId", "no such organisation");
}

function normaliseAction<T extends ActionPatch>(input: T): T {
  if (input.status === "done") return { ...input, progress: 100, completedOn: input.completedOn ?? today() };
  return input;
}

export async function addAction(ctx: Ctx, objectiveId: string, input: ActionInput) {
  authorize(ctx.viewer, "programmes.read");
  const owner = await queries.findObjectiveOwner(ctx.db, ctx.viewer, objectiveId);
  if (!owner) throw notFound("The objective");
  authorize(ctx.viewer, "programmes.update", owner);
  await checkOrganisation(ctx, input.responsibleOrganisationId);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("planAction")
        .values({ ...normaliseAction(input), objectiveId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "plan.action.add",
        recordType: "plan_action",
        recordId: row.id,
        after: row,
      });
    })
    .catch(mapConstraint);
  return getObjective(ctx, objectiveId);
}

export async function updateAction(ctx: Ctx, actionId: string, patch: ActionPatch) {
  authorize(ctx.viewer, "programmes.read");
  const owner = await queries.findActionOwner(ctx.db, ctx.viewer, actionId);
  if (!owner) throw notFound("The action");
  authorize(ctx.viewer, "programmes.update", owner);
  await checkOrganisation(ctx, patch.responsibleOrganisationId);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await lockRow(trx, "planAction", { id: actionId, missing: "The action" });
      assertTransition(flows.PLAN_ACTION_TRANSITIONS, before.status, patch.status);
      const after = await trx
        .updateTable("planAction")
        .set(normaliseAction(patch))
        .where("id", "=", actionId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "plan.action.update",
        recordType: "plan_action",
        recordId: actionId,
        before,
        after,
      });
    })
    .catch(mapConstraint);
  return getObjective(ctx, owner.objectiveId);
}

export async function addEvidence(ctx: Ctx, actionId: string, input: EvidenceInput) {
  authorize(ctx.viewer, "programmes.read");
  const owner = await queries.findActionOwner(ctx.db, ctx.viewer, actionId);
  if (!owner) throw notFound("The action");
  authorize(ctx.viewer, "programmes.update", owner);
  const targets = [input.activityId, input.goalId, input.documentId, input.url].filter(Boolean);
  if (targets.length !== 1)
    throw validation("body", "give exactly one of activityId, goalId, documentId, url");
  if (input.activityId && !(await queries.findVisibleActivity(ctx.db, ctx.viewer, input.activityId)))
    throw validation("body.activityId", "no such activity");
  if (input.goalId && !(await queries.findGoal(ctx.db, ctx.viewer, input.goalId, today())))
    throw validation("body.goalId", "no such partnership goal");
  if (input.documentId && !(await queries.findFramework(ctx.db, ctx.viewer, input.documentId)))
    throw validation("body.documentId", "no such framework document");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("actionEvidence")
      .values({ ...input, actionId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "plan.action.evidence.add",
      recordType: "action_evidence",
      recordId: row.id,
      after: row,
    });
  });
  return getObjective(ctx, owner.objectiveId);
}

// ------------------------------------------------------------------ annual programmes
type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof queries.findProgramme>>>;

async function visibleProgramme(ctx: Ctx, id: string): Promise<ProgrammeRow> {
  const programme = await queries.findProgramme(ctx.db, ctx.viewer, id);
  if (!programme) throw notFound("The annual programme");
  return programme;
}

const itemOutput = ({ programmeId: _p, programmeTitle: _t, year: _y, ...item }: queries.ItemRow) => item;

export async function listProgrammes(ctx: Ctx, query: ProgrammeQuery) {
  authorize(ctx.viewer, "programmes.read");
  const page = await queries.listProgrammes(ctx.db, ctx.viewer, query);
  return paged(query, {
    total: page.total,
    items: page.items.map((row) => withRelease({ ...row, nation: row.nation! })),
  });
}

export async function getProgramme(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "programmes.read");
  const programme = await visibleProgramme(ctx, id);
  const items = await queries.itemsOfProgramme(ctx.db, ctx.viewer, id);
  const out = { ...withRelease({ ...programme, nation: programme.nation! }), items: items.map(itemOutput) };
  return withNext(flows.PROGRAMME_TRANSITIONS, out);
}

export async function createProgramme(ctx: Ctx, input: ProgrammeInput) {
  authorize(ctx.viewer, "programmes.create");
  const { releasability, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  const release = resolveRelease(
    ctx.viewer,
    {
      releasability,
      releaseNationIds,
      releaseOrganisationIds: await allianceRelease(ctx.db, releaseOrganisationIds),
    },
    { ownerNationId: input.nationId, releasability: "restricted" },
  );
  await checkNation(ctx.db, input.nationId, "body.nationId");
  const lastYear = input.lastYear ?? input.firstYear;
  if (lastYear < input.firstYear || lastYear > input.firstYear + 1)
    throw validation("body.lastYear", "a programme covers one year or two consecutive years");
  if (input.planId)
    await visiblePlan(ctx, input.planId).catch(() => {
      throw validation("body.planId", "no such plan");
    });
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("annualProgramme")
        .values({ ...fields, lastYear, ...release })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "programme.create",
        recordType: "annual_programme",
        recordId: row.id,
        after: row,
      });
      return row.id;
    })
    .catch(mapConstraint);
  return getProgramme(ctx, id);
}

export async function updateProgramme(ctx: Ctx, id: string, patch: ProgrammePatch) {
  authorize(ctx.viewer, "programmes.read");
  const current = await visibleProgramme(ctx, id);
  authorize(ctx.viewer, "programmes.update", current);
  await requireVisibleLink(ctx.db, ctx.viewer, "plan", patch.planId, "body.planId");
  const { releaseNationIds, releaseOrganisationIds, ...fields } = patch;
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await lockRow(trx, "annualProgramme", { id, missing: "The annual programme" });
      assertTransition(flows.PROGRAMME_TRANSITIONS, before.status, patch.status);
      const after = await trx
        .updateTable("annualProgramme")
        .set({
          ...fields,
          ...(releaseNationIds ? { releaseNations: releaseNationIds } : {}),
          ...(releaseOrganisationIds ? { releaseOrganisations: releaseOrganisationIds } : {}),
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (before.status !== after.status && (after.status === "submitted" || after.status === "agreed")) {
        const nation = await trx
          .selectFrom("nation")
          .select("code")
          .where("id", "=", after.nationId)
          .executeTakeFirstOrThrow();
        const title = `${nation.code} ${after.firstYear}${after.lastYear !== after.firstYear ? `–${after.lastYear}` : ""}`;
        await notify(trx, {
          // Submitted: the alliance side (administrators) and the nation's other coordinators; agreed: the nation.
          recipients:
            after.status === "submitted"
              ? [{ globalRoles: ["administrator"] }, { nationCoordinators: [after.nationId] }]
              : [{ nationCoordinators: [after.nationId] }],
          kind: after.status === "submitted" ? "programme.submitted" : "programme.agreed",
          record: { type: "annual_programme", id, link: `/programmes/annual/${id}` },
          title,
          params: { title },
          actorUserId: ctx.viewer.userId,
        });
      }
      await writeAudit(trx, ctx, {
        action: "programme.update",
        recordType: "annual_programme",
        recordId: id,
        before,
        after,
      });
    })
    .catch(mapConstraint);
  return getProgramme(ctx, id);
}

async function checkObjectives(ctx: Ctx, objectiveIds: string[] | undefined) {
  for (const objectiveId of objectiveIds ?? []) {
    if (!(await queries.findObjectiveOwner(ctx.db, ctx.viewer, objectiveId)))
      throw validation("body.objectiveIds", `no such objective ${objectiveId}`);
  }
}

export async function addItem(ctx: Ctx, programmeId: string, input: ItemInput) {
  authorize(ctx.viewer, "programmes.read");
  const programme = await visibleProgramme(ctx, programmeId);
  authorize(ctx.viewer, "programmes.update", programme);
  const { objectiveIds, ...fields } = input;
  let areaCode = input.areaCode;
  if (input.activityId) {
    const activity = await queries.findVisibleActivity(ctx.db, ctx.viewer, input.activityId);
    if (!activity) throw validation("body.activityId", "no such activity");
    if (input.ownOutcome || input.ownParticipants != null)
      throw validation("body.ownOutcome", "the outcome of a catalogue activity comes from its nominations");
    areaCode ??= activity.areaCode ?? undefined;
    if (!areaCode) throw validation("body.areaCode", "the activity has no area of cooperation: give one");
  } else {
    if (!input.title) throw validation("body.title", "an item of the nation's own needs a title");
    if (!areaCode)
      throw validation("body.areaCode", "an item of the nation's own needs an area of cooperation");
  }
  await checkArea(ctx.db, areaCode, "body.areaCode");
  checkDates(input.plannedStartsOn, input.plannedEndsOn, "body.plannedEndsOn");
  await checkObjectives(ctx, objectiveIds);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("programmeItem")
        .values({ ...fields, areaCode: areaCode!, programmeId })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (objectiveIds?.length) {
        await trx
          .insertInto("programmeItemObjective")
          .values(objectiveIds.map((objectiveId) => ({ itemId: row.id, objectiveId })))
          .execute();
      }
      await writeAudit(trx, ctx, {
        action: "programme.item.add",
        recordType: "programme_item",
        recordId: row.id,
        after: { ...row, objectiveIds: objectiveIds ?? [] },
      });
    })
    .catch(mapConstraint);
  return getProgramme(ctx, programmeId);
}

export async function updateItem(ctx: Ctx, itemId: string, patch: ItemPatch) {
  authorize(ctx.viewer, "programmes.read");
  const item = await queries.findItemOwner(ctx.db, ctx.viewer, itemId);
  if (!item) throw notFound("The programme item");
  authorize(ctx.viewer, "programmes.update", item);
  if (item.activityId && (patch.ownOutcome || patch.ownParticipants != null))
    throw validation("body.ownOutcome", "the outcome of a catalogue activity comes from its nominations");
  await checkArea(ctx.db, patch.areaCode, "body.areaCode");
  await checkObjectives(ctx, patch.objectiveIds);
  const { objectiveIds, ...fields } = patch;
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("programmeItem")
        .selectAll()
        .where("id", "=", itemId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const after = Object.keys(fields).length
        ? await trx
            .updateTable("programmeItem")
            .set(fields)
            .where("id", "=", itemId)
            .returningAll()
            .executeTakeFirstOrThrow()
        : before;
      if (objectiveIds) {
        await trx.deleteFrom("programmeItemObjective").where("itemId", "=", itemId).execute();
        if (objectiveIds.length)
          await trx
            .insertInto("programmeItemObjective")
            .values(objectiveIds.map((objectiveId) => ({ itemId, objectiveId })))
            .execute();
      }
      await writeAudit(trx, ctx, {
        action: "programme.item.update",
        recordType: "programme_item",
        recordId: itemId,
        before,
        after: { ...after, ...(objectiveIds ? { objectiveIds } : {}) },
      });
    })
    .catch(mapConstraint);
  return getProgramme(ctx, item.programmeId);
}

export async function removeItem(ctx: Ctx, itemId: string) {
  authorize(ctx.viewer, "programmes.read");
  const item = await queries.findItemOwner(ctx.db, ctx.viewer, itemId);
  if (!item) throw notFound("The programme item");
  authorize(ctx.viewer, "programmes.delete", item);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .deleteFrom("programmeItem")
      .where("id", "=", itemId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "programme.item.remove",
      recordType: "programme_item",
      recordId: itemId,
      before,
    });
  });
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

export async function programmeReport(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "programmes.read");
  const programme = await visibleProgramme(ctx, id);
  const [areaRows, items, unplanned] = await Promise.all([
    queries.programmeAreaFigures(ctx.db, ctx.viewer, id),
    queries.itemsOfProgramme(ctx.db, ctx.viewer, id),
    queries.unplannedEventsAttended(ctx.db, programme),
  ]);
  const areas = areaRows.map((row) => ({
    ...row,
    implementationRate: ratio(row.implementedItems, row.plannedItems),
  }));
  const sum = (key: "plannedItems" | "implementedItems" | "plannedParticipants" | "attended" | "completed") =>
    areaRows.reduce((total, row) => total + row[key], 0);
  return {
    programme: {
      id: programme.id,
      title: programme.title,
      planId: programme.planId,
      nation: programme.nation!,
      firstYear: programme.firstYear,
      lastYear: programme.lastYear,
    },
    spanFrom: `${programme.firstYear}-01-01`,
    spanTo: `${programme.lastYear}-12-31`,
    areas,
    totals: {
      plannedItems: sum("plannedItems"),
      implementedItems: sum("implementedItems"),
      plannedParticipants: sum("plannedParticipants"),
      attended: sum("attended"),
      completed: sum("completed"),
      implementationRate: ratio(sum("implementedItems"), sum("plannedItems")),
      unplannedEventsAttended: unplanned,
    },
    items: items.map(itemOutput),
  };
}

export async function compareYears(ctx: Ctx, query: ComparisonQuery) {
  authorize(ctx.viewer, "programmes.read");
  await checkNation(ctx.db, query.nationId, "query.nationId");
  const toYear = query.toYear ?? new Date().getUTCFullYear();
  const fromYear = query.fromYear ?? toYear - 9;
  if (fromYear > toYear) throw validation("query.fromYear", "must not be after toYear");
  if (toYear - fromYear > 60) throw validation("query.fromYear", "at most 60 years at once");
  // A nation's attendance record is its own business: its coordinators, and those who read everything.
  const mayReadNominations =
    readsEverything(ctx.viewer) ||
    coordinatesNation(ctx.viewer, query.nationId) ||
    ctx.viewer.nationIds.includes(query.nationId);
  return queries.yearFigures(ctx.db, ctx.viewer, query.nationId, fromYear, toYear, mayReadNominations);
}

// ------------------------------------------------------------------ goals
type GoalRow = NonNullable<Awaited<ReturnType<typeof queries.findGoal>>>;

function goalOutput(row: GoalRow) {
  return {
    ...withRelease({ ...row, nation: row.nation! }),
    assessmentYear: row.agreedYear ? row.agreedYear + 1 : null,
  };
}

async function visibleGoal(ctx: Ctx, id: string, asOf = today()): Promise<GoalRow> {
  const goal = await queries.findGoal(ctx.db, ctx.viewer, id, asOf);
  if (!goal) throw notFound("The partnership goal");
  return goal;
}

export async function listGoals(ctx: Ctx, query: GoalQuery) {
  authorize(ctx.viewer, "programmes.read");
  const page = await queries.listGoals(ctx.db, ctx.viewer, query, today());
  return paged(query, { total: page.total, items: page.items.map(goalOutput) });
}

export async function countGoals(ctx: Ctx, query: GoalQuery) {
  authorize(ctx.viewer, "programmes.read");
  const { limit: _l, offset: _o, ...filters } = query;
  return queries.goalCounts(ctx.db, ctx.viewer, filters, today());
}

export async function getGoal(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "programmes.read");
  const goal = await visibleGoal(ctx, id);
  const parts = await queries.goalDetailParts(ctx.db, ctx.viewer, id);
  return withNext(flows.GOAL_TRANSITIONS, { ...goalOutput(goal), ...parts });
}

function checkAgreedYear(year: number | null | undefined) {
  if (year != null && year % 2 !== 0) throw validation("body.agreedYear", "goals are agreed in even years");
}

export async function createGoal(ctx: Ctx, input: GoalInput) {
  authorize(ctx.viewer, "programmes.create");
  const { releasability, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  const release = resolveRelease(
    ctx.viewer,
    {
      releasability,
      releaseNationIds,
      releaseOrganisationIds: await allianceRelease(ctx.db, releaseOrganisationIds),
    },
    { ownerNationId: input.nationId, releasability: "restricted" },
  );
  await Promise.all([
    checkNation(ctx.db, input.nationId, "body.nationId"),
    checkArea(ctx.db, input.areaCode, "body.areaCode"),
    requireVisibleLink(ctx.db, ctx.viewer, "plan", input.planId, "body.planId"),
  ]);
  checkAgreedYear(input.agreedYear);
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("partnershipGoal")
        .values({ ...fields, ...release })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("goalStatusChange")
        .values({ goalId: row.id, fromStatus: null, toStatus: row.status, changedBy: ctx.viewer.userId })
        .execute();
      await writeAudit(trx, ctx, {
        action: "goal.create",
        recordType: "partnership_goal",
        recordId: row.id,
        after: row,
      });
      return row.id;
    })
    .catch(mapConstraint);
  return getGoal(ctx, id);
}

export async function updateGoal(ctx: Ctx, id: string, patch: GoalPatch) {
  authorize(ctx.viewer, "programmes.read");
  const current = await visibleGoal(ctx, id);
  authorize(ctx.viewer, "programmes.update", current);
  await checkArea(ctx.db, patch.areaCode, "body.areaCode");
  await requireVisibleLink(ctx.db, ctx.viewer, "plan", patch.planId, "body.planId");
  checkAgreedYear(patch.agreedYear);
  const { releaseNationIds, releaseOrganisationIds, statusNote, ...fields } = patch;
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await lockRow(trx, "partnershipGoal", { id, missing: "The partnership goal" });
      assertTransition(flows.GOAL_TRANSITIONS, before.status, patch.status);
      const changes = {
        ...fields,
        ...(releaseNationIds ? { releaseNations: releaseNationIds } : {}),
        ...(releaseOrganisationIds ? { releaseOrganisations: releaseOrganisationIds } : {}),
      };
      // A status note without a status changes nothing, and writes nothing.
      if (!Object.keys(changes).length) return;
      const after = await trx
        .updateTable("partnershipGoal")
        .set(changes)
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (after.status !== before.status) {
        await trx
          .insertInto("goalStatusChange")
          .values({
            goalId: id,
            fromStatus: before.status,
            toStatus: after.status,
            note: statusNote ?? null,
            changedBy: ctx.viewer.userId,
          })
          .execute();
      }
      await writeAudit(trx, ctx, {
        action: "goal.update",
        recordType: "partnership_goal",
        recordId: id,
        before,
        after,
      });
    })
    .catch(mapConstraint);
  return getGoal(ctx, id);
}

export async function assessGoal(ctx: Ctx, id: string, input: AssessmentInput) {
  authorize(ctx.viewer, "programmes.read");
  const goal = await visibleGoal(ctx, id);
  authorize(ctx.viewer, "goal.assess", goal);
  if (input.cycleYear % 2 !== 1) throw validation("body.cycleYear", "goals are assessed in odd years");
  if (!goal.agreedYear || goal.status === "proposed")
    throw new AppError("INVALID_STATE", "Only an agreed goal can be assessed", [
      { field: "body.cycleYear", message: "the goal has not been agreed" },
    ]);
  if (input.cycleYear <= goal.agreedYear)
    throw validation(
      "body.cycleYear",
      `a goal agreed in ${goal.agreedYear} is assessed from ${goal.agreedYear + 1}`,
    );
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("goalAssessment")
        .values({ ...input, goalId: id, assessedBy: ctx.viewer.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "goal.assess",
        recordType: "goal_assessment",
        recordId: row.id,
        after: row,
      });
    })
    .catch(mapConstraint);
  return getGoal(ctx, id);
}

export async function linkGoalActivity(ctx: Ctx, id: string, activityId: string) {
  authorize(ctx.viewer, "programmes.read");
  const goal = await visibleGoal(ctx, id);
  authorize(ctx.viewer, "programmes.update", goal);
  if (!(await queries.findVisibleActivity(ctx.db, ctx.viewer, activityId)))
    throw validation("body.activityId", "no such activity");
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("goalActivity")
      .values({ goalId: id, activityId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await writeAudit(trx, ctx, {
      action: "goal.activity.link",
      recordType: "partnership_goal",
      recordId: id,
      detail: { activityId },
    });
  });
  return getGoal(ctx, id);
}

// ------------------------------------------------------------------ milestones and timeline
export async function listMilestones(ctx: Ctx, nationId: string) {
  authorize(ctx.viewer, "programmes.read");
  return (await queries.listMilestones(ctx.db, ctx.viewer, nationId)).map(withRelease);
}

export async function createMilestone(ctx: Ctx, input: MilestoneInput) {
  authorize(ctx.viewer, "programmes.create");
  const { releasability, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  const release = resolveRelease(
    ctx.viewer,
    { releasability, releaseNationIds, releaseOrganisationIds },
    { ownerNationId: input.nationId, releasability: "internal" },
  );
  await checkNation(ctx.db, input.nationId, "body.nationId");
  const row = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const created = await trx
        .insertInto("partnershipMilestone")
        .values({ ...fields, ...release })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "milestone.create",
        recordType: "partnership_milestone",
        recordId: created.id,
        after: created,
      });
      return created;
    })
    .catch(mapConstraint);
  const { createdAt: _c, ...rest } = row;
  return withRelease(rest);
}

export async function deleteMilestone(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "programmes.read");
  const milestone = await queries.findMilestone(ctx.db, ctx.viewer, id);
  if (!milestone) throw notFound("The milestone");
  authorize(ctx.viewer, "programmes.delete", milestone);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("partnershipMilestone").where("id", "=", id).execute();
    await writeAudit(trx, ctx, {
      action: "milestone.delete",
      recordType: "partnership_milestone",
      recordId: id,
      before: milestone,
    });
  });
  return { outcome: "deleted" as const };
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
