import { Type } from "typebox";
import { uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import { created, errorResponses, IdParams, ok, Page, StoredFile } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as accreditation from "./accreditation.service.js";
import {
  ApplicationInput,
  ApplicationQuery,
  ApplicationSummary,
  CloseFindingInput,
  DecisionInput,
  Dossier,
  EvidenceParams,
  ExpiringQuery,
  FindingInput,
  FindingParams,
  ReminderResult,
  ReviewerInput,
  SelfAssessmentInput,
  StandardParams,
  StandardSet,
  VisitedInput,
  VisitInput,
} from "./training.schemas.js";

/** Accreditation: standard sets, applications and their dossier, the steps to the decision, the reminders. */
export const accreditationRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- accreditation
  const acc = routeTable(app, ["training: accreditation"]);
  acc.get("/api/training/standard-sets", { response: ok(Type.Array(StandardSet)) }, (ctx) =>
    accreditation.listStandardSets(ctx),
  );
  acc.get(
    "/api/training/accreditation",
    { query: ApplicationQuery, response: ok(Page(ApplicationSummary)) },
    (ctx, { query }) => accreditation.listApplications(ctx, query),
  );
  acc.get(
    "/api/training/accreditation/expiring",
    "Decided dossiers whose validity ends within N days (renewal list)",
    { query: ExpiringQuery, response: ok(Page(ApplicationSummary)) },
    (ctx, { query }) => accreditation.listExpiring(ctx, query),
  );
  acc.post(
    "/api/training/accreditation/reminders",
    "Send in-app renewal reminders for dossiers expiring within N days (once per person)",
    {
      body: Type.Object(
        { withinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
        { additionalProperties: false },
      ),
      response: ok(ReminderResult),
    },
    (ctx, { body }) => accreditation.sendRenewalReminders(ctx, body.withinDays),
  );
  acc.post(
    "/api/training/accreditation",
    { body: ApplicationInput, response: created(Dossier) },
    (ctx, { body }) => accreditation.createApplication(ctx, body),
  );
  acc.get(
    "/api/training/accreditation/:id",
    "The dossier: progress and what is missing per standard",
    { params: IdParams, response: ok(Dossier) },
    (ctx, { params }) => accreditation.getDossier(ctx, params.id),
  );
  const step = (
    path: string,
    summary: string,
    run: (ctx: ReturnType<typeof ctxOf>, id: string) => Promise<unknown>,
  ) =>
    app.post(
      `/api/training/accreditation/:id/${path}`,
      {
        schema: {
          tags: acc.tags,
          summary,
          params: IdParams,
          body: Type.Object({}, { additionalProperties: false }),
          response: ok(Dossier),
        },
      },
      async (request) => run(ctxOf(request), request.params.id),
    );
  step("start", "draft → self_assessment", accreditation.startSelfAssessment);
  step(
    "submit",
    "self_assessment → submitted (needs a self-assessment and evidence for every standard)",
    accreditation.submitApplication,
  );
  acc.post(
    "/api/training/accreditation/:id/visit",
    "submitted → visit_planned: dates and review team (again to reschedule)",
    { params: IdParams, body: VisitInput, response: ok(Dossier) },
    (ctx, { params, body }) => accreditation.planVisit(ctx, params.id, body),
  );
  acc.put(
    "/api/training/accreditation/:id/reviewer",
    "Appoint the reviewing organisation (administrators, for the accrediting body)",
    { params: IdParams, body: ReviewerInput, response: ok(Dossier) },
    (ctx, { params, body }) => accreditation.appointReviewer(ctx, params.id, body),
  );
  acc.post(
    "/api/training/accreditation/:id/visited",
    "visit_planned → visited",
    { params: IdParams, body: VisitedInput, response: ok(Dossier) },
    (ctx, { params, body }) => accreditation.recordVisit(ctx, params.id, body.reportDueOn),
  );
  acc.post(
    "/api/training/accreditation/:id/decision",
    "visited → decided, with a validity period for a positive decision",
    { params: IdParams, body: DecisionInput, response: ok(Dossier) },
    (ctx, { params, body }) => accreditation.decide(ctx, params.id, body),
  );
  acc.put(
    "/api/training/accreditation/:id/standards/:standardId/self-assessment",
    { params: StandardParams, body: SelfAssessmentInput, response: ok(Dossier) },
    (ctx, { params, body }) => accreditation.selfAssess(ctx, params.id, params.standardId, body),
  );
  app.post(
    "/api/training/accreditation/:id/standards/:standardId/evidence",
    {
      schema: {
        tags: acc.tags,
        summary: "Attach an evidence file (multipart/form-data, field file)",
        consumes: ["multipart/form-data"],
        params: StandardParams,
        response: { 201: Dossier, ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await accreditation.addEvidence(
            ctxOf(request),
            uploadFrom(request),
            request.params.id,
            request.params.standardId,
          ),
        ),
  );
  acc.file(
    "/api/training/accreditation/:id/evidence/:evidenceId",
    { params: EvidenceParams, response: ok(StoredFile) },
    (ctx, { params }) => accreditation.evidenceFile(ctx, params.id, params.evidenceId),
  );
  acc.delete(
    "/api/training/accreditation/:id/evidence/:evidenceId",
    { params: EvidenceParams, response: ok(Dossier) },
    (ctx, { params }) => accreditation.removeEvidence(ctx, params.id, params.evidenceId),
  );
  acc.post(
    "/api/training/accreditation/:id/findings",
    "Record a finding, recommendation or condition (per standard or general)",
    { params: IdParams, body: FindingInput, response: created(Dossier) },
    (ctx, { params, body }) => accreditation.addFinding(ctx, params.id, body),
  );
  acc.post(
    "/api/training/accreditation/:id/findings/:findingId/close",
    { params: FindingParams, body: CloseFindingInput, response: ok(Dossier) },
    (ctx, { params, body }) => accreditation.closeFinding(ctx, params.id, params.findingId, body.closureNote),
  );
};
