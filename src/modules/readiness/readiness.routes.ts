import { Type } from "typebox";
import { uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import {
  created,
  errorResponses,
  IdParams,
  noContent,
  ok,
  Page,
  PageOnlyQuery,
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

export const readinessRoutes: RoutesPlugin = async (app) => {
  await readinessReportsRoutes(app, {});
  // ---------------------------------------------------------------- units
  const units = routeTable(app, ["readiness: units"]);
  units.get(
    "/api/readiness/units",
    "Units (directory organisations of kind unit) with their profile and force pool declarations",
    { query: UnitQuery, response: ok(Page(Unit)) },
    (ctx, { query }) => service.listUnits(ctx, query),
  );
  units.get("/api/readiness/units/:id", { params: IdParams, response: ok(Unit) }, (ctx, { params }) =>
    service.getUnit(ctx, params.id),
  );
  units.put(
    "/api/readiness/units/:id/profile",
    "Set the unit's type, size, echelon and whether it is a headquarters",
    { params: IdParams, body: UnitProfileInput, response: ok(Unit) },
    (ctx, { params, body }) => service.setUnitProfile(ctx, params.id, body),
  );
  units.post(
    "/api/readiness/units/:id/declarations",
    "Declare the unit to a force pool for a period (no overlap with the same pool)",
    { params: IdParams, body: DeclarationInput, response: created(Unit) },
    (ctx, { params, body }) => service.addDeclaration(ctx, params.id, body),
  );

  // ---------------------------------------------------------------- checklists
  const checklists = routeTable(app, ["readiness: checklists"]);
  checklists.get(
    "/api/readiness/checklists",
    { query: ChecklistQuery, response: ok(Page(ChecklistTemplate)) },
    (ctx, { query }) => service.listChecklists(ctx, query),
  );
  checklists.get(
    "/api/readiness/checklists/:id",
    { params: IdParams, response: ok(ChecklistTemplate) },
    (ctx, { params }) => service.getChecklist(ctx, params.id),
  );
  checklists.post(
    "/api/readiness/checklists",
    "Create a checklist template, optionally with its first version",
    { body: ChecklistInput, response: created(ChecklistTemplate) },
    (ctx, { body }) => service.createChecklist(ctx, body),
  );
  checklists.post(
    "/api/readiness/checklists/:id/versions",
    "Add the next version of a template",
    { params: IdParams, body: VersionInput, response: created(ChecklistVersion) },
    (ctx, { params, body }) => service.addVersion(ctx, params.id, body),
  );
  checklists.post(
    "/api/readiness/checklists/:id/import",
    "Import the next version from a CSV or XLSX file (multipart/form-data, field file; columns: area, criterion code, criterion text, guidance, critical)",
    { params: IdParams, response: created(ChecklistVersion) },
    (ctx, { params }, request) => service.importVersion(ctx, uploadFrom(request), params.id),
  );
  checklists.get(
    "/api/readiness/checklist-versions/:id",
    { params: IdParams, response: ok(ChecklistVersion) },
    (ctx, { params }) => service.getVersion(ctx, params.id),
  );
  checklists.patch(
    "/api/readiness/checklist-criteria/:id",
    "Correct a criterion; refused once an evaluation uses its version",
    { params: IdParams, body: CriterionPatch, response: ok(ChecklistVersion) },
    (ctx, { params, body }) => service.updateCriterion(ctx, params.id, body),
  );

  // ---------------------------------------------------------------- evaluations
  const evaluations = routeTable(app, ["readiness: evaluations"]);
  evaluations.get(
    "/api/readiness/evaluations",
    "Evaluations the caller may see (a nation its units'; evaluators their own teams')",
    { query: EvaluationQuery, response: ok(Page(EvaluationListItem)) },
    (ctx, { query }) => service.listEvaluations(ctx, query),
  );
  evaluations.get(
    "/api/readiness/evaluations/:id",
    { params: IdParams, response: ok(EvaluationDetail) },
    (ctx, { params }) => service.getEvaluation(ctx, params.id),
  );
  evaluations.post(
    "/api/readiness/evaluations",
    "Plan an evaluation (or a re-evaluation, with previousEvaluationId)",
    { body: EvaluationInput, response: created(EvaluationDetail) },
    (ctx, { body }) => service.createEvaluation(ctx, body),
  );
  evaluations.patch(
    "/api/readiness/evaluations/:id",
    { params: IdParams, body: EvaluationPatch, response: ok(EvaluationDetail) },
    (ctx, { params, body }) => service.updateEvaluation(ctx, params.id, body),
  );
  evaluations.get(
    "/api/readiness/evaluations/:id/eligible-evaluators",
    "Certified evaluators who satisfy the team rules for this evaluation",
    { params: IdParams, query: PageOnlyQuery, response: ok(Page(EligibleEvaluator)) },
    (ctx, { params, query }) => service.eligibleEvaluators(ctx, params.id, query),
  );
  const team = evaluations.children("/api/readiness/evaluations/:id/team", "memberId");
  team.add(
    {
      summary: "Assign an evaluator; refused with 409 naming the team rule it breaks",
      body: TeamInput,
      response: created(EvaluationDetail),
    },
    service.addTeamMember,
  );
  team.remove({ response: ok(EvaluationDetail) }, service.removeTeamMember);
  evaluations.get(
    "/api/readiness/evaluations/:id/checklist",
    "The agreed criteria by area, with their answers and versions",
    { params: IdParams, response: ok(EvaluationChecklist) },
    (ctx, { params }) => answers.getEvaluationChecklist(ctx, params.id),
  );
  app.patch(
    "/api/readiness/evaluations/:id/answers/:criterionId",
    {
      schema: {
        tags: evaluations.tags,
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
  evaluations.get(
    "/api/readiness/evaluations/:id/results",
    "Area and overall results, outcome, findings and follow-up actions",
    { params: IdParams, response: ok(Results) },
    (ctx, { params }) => service.getResults(ctx, params.id),
  );
  evaluations.export(
    "/api/readiness/evaluations/:id/results/export",
    {
      summary: "The evaluation's answers (one row per criterion, with comment and evidence) as CSV or XLSX",
      params: IdParams,
      query: ResultsExportQuery,
      produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      response: ok(Type.String({ description: "The file (CSV in UTF-8 with BOM, or XLSX)" })),
    },
    (ctx, { params, query }) => exportResults(ctx, params.id, query),
  );
  const findings = evaluations.children("/api/readiness/evaluations/:id/findings", "findingId");
  findings.add({ body: FindingInput, response: created(Finding) }, service.addFinding);
  findings.remove({ response: noContent }, service.deleteFinding);
  const actions = evaluations.children("/api/readiness/evaluations/:id/actions", "actionId");
  actions.add(
    {
      summary: "Add a follow-up action with an owner and a deadline",
      body: ActionInput,
      response: created(FollowUpAction),
    },
    service.addAction,
  );
  actions.update({ body: ActionPatch, response: ok(FollowUpAction) }, service.updateAction);
  evaluations.post(
    "/api/readiness/evaluations/:id/report",
    "Report the outcome and close the evaluation",
    { params: IdParams, body: ReportInput, response: ok(EvaluationDetail) },
    (ctx, { params, body }) => service.report(ctx, params.id, body),
  );
};
