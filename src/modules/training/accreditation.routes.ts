import { Type } from "typebox";
import { sendFile, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
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
  const acc = ["training: accreditation"];
  app.get(
    "/api/training/standard-sets",
    { schema: { tags: acc, response: ok(Type.Array(StandardSet)) } },
    async (request) => accreditation.listStandardSets(ctxOf(request)),
  );
  app.get(
    "/api/training/accreditation",
    { schema: { tags: acc, querystring: ApplicationQuery, response: ok(Page(ApplicationSummary)) } },
    async (request) => accreditation.listApplications(ctxOf(request), request.query),
  );
  app.get(
    "/api/training/accreditation/expiring",
    {
      schema: {
        tags: acc,
        summary: "Decided dossiers whose validity ends within N days (renewal list)",
        querystring: ExpiringQuery,
        response: ok(Page(ApplicationSummary)),
      },
    },
    async (request) => accreditation.listExpiring(ctxOf(request), request.query),
  );
  app.post(
    "/api/training/accreditation/reminders",
    {
      schema: {
        tags: acc,
        summary: "Send in-app renewal reminders for dossiers expiring within N days (once per person)",
        body: Type.Object(
          { withinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
          { additionalProperties: false },
        ),
        response: ok(ReminderResult),
      },
    },
    async (request) => accreditation.sendRenewalReminders(ctxOf(request), request.body.withinDays),
  );
  app.post(
    "/api/training/accreditation",
    { schema: { tags: acc, body: ApplicationInput, response: created(Dossier) } },
    async (request, reply) =>
      reply.status(201).send(await accreditation.createApplication(ctxOf(request), request.body)),
  );
  app.get(
    "/api/training/accreditation/:id",
    {
      schema: {
        tags: acc,
        summary: "The dossier: progress and what is missing per standard",
        params: IdParams,
        response: ok(Dossier),
      },
    },
    async (request) => accreditation.getDossier(ctxOf(request), request.params.id),
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
          tags: acc,
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
  app.post(
    "/api/training/accreditation/:id/visit",
    {
      schema: {
        tags: acc,
        summary: "submitted → visit_planned: dates and review team (again to reschedule)",
        params: IdParams,
        body: VisitInput,
        response: ok(Dossier),
      },
    },
    async (request) => accreditation.planVisit(ctxOf(request), request.params.id, request.body),
  );
  app.put(
    "/api/training/accreditation/:id/reviewer",
    {
      schema: {
        tags: acc,
        summary: "Appoint the reviewing organisation (administrators, for the accrediting body)",
        params: IdParams,
        body: ReviewerInput,
        response: ok(Dossier),
      },
    },
    async (request) => accreditation.appointReviewer(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/training/accreditation/:id/visited",
    {
      schema: {
        tags: acc,
        summary: "visit_planned → visited",
        params: IdParams,
        body: VisitedInput,
        response: ok(Dossier),
      },
    },
    async (request) => accreditation.recordVisit(ctxOf(request), request.params.id, request.body.reportDueOn),
  );
  app.post(
    "/api/training/accreditation/:id/decision",
    {
      schema: {
        tags: acc,
        summary: "visited → decided, with a validity period for a positive decision",
        params: IdParams,
        body: DecisionInput,
        response: ok(Dossier),
      },
    },
    async (request) => accreditation.decide(ctxOf(request), request.params.id, request.body),
  );
  app.put(
    "/api/training/accreditation/:id/standards/:standardId/self-assessment",
    { schema: { tags: acc, params: StandardParams, body: SelfAssessmentInput, response: ok(Dossier) } },
    async (request) =>
      accreditation.selfAssess(ctxOf(request), request.params.id, request.params.standardId, request.body),
  );
  app.post(
    "/api/training/accreditation/:id/standards/:standardId/evidence",
    {
      schema: {
        tags: acc,
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
  app.get(
    "/api/training/accreditation/:id/evidence/:evidenceId",
    { schema: { tags: acc, params: EvidenceParams, response: ok(StoredFile) } },
    async (request, reply) => {
      const { id, evidenceId } = request.params;
      return sendFile(reply, await accreditation.evidenceFile(ctxOf(request), id, evidenceId));
    },
  );
  app.delete(
    "/api/training/accreditation/:id/evidence/:evidenceId",
    { schema: { tags: acc, params: EvidenceParams, response: ok(Dossier) } },
    async (request) =>
      accreditation.removeEvidence(ctxOf(request), request.params.id, request.params.evidenceId),
  );
  app.post(
    "/api/training/accreditation/:id/findings",
    {
      schema: {
        tags: acc,
        summary: "Record a finding, recommendation or condition (per standard or general)",
        params: IdParams,
        body: FindingInput,
        response: created(Dossier),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await accreditation.addFinding(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/training/accreditation/:id/findings/:findingId/close",
    { schema: { tags: acc, params: FindingParams, body: CloseFindingInput, response: ok(Dossier) } },
    async (request) =>
      accreditation.closeFinding(
        ctxOf(request),
        request.params.id,
        request.params.findingId,
        request.body.closureNote,
      ),
  );
};
