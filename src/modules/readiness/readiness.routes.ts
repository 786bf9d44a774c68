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
  const unit = routeTable(app, ["readiness: units"]).records("/api/readiness/units");
  unit.list(
    "Units (directory organisations of kind unit) with their profile and force pool declarations",
    { query: UnitQuery, response: ok(Page(Unit)) },
    service.listUnits,
  );
  unit.get({ response: ok(Unit) }, service.getUnit);
  unit.put(
    "profile",
    {
      summary: "Set the unit's type, size, echelon and whether it is a headquarters",
      body: UnitProfileInput,
      response: ok(Unit),
    },
    service.setUnitProfile,
  );
  unit.post(
    "declarations",
    {
      summary: "Declare the unit to a force pool for a period (no overlap with the same pool)",
      body: DeclarationInput,
      response: created(Unit),
    },
    service.addDeclaration,
  );

  // ---------------------------------------------------------------- checklists
  const checklists = routeTable(app, ["readiness: checklists"]);
  const checklist = checklists.records("/api/readiness/checklists");
  checklist.list({ query: ChecklistQuery, response: ok(Page(ChecklistTemplate)) }, service.listChecklists);
  checklist.get({ response: ok(ChecklistTemplate) }, service.getChecklist);
  checklist.create(
    "Create a checklist template, optionally with its first version",
    { body: ChecklistInput, response: created(ChecklistTemplate) },
    service.createChecklist,
  );
  checklist.post(
    "versions",
    {
      summary: "Add the next version of a template",
      body: VersionInput,
      response: created(ChecklistVersion),
    },
    service.addVersion,
  );
  checklists.post(
    "/api/readiness/checklists/:id/import",
    "Import the next version from a CSV or XLSX file (multipart/form-data, field file; columns: area, criterion code, criterion text, guidance, critical)",
    { params: IdParams, response: created(ChecklistVersion) },
    (ctx, { params }, request) => service.importVersion(ctx, uploadFrom(request), params.id),
  );
  checklists
    .records("/api/readiness/checklist-versions")
    .get({ response: ok(ChecklistVersion) }, service.getVersion);
  checklists
    .records("/api/readiness/checklist-criteria")
    .update(
      "Correct a criterion; refused once an evaluation uses its version",
      { body: CriterionPatch, response: ok(ChecklistVersion) },
      service.updateCriterion,
    );

  // ---------------------------------------------------------------- evaluations
  const evaluations = routeTable(app, ["readiness: evaluations"]);
  const evaluation = evaluations.records("/api/readiness/evaluations");
  evaluation.list(
    "Evaluations the caller may see (a nation its units'; evaluators their own teams')",
    { query: EvaluationQuery, response: ok(Page(EvaluationListItem)) },
    service.listEvaluations,
  );
  evaluation.get({ response: ok(EvaluationDetail) }, service.getEvaluation);
  evaluation.create(
    "Plan an evaluation (or a re-evaluation, with previousEvaluationId)",
    { body: EvaluationInput, response: created(EvaluationDetail) },
    service.createEvaluation,
  );
  evaluation.update({ body: EvaluationPatch, response: ok(EvaluationDetail) }, service.updateEvaluation);
  evaluation.read(
    "eligible-evaluators",
    {
      summary: "Certified evaluators who satisfy the team rules for this evaluation",
      query: PageOnlyQuery,
      response: ok(Page(EligibleEvaluator)),
    },
    service.eligibleEvaluators,
  );
  const team = evaluations.children("/api/readiness/evaluations/:id/team", "memberId");
  team.add(
    "Assign an evaluator; refused with 409 naming the team rule it breaks",
    { body: TeamInput, response: created(EvaluationDetail) },
    service.addTeamMember,
  );
  team.remove({ response: ok(EvaluationDetail) }, service.removeTeamMember);
  evaluation.read(
    "checklist",
    {
      summary: "The agreed criteria by area, with their answers and versions",
      response: ok(EvaluationChecklist),
    },
    answers.getEvaluationChecklist,
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
  evaluation.read(
    "results",
    {
      summary: "Area and overall results, outcome, findings and follow-up actions",
      response: ok(Results),
    },
    service.getResults,
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
    "Add a follow-up action with an owner and a deadline",
    { body: ActionInput, response: created(FollowUpAction) },
    service.addAction,
  );
  actions.update({ body: ActionPatch, response: ok(FollowUpAction) }, service.updateAction);
  evaluation.post(
    "report",
    {
      summary: "Report the outcome and close the evaluation",
      body: ReportInput,
      response: ok(EvaluationDetail),
    },
    service.report,
  );
};
