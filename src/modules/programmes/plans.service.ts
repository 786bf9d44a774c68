import "./programmes.policy.js";
import { requireVisibleLink } from "../../platform/access/links.js";
import { authorize } from "../../platform/access/policy.js";
import { ownedPatch, withRelease } from "../../platform/access/releasability.js";
import { deleteRecord, updateRecord } from "../../platform/audited-write.js";
import { orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { discrepancies, joins, widestSpan } from "./period-analysis.js";
import {
  allianceRelease,
  checkDates,
  checkKind,
  editable,
  insertProgrammeRecord,
  mapConstraint,
  newDocumentRelease,
  today,
} from "./programmes.common.js";
import * as queries from "./programmes.queries.js";
import type { PeriodInput, PlanInput, PlanPatch, PlanQuery, StatementInput } from "./programmes.schemas.js";

// ------------------------------------------------------------------ plans
type PlanRow = NonNullable<Awaited<ReturnType<typeof queries.findPlan>>>;

export async function visiblePlan(ctx: Ctx, id: string): Promise<PlanRow> {
  return orNotFound(await queries.findPlan(ctx.db, ctx.viewer, id), "The plan");
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

/** A plan's successor is a plan the writer can see; any other id is refused as unknown. */
async function checkSuccessor(ctx: Ctx, successorId: string | null | undefined) {
  if (successorId)
    await visiblePlan(ctx, successorId).catch(() => {
      throw validation("body.successorId", "no such plan");
    });
}

export async function createPlan(ctx: Ctx, input: PlanInput) {
  authorize(ctx.viewer, "programmes.create");
  const { fields, release } = await newDocumentRelease(
    ctx.viewer,
    ctx.db,
    input,
    input.nationId
      ? await allianceRelease(ctx.db, input.releaseOrganisationIds)
      : input.releaseOrganisationIds,
  );
  await checkSuccessor(ctx, input.successorId);
  if (
    input.frameworkDocumentId &&
    !(await queries.findFramework(ctx.db, ctx.viewer, input.frameworkDocumentId))
  )
    throw validation("body.frameworkDocumentId", "no such framework document");
  const { id } = await insertProgrammeRecord(ctx, "plan", { ...fields, ...release }, "plan.create");
  return getPlan(ctx, id);
}

export async function updatePlan(ctx: Ctx, id: string, patch: PlanPatch) {
  const current = await editable(ctx, () => visiblePlan(ctx, id));
  if (patch.kind) await checkKind(ctx.db, patch.kind, "body.kind");
  if (patch.successorId === id) throw validation("body.successorId", "a plan cannot succeed itself");
  await checkSuccessor(ctx, patch.successorId);
  await requireVisibleLink(
    ctx.db,
    ctx.viewer,
    "frameworkDocument",
    patch.frameworkDocumentId,
    "body.frameworkDocumentId",
  );
  const columns = ownedPatch(ctx.viewer, patch, current);
  await updateRecord(ctx, "plan", { id, missing: "The plan" }, columns, { action: "plan.update" }).catch(
    mapConstraint,
  );
  return getPlan(ctx, id);
}

export async function addPeriod(ctx: Ctx, planId: string, input: PeriodInput) {
  await editable(ctx, () => visiblePlan(ctx, planId));
  const { id: periodId } = await insertProgrammeRecord(
    ctx,
    "planPeriod",
    { ...input, planId },
    "plan.period.add",
  );
  return getPeriod(ctx, periodId);
}

async function visiblePeriod(ctx: Ctx, periodId: string) {
  return orNotFound(await queries.findPeriod(ctx.db, ctx.viewer, periodId), "The plan period");
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
  await editable(ctx, () => visiblePeriod(ctx, periodId));
  checkDates(input.startsOn, input.endsOn, "body.endsOn");
  await insertProgrammeRecord(ctx, "periodStatement", { ...input, periodId }, "plan.period.statement.add");
  return getPeriod(ctx, periodId);
}

export async function removeStatement(ctx: Ctx, periodId: string, statementId: string) {
  await editable(ctx, () => visiblePeriod(ctx, periodId));
  await deleteRecord(
    ctx,
    "periodStatement",
    { id: statementId, scope: { periodId }, missing: "The statement" },
    { action: "plan.period.statement.remove" },
  );
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
