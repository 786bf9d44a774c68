import { Type } from "typebox";
import { uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import {
  ChildParams,
  created,
  errorResponses,
  IdParams,
  ok,
  Page,
  PageQuery,
} from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as answers from "./answers.service.js";
import {
  ActionInput,
  ActionPatch,
  Answer,
  AnswerInput,
  AnswerParams,
  ChecklistInput,
  ChecklistQuery,
  ChecklistTemplate,
  ChecklistVersion,
  CriterionPatch,
  DeclarationInput,
  EligibleEvaluator,
  EvaluationChecklist,
  EvaluationDetail,
  EvaluationInput,
  EvaluationListItem,
  EvaluationPatch,
  EvaluationQuery,
  Finding,
  FindingInput,
  FollowUpAction,
  ReportInput,
  Results,
  StaleAnswer,
  TeamInput,
  Unit,
  UnitProfileInput,
  UnitQuery,
  VersionInput,
} from "./readiness.schemas.js";
import * as service from "./readiness.service.js";
import { readinessReportsRoutes } from "./reports.routes.js";
import { exportResults, ResultsExportQuery } from "./results-export.js";

const ListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const readinessRoutes: RoutesPlugin = async (app) => {
  await readinessReportsRoutes(app, {});
  // ---------------------------------------------------------------- units
  const units = ["readiness: units"];
  app.get(
    "/api/readiness/units",
    {
      schema: {
        tags: units,
        summary:
          "Units (directory organisations of kind unit) with their profile and force pool declarations",
        querystring: UnitQuery,
        response: ok(Page(Unit)),
      },
    },
    async (request) => service.listUnits(ctxOf(request), request.query),
  );
  app.get(
    "/api/readiness/units/:id",
    { schema: { tags: units, params: IdParams, response: ok(Unit) } },
    async (request) => service.getUnit(ctxOf(request), request.params.id),
  );
  app.put(
    "/api/readiness/units/:id/profile",
    {
      schema: {
        tags: units,
        summary: "Set the unit's type, size, echelon and whether it is a headquarters",
        params: IdParams,
        body: UnitProfileInput,
        response: ok(Unit),
      },
    },
    async (request) => service.setUnitProfile(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/readiness/units/:id/declarations",
    {
      schema: {
        tags: units,
        summary: "Declare the unit to a force pool for a period (no overlap with the same pool)",
        params: IdParams,
        body: DeclarationInput,
        response: created(Unit),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addDeclaration(ctxOf(request), request.params.id, request.body)),
  );

  // ---------------------------------------------------------------- checklists
  const checklists = ["readiness: checklists"];
  app.get(
    "/api/readiness/checklists",
    { schema: { tags: checklists, querystring: ChecklistQuery, response: ok(Page(ChecklistTemplate)) } },
    async (request) => service.listChecklists(ctxOf(request), request.query),
  );
  app.get(
    "/api/readiness/checklists/:id",
    { schema: { tags: checklists, params: IdParams, response: ok(ChecklistTemplate) } },
    async (request) => service.getChecklist(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/readiness/checklists",
    {
      schema: {
        tags: checklists,
        summary: "Create a checklist template, optionally with its first version",
        body: ChecklistInput,
        response: created(ChecklistTemplate),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createChecklist(ctxOf(request), request.body)),
  );
  app.post(
    "/api/readiness/checklists/:id/versions",
    {
      schema: {
        tags: checklists,
        summary: "Add the next version of a template",
        params: IdParams,
        body: VersionInput,
        response: created(ChecklistVersion),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addVersion(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/readiness/checklists/:id/import",
    {
      schema: {
        tags: checklists,
        summary:
          "Import the next version from a CSV or XLSX file (multipart/form-data, field file; columns: area, criterion code, criterion text, guidance, critical)",
        params: IdParams,
        response: created(ChecklistVersion),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.importVersion(ctxOf(request), uploadFrom(request), request.params.id)),
  );
  app.get(
    "/api/readiness/checklist-versions/:id",
    { schema: { tags: checklists, params: IdParams, response: ok(ChecklistVersion) } },
    async (request) => service.getVersion(ctxOf(request), request.params.id),
  );
  app.patch(
    "/api/readiness/checklist-criteria/:id",
    {
      schema: {
        tags: checklists,
        summary: "Correct a criterion; refused once an evaluation uses its version",
        params: IdParams,
        body: CriterionPatch,
        response: ok(ChecklistVersion),
      },
    },
    async (request) => service.updateCriterion(ctxOf(request), request.params.id, request.body),
  );

  // ---------------------------------------------------------------- evaluations
  const evaluations = ["readiness: evaluations"];
  app.get(
    "/api/readiness/evaluations",
    {
      schema: {
        tags: evaluations,
        summary: "Evaluations the caller may see (a nation its units'; evaluators their own teams')",
        querystring: EvaluationQuery,
        response: ok(Page(EvaluationListItem)),
      },
    },
    async (request) => service.listEvaluations(ctxOf(request), request.query),
  );
  app.get(
    "/api/readiness/evaluations/:id",
    { schema: { tags: evaluations, params: IdParams, response: ok(EvaluationDetail) } },
    async (request) => service.getEvaluation(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/readiness/evaluations",
    {
      schema: {
        tags: evaluations,
        summary: "Plan an evaluation (or a re-evaluation, with previousEvaluationId)",
        body: EvaluationInput,
        response: created(EvaluationDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createEvaluation(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/readiness/evaluations/:id",
    {
      schema: { tags: evaluations, params: IdParams, body: EvaluationPatch, response: ok(EvaluationDetail) },
    },
    async (request) => service.updateEvaluation(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/readiness/evaluations/:id/eligible-evaluators",
    {
      schema: {
        tags: evaluations,
        summary: "Certified evaluators who satisfy the team rules for this evaluation",
        params: IdParams,
        querystring: ListQuery,
        response: ok(Page(EligibleEvaluator)),
      },
    },
    async (request) => service.eligibleEvaluators(ctxOf(request), request.params.id, request.query),
  );
  app.post(
    "/api/readiness/evaluations/:id/team",
    {
      schema: {
        tags: evaluations,
        summary: "Assign an evaluator; refused with 409 naming the team rule it breaks",
        params: IdParams,
        body: TeamInput,
        response: created(EvaluationDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addTeamMember(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/readiness/evaluations/:id/team/:memberId",
    { schema: { tags: evaluations, params: ChildParams("memberId"), response: ok(EvaluationDetail) } },
    async (request) => {
      const params = request.params as { id: string; memberId: string };
      return service.removeTeamMember(ctxOf(request), params.id, params.memberId);
    },
  );
  app.get(
    "/api/readiness/evaluations/:id/checklist",
    {
      schema: {
        tags: evaluations,
        summary: "The agreed criteria by area, with their answers and versions",
        params: IdParams,
        response: ok(EvaluationChecklist),
      },
    },
    async (request) => answers.getEvaluationChecklist(ctxOf(request), request.params.id),
  );
  app.patch(
    "/api/readiness/evaluations/:id/answers/:criterionId",
    {
      schema: {
        tags: evaluations,
        summary:
          "Answer one criterion; a write over a newer version is refused with 409 and the current answer",
        params: AnswerParams,
        body: AnswerInput,
        response: { 200: Answer, ...errorResponses, 409: StaleAnswer },
      },
    },
    async (request, reply) => {
      const result = await answers.answerCriterion(
        ctxOf(request),
        request.params.id,
        request.params.criterionId,
        request.body,
      );
      if (!result.stale) return result.answer;
      const message = `Another evaluator changed this answer (now version ${result.current.version}); review it and try again`;
      return reply.status(409).send({
        code: "CONFLICT",
        message,
        fields: [{ field: "body.version", message: "is stale" }],
        requestId: request.id,
        current: result.current,
      });
    },
  );
  app.get(
    "/api/readiness/evaluations/:id/results",
    {
      schema: {
        tags: evaluations,
        summary: "Area and overall results, outcome, findings and follow-up actions",
        params: IdParams,
        response: ok(Results),
      },
    },
    async (request) => service.getResults(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/readiness/evaluations/:id/results/export",
    {
      schema: {
        tags: evaluations,
        summary: "The evaluation's answers (one row per criterion, with comment and evidence) as CSV or XLSX",
        params: IdParams,
        querystring: ResultsExportQuery,
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        response: ok(Type.String({ description: "The file (CSV in UTF-8 with BOM, or XLSX)" })),
      },
    },
    async (request, reply) => {
      const file = await exportResults(ctxOf(request), request.params.id, request.query);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .send(file.data);
    },
  );
  app.post(
    "/api/readiness/evaluations/:id/findings",
    { schema: { tags: evaluations, params: IdParams, body: FindingInput, response: created(Finding) } },
    async (request, reply) =>
      reply.status(201).send(await service.addFinding(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/readiness/evaluations/:id/findings/:findingId",
    {
      schema: {
        tags: evaluations,
        params: ChildParams("findingId"),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; findingId: string };
      await service.deleteFinding(ctxOf(request), params.id, params.findingId);
      return reply.status(204).send();
    },
  );
  app.post(
    "/api/readiness/evaluations/:id/actions",
    {
      schema: {
        tags: evaluations,
        summary: "Add a follow-up action with an owner and a deadline",
        params: IdParams,
        body: ActionInput,
        response: created(FollowUpAction),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addAction(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/readiness/evaluations/:id/actions/:actionId",
    {
      schema: {
        tags: evaluations,
        params: ChildParams("actionId"),
        body: ActionPatch,
        response: ok(FollowUpAction),
      },
    },
    async (request) => {
      const params = request.params as { id: string; actionId: string };
      return service.updateAction(ctxOf(request), params.id, params.actionId, request.body);
    },
  );
  app.post(
    "/api/readiness/evaluations/:id/report",
    {
      schema: {
        tags: evaluations,
        summary: "Report the outcome and close the evaluation",
        params: IdParams,
        body: ReportInput,
        response: ok(EvaluationDetail),
      },
    },
    async (request) => service.report(ctxOf(request), request.params.id, request.body),
  );
};
