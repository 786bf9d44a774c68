import { Type } from "typebox";
import { uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import { created, errorResponses, ok, Page, StoredFile } from "../../platform/http/schemas.js";
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
  const dossier = acc.records("/api/training/accreditation");
  dossier.list(
    { query: ApplicationQuery, response: ok(Page(ApplicationSummary)) },
    accreditation.listApplications,
  );
  acc
    .records("/api/training/accreditation/expiring")
    .list(
      "Decided dossiers whose validity ends within N days (renewal list)",
      { query: ExpiringQuery, response: ok(Page(ApplicationSummary)) },
      accreditation.listExpiring,
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
  dossier.create({ body: ApplicationInput, response: created(Dossier) }, accreditation.createApplication);
  dossier.get(
    "The dossier: progress and what is missing per standard",
    { response: ok(Dossier) },
    accreditation.getDossier,
  );
  const noBody = Type.Object({}, { additionalProperties: false });
  dossier.post(
    "start",
    { summary: "draft → self_assessment", body: noBody, response: ok(Dossier) },
    accreditation.startSelfAssessment,
  );
  dossier.post(
    "submit",
    {
      summary: "self_assessment → submitted (needs a self-assessment and evidence for every standard)",
      body: noBody,
      response: ok(Dossier),
    },
    accreditation.submitApplication,
  );
  dossier.post(
    "visit",
    {
      summary: "submitted → visit_planned: dates and review team (again to reschedule)",
      body: VisitInput,
      response: ok(Dossier),
    },
    accreditation.planVisit,
  );
  dossier.put(
    "reviewer",
    {
      summary: "Appoint the reviewing organisation (administrators, for the accrediting body)",
      body: ReviewerInput,
      response: ok(Dossier),
    },
    accreditation.appointReviewer,
  );
  dossier.post(
    "visited",
    { summary: "visit_planned → visited", body: VisitedInput, response: ok(Dossier) },
    (ctx, id, { reportDueOn }) => accreditation.recordVisit(ctx, id, reportDueOn),
  );
  dossier.post(
    "decision",
    {
      summary: "visited → decided, with a validity period for a positive decision",
      body: DecisionInput,
      response: ok(Dossier),
    },
    accreditation.decide,
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
  dossier.post(
    "findings",
    {
      summary: "Record a finding, recommendation or condition (per standard or general)",
      body: FindingInput,
      response: created(Dossier),
    },
    accreditation.addFinding,
  );
  acc.post(
    "/api/training/accreditation/:id/findings/:findingId/close",
    { params: FindingParams, body: CloseFindingInput, response: ok(Dossier) },
    (ctx, { params, body }) => accreditation.closeFinding(ctx, params.id, params.findingId, body.closureNote),
  );
};
