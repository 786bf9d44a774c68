import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
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

/** Multi-year plans: their periods and dated statements, objectives, actions and evidence, the period report. */
export const plansRoutes: RoutesPlugin = async (app) => {
  const plans = routeTable(app, ["programmes: plans"]);
  // ---------------------------------------------------------------- plans, periods, objectives, actions
  plans.get("/api/plans", { query: PlanQuery, response: ok(Page(PlanSummary)) }, (ctx, { query }) =>
    service.listPlans(ctx, query),
  );
  plans.get(
    "/api/plans/:id",
    "A plan with its periods (each dated by sourced statements), discrepancies, gaps and overlaps",
    { params: IdParams, query: AsOfQuery, response: ok(PlanDetail) },
    (ctx, { params, query }) => service.getPlan(ctx, params.id, query.asOf),
  );
  plans.post("/api/plans", { body: PlanInput, response: created(PlanDetail) }, (ctx, { body }) =>
    service.createPlan(ctx, body),
  );
  plans.patch(
    "/api/plans/:id",
    { params: IdParams, body: PlanPatch, response: ok(PlanDetail) },
    (ctx, { params, body }) => service.updatePlan(ctx, params.id, body),
  );
  plans.post(
    "/api/plans/:id/periods",
    { params: IdParams, body: PeriodInput, response: created(PeriodDetail) },
    (ctx, { params, body }) => service.addPeriod(ctx, params.id, body),
  );
  plans.post(
    "/api/plans/:id/objectives",
    { params: IdParams, body: ObjectiveInput, response: created(ObjectiveDetail) },
    (ctx, { params, body }) => objectives.addObjective(ctx, params.id, body),
  );
  plans.get(
    "/api/plan-periods/:id",
    { params: IdParams, query: AsOfQuery, response: ok(PeriodDetail) },
    (ctx, { params, query }) => service.getPeriod(ctx, params.id, query.asOf),
  );
  const statements = plans.children("/api/plan-periods/:id/statements", "statementId");
  statements.add(
    {
      summary: "Record the dates of a period as one source states them",
      body: StatementInput,
      response: created(PeriodDetail),
    },
    service.addStatement,
  );
  statements.remove({ response: noContent }, service.removeStatement);
  plans.get(
    "/api/plan-periods/:id/report",
    "Implementation report of a plan period: actions by area, done and late",
    { params: IdParams, query: AsOfQuery, response: ok(PeriodReport) },
    (ctx, { params, query }) => service.periodReport(ctx, params.id, query.asOf),
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
  plans.get(
    "/api/plan-objectives/:id",
    { params: IdParams, query: AsOfQuery, response: ok(ObjectiveDetail) },
    (ctx, { params, query }) => objectives.getObjective(ctx, params.id, query.asOf),
  );
  plans.post(
    "/api/plan-objectives/:id/actions",
    { params: IdParams, body: ActionInput, response: created(ObjectiveDetail) },
    (ctx, { params, body }) => objectives.addAction(ctx, params.id, body),
  );
  plans.patch(
    "/api/plan-actions/:id",
    { params: IdParams, body: ActionPatch, response: ok(ObjectiveDetail) },
    (ctx, { params, body }) => objectives.updateAction(ctx, params.id, body),
  );
  plans.post(
    "/api/plan-actions/:id/evidence",
    "Link evidence: an activity, a goal, a framework document or a web address",
    { params: IdParams, body: EvidenceInput, response: created(ObjectiveDetail) },
    (ctx, { params, body }) => objectives.addEvidence(ctx, params.id, body),
  );
};
