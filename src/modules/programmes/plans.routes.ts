import { type Static, Type } from "typebox";
import { type Ctx, ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, noContent, ok, Page, Uuid } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { areaNames } from "./frameworks.service.js";
import * as objectives from "./objectives.service.js";
import * as service from "./plans.service.js";
import { AsOfQuery, Binary, ExportFormatQuery, sendReport } from "./programmes.http.js";
import { periodReportDocument } from "./programmes.reports.js";
import {
  ActionInput,
  ActionPatch,
  EvidenceInput,
  ObjectiveDetail,
  ObjectiveInput,
  ObjectiveSummary,
  PeriodInput,
  PeriodJoinOut,
  PeriodOut,
  PeriodReport,
  PlanDetail,
  PlanInput,
  PlanPatch,
  PlanQuery,
  PlanSummary,
  StatementInput,
} from "./programmes.schemas.js";

const PeriodDetail = Type.Object({
  ...PeriodOut.properties,
  plan: Type.Object({ id: Uuid, code: Type.String(), title: Type.String() }),
  joins: Type.Array(PeriodJoinOut),
  objectives: Type.Array(ObjectiveSummary),
});

/** A record as it stood on a date: the route takes the date as `?asOf=`, the service function as its argument. */
const asOf =
  <T>(read: (ctx: Ctx, id: string, asOf?: string) => T) =>
  (ctx: Ctx, id: string, query: Static<typeof AsOfQuery>) =>
    read(ctx, id, query.asOf);

/** Multi-year plans: their periods and dated statements, objectives, actions and evidence, the period report. */
export const plansRoutes: RoutesPlugin = async (app) => {
  const plans = routeTable(app, ["programmes: plans"]);
  // ---------------------------------------------------------------- plans, periods, objectives, actions
  const plan = plans.records("/api/plans");
  plan.list({ query: PlanQuery, response: ok(Page(PlanSummary)) }, service.listPlans);
  plan.get(
    "A plan with its periods (each dated by sourced statements), discrepancies, gaps and overlaps",
    { query: AsOfQuery, response: ok(PlanDetail) },
    asOf(service.getPlan),
  );
  plan.create({ body: PlanInput, response: created(PlanDetail) }, service.createPlan);
  plan.update({ body: PlanPatch, response: ok(PlanDetail) }, service.updatePlan);
  plan.post("periods", { body: PeriodInput, response: created(PeriodDetail) }, service.addPeriod);
  plan.post(
    "objectives",
    { body: ObjectiveInput, response: created(ObjectiveDetail) },
    objectives.addObjective,
  );
  const period = plans.records("/api/plan-periods");
  period.get({ query: AsOfQuery, response: ok(PeriodDetail) }, asOf(service.getPeriod));
  const statements = plans.children("/api/plan-periods/:id/statements", "statementId");
  statements.add(
    "Record the dates of a period as one source states them",
    { body: StatementInput, response: created(PeriodDetail) },
    service.addStatement,
  );
  statements.remove({ response: noContent }, service.removeStatement);
  period.read(
    "report",
    {
      summary: "Implementation report of a plan period: actions by area, done and late",
      query: AsOfQuery,
      response: ok(PeriodReport),
    },
    asOf(service.periodReport),
  );
  app.get(
    "/api/plan-periods/:id/report/export",
    { schema: { tags: plans.tags, params: IdParams, querystring: ExportFormatQuery, response: ok(Binary) } },
    async (request, reply) => {
      const report = await service.periodReport(ctxOf(request), request.params.id, request.query.asOf);
      const language = request.query.language ?? "en";
      return sendReport(
        reply,
        periodReportDocument(report, language, await areaNames(ctxOf(request), language)),
        request.query.format,
        `${report.plan.code}-${report.period.label}-report`,
      );
    },
  );
  const objective = plans.records("/api/plan-objectives");
  objective.get({ query: AsOfQuery, response: ok(ObjectiveDetail) }, asOf(objectives.getObjective));
  objective.post("actions", { body: ActionInput, response: created(ObjectiveDetail) }, objectives.addAction);
  const action = plans.records("/api/plan-actions");
  action.update({ body: ActionPatch, response: ok(ObjectiveDetail) }, objectives.updateAction);
  action.post(
    "evidence",
    {
      summary: "Link evidence: an activity, a goal, a framework document or a web address",
      body: EvidenceInput,
      response: created(ObjectiveDetail),
    },
    objectives.addEvidence,
  );
};
