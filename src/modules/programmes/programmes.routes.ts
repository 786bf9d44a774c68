import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import { sendFile, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses, IdParams, IsoDate, Page, StringEnum, Uuid } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { periodReportDocument, programmeReportDocument } from "./programmes.reports.js";
import {
  ActionInput,
  ActionPatch,
  AssessmentInput,
  ComparisonQuery,
  Deleted,
  EvidenceInput,
  FrameworkDocument,
  FrameworkInput,
  FrameworkPatch,
  FrameworkQuery,
  GoalActivityInput,
  GoalCounts,
  GoalDetail,
  GoalInput,
  GoalOut,
  GoalPatch,
  GoalQuery,
  ItemInput,
  ItemPatch,
  MilestoneInput,
  MilestoneOut,
  ObjectiveDetail,
  ObjectiveInput,
  ObjectiveSummary,
  PeriodInput,
  PeriodJoinOut,
  PeriodOut,
  PeriodReport,
  PlanDetail,
  PlanInput,
  PlanKind,
  PlanPatch,
  PlanQuery,
  PlanSummary,
  ProgrammeDetail,
  ProgrammeInput,
  ProgrammePatch,
  ProgrammeQuery,
  ProgrammeReport,
  ProgrammeSummary,
  StatementInput,
  YearFigure,
} from "./programmes.schemas.js";
import * as service from "./programmes.service.js";
import { CONTENT_TYPES, type ReportDocument, toCsv, toPdf, toXlsx } from "./report-export.js";

const ChildParams = (name: string) =>
  Type.Object({ id: Uuid, [name]: Uuid }, { additionalProperties: false });
const AsOfQuery = Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false });
const ExportFormatQuery = Type.Object(
  {
    format: StringEnum(["csv", "xlsx", "pdf"]),
    asOf: Type.Optional(IsoDate),
    language: Type.Optional(StringEnum(["en", "az", "ru"])),
  },
  { additionalProperties: false },
);
const Binary = Type.String({ description: "The report file (CSV, XLSX or PDF)" });
const NationQuery = Type.Object({ nationId: Uuid }, { additionalProperties: false });

const PeriodDetail = Type.Object({
  ...PeriodOut.properties,
  plan: Type.Object({ id: Uuid, code: Type.String(), title: Type.String() }),
  joins: Type.Array(PeriodJoinOut),
  objectives: Type.Array(ObjectiveSummary),
});

async function sendReport(
  reply: FastifyReply,
  report: ReportDocument,
  format: "csv" | "xlsx" | "pdf",
  name: string,
) {
  const body =
    format === "csv"
      ? Buffer.from(toCsv(report.tables[0]!), "utf8")
      : format === "xlsx"
        ? await toXlsx(report)
        : await toPdf(report);
  const filename = `${name.replace(/[^A-Za-z0-9_.-]+/g, "-")}.${format}`;
  return reply
    .header("content-type", CONTENT_TYPES[format])
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(body);
}

export const programmesRoutes: RoutesPlugin = async (app) => {
  const frameworks = ["programmes: frameworks"];
  const plans = ["programmes: plans"];
  const programmes = ["programmes: annual programmes"];
  const goals = ["programmes: partnership goals"];
  const timeline = ["programmes: timeline"];

  app.get(
    "/api/plan-kinds",
    { schema: { tags: plans, response: { 200: Type.Array(PlanKind), ...errorResponses } } },
    async (request) => service.listPlanKinds(ctxOf(request)),
  );

  // ---------------------------------------------------------------- framework documents
  app.get(
    "/api/frameworks",
    {
      schema: {
        tags: frameworks,
        querystring: FrameworkQuery,
        response: { 200: Page(FrameworkDocument), ...errorResponses },
      },
    },
    async (request) => service.listFrameworks(ctxOf(request), request.query),
  );
  app.get(
    "/api/frameworks/:id",
    {
      schema: { tags: frameworks, params: IdParams, response: { 200: FrameworkDocument, ...errorResponses } },
    },
    async (request) => service.getFramework(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/frameworks",
    {
      schema: {
        tags: frameworks,
        body: FrameworkInput,
        response: { 201: FrameworkDocument, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createFramework(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/frameworks/:id",
    {
      schema: {
        tags: frameworks,
        params: IdParams,
        body: FrameworkPatch,
        response: { 200: FrameworkDocument, ...errorResponses },
      },
    },
    async (request) => service.updateFramework(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/frameworks/:id/files",
    {
      schema: {
        tags: frameworks,
        summary:
          "Attach a file (multipart/form-data, one part named file): PDF, image, office document or text",
        params: IdParams,
        response: { 201: FrameworkDocument, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return reply
        .status(201)
        .send(await service.attachFrameworkFile(ctx, request.params.id, uploadFrom(request)));
    },
  );
  app.get(
    "/api/frameworks/:id/files/:fileId",
    {
      schema: {
        tags: frameworks,
        params: ChildParams("fileId"),
        response: { 200: Binary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; fileId: string };
      const ctx = ctxOf(request);
      return sendFile(reply, await service.frameworkFile(ctx, params.id, params.fileId));
    },
  );

  // ---------------------------------------------------------------- plans, periods, objectives, actions
  app.get(
    "/api/plans",
    {
      schema: {
        tags: plans,
        querystring: PlanQuery,
        response: { 200: Page(PlanSummary), ...errorResponses },
      },
    },
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
        response: { 200: PlanDetail, ...errorResponses },
      },
    },
    async (request) => service.getPlan(ctxOf(request), request.params.id, request.query.asOf),
  );
  app.post(
    "/api/plans",
    { schema: { tags: plans, body: PlanInput, response: { 201: PlanDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createPlan(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/plans/:id",
    {
      schema: {
        tags: plans,
        params: IdParams,
        body: PlanPatch,
        response: { 200: PlanDetail, ...errorResponses },
      },
    },
    async (request) => service.updatePlan(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/plans/:id/periods",
    {
      schema: {
        tags: plans,
        params: IdParams,
        body: PeriodInput,
        response: { 201: PeriodDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addPeriod(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/plans/:id/objectives",
    {
      schema: {
        tags: plans,
        params: IdParams,
        body: ObjectiveInput,
        response: { 201: ObjectiveDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addObjective(ctxOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/plan-periods/:id",
    {
      schema: {
        tags: plans,
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: PeriodDetail, ...errorResponses },
      },
    },
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
        response: { 201: PeriodDetail, ...errorResponses },
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
        response: { 200: PeriodReport, ...errorResponses },
      },
    },
    async (request) => service.periodReport(ctxOf(request), request.params.id, request.query.asOf),
  );
  app.get(
    "/api/plan-periods/:id/report/export",
    {
      schema: {
        tags: plans,
        params: IdParams,
        querystring: ExportFormatQuery,
        response: { 200: Binary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await service.periodReport(ctxOf(request), request.params.id, request.query.asOf);
      const language = request.query.language ?? "en";
      return sendReport(
        reply,
        periodReportDocument(report, language, await service.areaNames(ctxOf(request), language)),
        request.query.format,
        `${report.plan.code}-${report.period.label}-report`,
      );
    },
  );
  app.get(
    "/api/plan-objectives/:id",
    {
      schema: {
        tags: plans,
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: ObjectiveDetail, ...errorResponses },
      },
    },
    async (request) => service.getObjective(ctxOf(request), request.params.id, request.query.asOf),
  );
  app.post(
    "/api/plan-objectives/:id/actions",
    {
      schema: {
        tags: plans,
        params: IdParams,
        body: ActionInput,
        response: { 201: ObjectiveDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addAction(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/plan-actions/:id",
    {
      schema: {
        tags: plans,
        params: IdParams,
        body: ActionPatch,
        response: { 200: ObjectiveDetail, ...errorResponses },
      },
    },
    async (request) => service.updateAction(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/plan-actions/:id/evidence",
    {
      schema: {
        tags: plans,
        summary: "Link evidence: an activity, a goal, a framework document or a web address",
        params: IdParams,
        body: EvidenceInput,
        response: { 201: ObjectiveDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addEvidence(ctxOf(request), request.params.id, request.body)),
  );

  // ---------------------------------------------------------------- annual programmes
  app.get(
    "/api/annual-programmes",
    {
      schema: {
        tags: programmes,
        querystring: ProgrammeQuery,
        response: { 200: Page(ProgrammeSummary), ...errorResponses },
      },
    },
    async (request) => service.listProgrammes(ctxOf(request), request.query),
  );
  app.get(
    "/api/annual-programmes/comparison",
    {
      schema: {
        tags: programmes,
        summary:
          "Year by year: planned and implemented items, events attended, and figures recorded from sources",
        querystring: ComparisonQuery,
        response: { 200: Type.Array(YearFigure), ...errorResponses },
      },
    },
    async (request) => service.compareYears(ctxOf(request), request.query),
  );
  app.get(
    "/api/annual-programmes/:id",
    { schema: { tags: programmes, params: IdParams, response: { 200: ProgrammeDetail, ...errorResponses } } },
    async (request) => service.getProgramme(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/annual-programmes",
    {
      schema: {
        tags: programmes,
        body: ProgrammeInput,
        response: { 201: ProgrammeDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createProgramme(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/annual-programmes/:id",
    {
      schema: {
        tags: programmes,
        params: IdParams,
        body: ProgrammePatch,
        response: { 200: ProgrammeDetail, ...errorResponses },
      },
    },
    async (request) => service.updateProgramme(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/annual-programmes/:id/items",
    {
      schema: {
        tags: programmes,
        summary: "Add an activity of the catalogue (activityId) or one of the nation's own (title, areaCode)",
        params: IdParams,
        body: ItemInput,
        response: { 201: ProgrammeDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addItem(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/programme-items/:id",
    {
      schema: {
        tags: programmes,
        params: IdParams,
        body: ItemPatch,
        response: { 200: ProgrammeDetail, ...errorResponses },
      },
    },
    async (request) => service.updateItem(ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    "/api/programme-items/:id",
    { schema: { tags: programmes, params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await service.removeItem(ctxOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    "/api/annual-programmes/:id/report",
    {
      schema: {
        tags: programmes,
        summary: "Plan vs actual (from nominations and attendance) and implementation rate by area",
        params: IdParams,
        response: { 200: ProgrammeReport, ...errorResponses },
      },
    },
    async (request) => service.programmeReport(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/annual-programmes/:id/report/export",
    {
      schema: {
        tags: programmes,
        params: IdParams,
        querystring: ExportFormatQuery,
        response: { 200: Binary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const report = await service.programmeReport(ctxOf(request), request.params.id);
      const language = request.query.language ?? "en";
      return sendReport(
        reply,
        programmeReportDocument(report, language, await service.areaNames(ctxOf(request), language)),
        request.query.format,
        `${report.programme.nation.code}-programme-${report.programme.firstYear}`,
      );
    },
  );

  // ---------------------------------------------------------------- goals
  app.get(
    "/api/partnership-goals",
    { schema: { tags: goals, querystring: GoalQuery, response: { 200: Page(GoalOut), ...errorResponses } } },
    async (request) => service.listGoals(ctxOf(request), request.query),
  );
  app.get(
    "/api/partnership-goals/counts",
    { schema: { tags: goals, querystring: GoalQuery, response: { 200: GoalCounts, ...errorResponses } } },
    async (request) => service.countGoals(ctxOf(request), request.query),
  );
  app.get(
    "/api/partnership-goals/:id",
    { schema: { tags: goals, params: IdParams, response: { 200: GoalDetail, ...errorResponses } } },
    async (request) => service.getGoal(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/partnership-goals",
    { schema: { tags: goals, body: GoalInput, response: { 201: GoalDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createGoal(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/partnership-goals/:id",
    {
      schema: {
        tags: goals,
        params: IdParams,
        body: GoalPatch,
        response: { 200: GoalDetail, ...errorResponses },
      },
    },
    async (request) => service.updateGoal(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/partnership-goals/:id/assessments",
    {
      schema: {
        tags: goals,
        summary: "Assess a goal in an odd year of the review cycle",
        params: IdParams,
        body: AssessmentInput,
        response: { 201: GoalDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.assessGoal(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/partnership-goals/:id/activities",
    {
      schema: {
        tags: goals,
        params: IdParams,
        body: GoalActivityInput,
        response: { 201: GoalDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.linkGoalActivity(ctxOf(request), request.params.id, request.body.activityId)),
  );

  // ---------------------------------------------------------------- milestones and timeline
  app.get(
    "/api/partnership-milestones",
    {
      schema: {
        tags: timeline,
        querystring: NationQuery,
        response: { 200: Type.Array(MilestoneOut), ...errorResponses },
      },
    },
    async (request) => service.listMilestones(ctxOf(request), request.query.nationId),
  );
  app.post(
    "/api/partnership-milestones",
    { schema: { tags: timeline, body: MilestoneInput, response: { 201: MilestoneOut, ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send(await service.createMilestone(ctxOf(request), request.body)),
  );
  app.delete(
    "/api/partnership-milestones/:id",
    { schema: { tags: timeline, params: IdParams, response: { 200: Deleted, ...errorResponses } } },
    async (request) => service.deleteMilestone(ctxOf(request), request.params.id),
  );
};
