import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import {
  ChildParams,
  created,
  errorResponses,
  IdParams,
  ok,
  Page,
  Uuid,
} from "../../platform/http/schemas.js";
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
  const plans = ["programmes: plans"];
  // ---------------------------------------------------------------- plans, periods, objectives, actions
  app.get(
    "/api/plans",
    { schema: { tags: plans, querystring: PlanQuery, response: ok(Page(PlanSummary)) } },
    async (request) => service.listPlans(ctxOf(request), request.query),
  );
  app.get(
    "/api/plans/:id",
    {
      schema: {
        tags: plans,
        summary:
          "A plan with its periods (each dated by sourced statements), discrepancies, gaps and overlaps",
        params: IdParams,
        querystring: AsOfQuery,
        response: ok(PlanDetail),
      },
    },
    async (request) => service.getPlan(ctxOf(request), request.params.id, request.query.asOf),
  );
  app.post(
    "/api/plans",
    { schema: { tags: plans, body: PlanInput, response: created(PlanDetail) } },
    async (request, reply) => reply.status(201).send(await service.createPlan(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/plans/:id",
    { schema: { tags: plans, params: IdParams, body: PlanPatch, response: ok(PlanDetail) } },
    async (request) => service.updatePlan(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/plans/:id/periods",
    { schema: { tags: plans, params: IdParams, body: PeriodInput, response: created(PeriodDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.addPeriod(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/plans/:id/objectives",
    { schema: { tags: plans, params: IdParams, body: ObjectiveInput, response: created(ObjectiveDetail) } },
    async (request, reply) =>
      reply.status(201).send(await objectives.addObjective(ctxOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/plan-periods/:id",
    { schema: { tags: plans, params: IdParams, querystring: AsOfQuery, response: ok(PeriodDetail) } },
    async (request) => service.getPeriod(ctxOf(request), request.params.id, request.query.asOf),
  );
  app.post(
    "/api/plan-periods/:id/statements",
    {
      schema: {
        tags: plans,
        summary: "Record the dates of a period as one source states them",
        params: IdParams,
        body: StatementInput,
        response: created(PeriodDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addStatement(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/plan-periods/:id/statements/:statementId",
    {
      schema: {
        tags: plans,
        params: ChildParams("statementId"),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; statementId: string };
      await service.removeStatement(ctxOf(request), params.id, params.statementId);
      return reply.status(204).send();
    },
  );
  app.get(
    "/api/plan-periods/:id/report",
    {
      schema: {
        tags: plans,
        summary: "Implementation report of a plan period: actions by area, done and late",
        params: IdParams,
        querystring: AsOfQuery,
        response: ok(PeriodReport),
      },
    },
    async (request) => service.periodReport(ctxOf(request), request.params.id, request.query.asOf),
  );
  app.get(
    "/api/plan-periods/:id/report/export",
    { schema: { tags: plans, params: IdParams, querystring: ExportFormatQuery, response: ok(Binary) } },
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
  app.get(
    "/api/plan-objectives/:id",
    { schema: { tags: plans, params: IdParams, querystring: AsOfQuery, response: ok(ObjectiveDetail) } },
    async (request) => objectives.getObjective(ctxOf(request), request.params.id, request.query.asOf),
  );
  app.post(
    "/api/plan-objectives/:id/actions",
    { schema: { tags: plans, params: IdParams, body: ActionInput, response: created(ObjectiveDetail) } },
    async (request, reply) =>
      reply.status(201).send(await objectives.addAction(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/plan-actions/:id",
    { schema: { tags: plans, params: IdParams, body: ActionPatch, response: ok(ObjectiveDetail) } },
    async (request) => objectives.updateAction(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/plan-actions/:id/evidence",
    {
      schema: {
        tags: plans,
        summary: "Link evidence: an activity, a goal, a framework document or a web address",
        params: IdParams,
        body: EvidenceInput,
        response: created(ObjectiveDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await objectives.addEvidence(ctxOf(request), request.params.id, request.body)),
  );
};
