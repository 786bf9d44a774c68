import { Type } from "typebox";
import { sendFile, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses, IdParams, Page, StoredFile } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as accreditation from "./accreditation.service.js";
import {
  ApplicationInput,
  ApplicationQuery,
  ApplicationSummary,
  AttendanceInput,
  Certificate,
  CertificateQuery,
  CloseFindingInput,
  CodeParams,
  Course,
  CourseDetail,
  CourseInput,
  CoursePatch,
  CourseQuery,
  DecisionInput,
  Dossier,
  EvidenceParams,
  ExpiringQuery,
  FindingInput,
  FindingParams,
  IssueInput,
  IssueResult,
  LanguageInput,
  PdfQuery,
  PublicCertificate,
  Qualification,
  RegistryEntry,
  RegistryQuery,
  ReissueInput,
  ReminderResult,
  ResultsInput,
  ReviewerInput,
  RevokeInput,
  RunDetail,
  RunParams,
  SelfAssessmentInput,
  SignOffInput,
  StandardParams,
  StandardSet,
  VisitedInput,
  VisitInput,
} from "./training.schemas.js";
import * as service from "./training.service.js";

const pdfResponse = { type: "string", format: "binary", description: "application/pdf" };

export const trainingRoutesPlugin: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- courses and runs
  const courses = ["training: courses"];
  app.get(
    "/api/training/courses",
    {
      schema: { tags: courses, querystring: CourseQuery, response: { 200: Page(Course), ...errorResponses } },
    },
    async (request) => service.listCourses(ctxOf(request), request.query),
  );
  app.get(
    "/api/training/courses/:id",
    { schema: { tags: courses, params: IdParams, response: { 200: CourseDetail, ...errorResponses } } },
    async (request) => service.getCourse(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/training/courses",
    {
      schema: {
        tags: courses,
        summary: "Define the course of a catalogue activity of kind course",
        body: CourseInput,
        response: { 201: CourseDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCourse(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/training/courses/:id",
    {
      schema: {
        tags: courses,
        params: IdParams,
        body: CoursePatch,
        response: { 200: CourseDetail, ...errorResponses },
      },
    },
    async (request) => service.updateCourse(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/training/runs/:eventId",
    {
      schema: {
        tags: courses,
        summary: "A course run: sessions, participants, attendance, results, computed outcomes, certificates",
        params: RunParams,
        response: { 200: RunDetail, ...errorResponses },
      },
    },
    async (request) => service.getRun(ctxOf(request), request.params.eventId),
  );
  app.put(
    "/api/training/runs/:eventId/attendance",
    {
      schema: {
        tags: courses,
        summary: "Record presence per session (the attendance sheet)",
        params: RunParams,
        body: AttendanceInput,
        response: { 200: RunDetail, ...errorResponses },
      },
    },
    async (request) => service.recordAttendance(ctxOf(request), request.params.eventId, request.body),
  );
  app.put(
    "/api/training/runs/:eventId/results",
    {
      schema: {
        tags: courses,
        summary: "Record assessment scores per participant and component (null clears a score)",
        params: RunParams,
        body: ResultsInput,
        response: { 200: RunDetail, ...errorResponses },
      },
    },
    async (request) => service.recordResults(ctxOf(request), request.params.eventId, request.body),
  );
  app.post(
    "/api/training/runs/:eventId/sign-off",
    {
      schema: {
        tags: courses,
        summary: "Instructor sign-off: computes pass or fail from the scheme and locks the results",
        params: RunParams,
        body: SignOffInput,
        response: { 200: RunDetail, ...errorResponses },
      },
    },
    async (request) => service.signOff(ctxOf(request), request.params.eventId, request.body.note),
  );
  app.post(
    "/api/training/runs/:eventId/certificates",
    {
      schema: {
        tags: courses,
        summary: "Issue certificates to passed participants who have none yet",
        params: RunParams,
        body: IssueInput,
        response: { 201: IssueResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.issueCertificates(ctxOf(request), request.params.eventId, request.body.nominationIds),
        ),
  );

  // ---------------------------------------------------------------- certificates
  const certificates = ["training: certificates"];
  app.get(
    "/api/training/certificates",
    {
      schema: {
        tags: certificates,
        summary: "Certificates the caller may see (mine=true: the caller's own)",
        querystring: CertificateQuery,
        response: { 200: Page(Certificate), ...errorResponses },
      },
    },
    async (request) => service.listCertificates(ctxOf(request), request.query),
  );
  app.get(
    "/api/training/certificates/:id",
    { schema: { tags: certificates, params: IdParams, response: { 200: Certificate, ...errorResponses } } },
    async (request) => service.getCertificate(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/training/certificates/:id/pdf",
    {
      schema: {
        tags: certificates,
        summary: "The certificate as a PDF, in its language or the one asked for",
        params: IdParams,
        querystring: PdfQuery,
        response: { 200: pdfResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await service.certificatePdf(
        ctxOf(request),
        request.params.id,
        request.query.lang,
      );
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${filename}"`)
        .header("x-content-type-options", "nosniff")
        .send(pdf);
    },
  );
  app.put(
    "/api/training/certificates/:id/language",
    {
      schema: {
        tags: certificates,
        summary: "The holder chooses the certificate's language (en, az, ru)",
        params: IdParams,
        body: LanguageInput,
        response: { 200: Certificate, ...errorResponses },
      },
    },
    async (request) =>
      service.setCertificateLanguage(ctxOf(request), request.params.id, request.body.language),
  );
  app.post(
    "/api/training/certificates/:id/revoke",
    {
      schema: {
        tags: certificates,
        params: IdParams,
        body: RevokeInput,
        response: { 200: Certificate, ...errorResponses },
      },
    },
    async (request) => service.revokeCertificate(ctxOf(request), request.params.id, request.body.reason),
  );
  app.post(
    "/api/training/certificates/:id/reissue",
    {
      schema: {
        tags: certificates,
        summary: "Revoke with a reason and issue a replacement (new number and verification code)",
        params: IdParams,
        body: ReissueInput,
        response: { 201: Certificate, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.reissueCertificate(
            ctxOf(request),
            request.params.id,
            request.body.reason,
            request.body.language,
          ),
        ),
  );
  app.get(
    "/api/public/certificates/:code",
    {
      schema: {
        tags: certificates,
        summary:
          "Public verification by the code of the QR (no sign-in; rate-limited; reveals name, course, dates, status)",
        params: CodeParams,
        response: { 200: PublicCertificate, ...errorResponses, 429: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const result = await service.verifyCertificate(ctxOf(request), request.params.code, request.ip);
      return reply.header("cache-control", "no-store").header("x-robots-tag", "noindex").send(result);
    },
  );

  // ---------------------------------------------------------------- registry
  const registry = ["training: registry"];
  app.get(
    "/api/training/qualifications",
    { schema: { tags: registry, response: { 200: Type.Array(Qualification), ...errorResponses } } },
    async (request) => service.listQualifications(ctxOf(request)),
  );
  app.get(
    "/api/training/registry",
    {
      schema: {
        tags: registry,
        summary: "Certified people of a qualification, valid on a date (default today), with expiry alerts",
        querystring: RegistryQuery,
        response: { 200: Page(RegistryEntry), ...errorResponses },
      },
    },
    async (request) => service.getRegistry(ctxOf(request), request.query),
  );

  // ---------------------------------------------------------------- accreditation
  const acc = ["training: accreditation"];
  app.get(
    "/api/training/standard-sets",
    { schema: { tags: acc, response: { 200: Type.Array(StandardSet), ...errorResponses } } },
    async (request) => accreditation.listStandardSets(ctxOf(request)),
  );
  app.get(
    "/api/training/accreditation",
    {
      schema: {
        tags: acc,
        querystring: ApplicationQuery,
        response: { 200: Page(ApplicationSummary), ...errorResponses },
      },
    },
    async (request) => accreditation.listApplications(ctxOf(request), request.query),
  );
  app.get(
    "/api/training/accreditation/expiring",
    {
      schema: {
        tags: acc,
        summary: "Decided dossiers whose validity ends within N days (renewal list)",
        querystring: ExpiringQuery,
        response: { 200: Page(ApplicationSummary), ...errorResponses },
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
        response: { 200: ReminderResult, ...errorResponses },
      },
    },
    async (request) => accreditation.sendRenewalReminders(ctxOf(request), request.body.withinDays),
  );
  app.post(
    "/api/training/accreditation",
    { schema: { tags: acc, body: ApplicationInput, response: { 201: Dossier, ...errorResponses } } },
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
        response: { 200: Dossier, ...errorResponses },
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
          response: { 200: Dossier, ...errorResponses },
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
        response: { 200: Dossier, ...errorResponses },
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
        response: { 200: Dossier, ...errorResponses },
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
        response: { 200: Dossier, ...errorResponses },
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
        response: { 200: Dossier, ...errorResponses },
      },
    },
    async (request) => accreditation.decide(ctxOf(request), request.params.id, request.body),
  );
  app.put(
    "/api/training/accreditation/:id/standards/:standardId/self-assessment",
    {
      schema: {
        tags: acc,
        params: StandardParams,
        body: SelfAssessmentInput,
        response: { 200: Dossier, ...errorResponses },
      },
    },
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
    { schema: { tags: acc, params: EvidenceParams, response: { 200: StoredFile, ...errorResponses } } },
    async (request, reply) => {
      const { id, evidenceId } = request.params;
      return sendFile(reply, await accreditation.evidenceFile(ctxOf(request), id, evidenceId));
    },
  );
  app.delete(
    "/api/training/accreditation/:id/evidence/:evidenceId",
    { schema: { tags: acc, params: EvidenceParams, response: { 200: Dossier, ...errorResponses } } },
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
        response: { 201: Dossier, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await accreditation.addFinding(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/training/accreditation/:id/findings/:findingId/close",
    {
      schema: {
        tags: acc,
        params: FindingParams,
        body: CloseFindingInput,
        response: { 200: Dossier, ...errorResponses },
      },
    },
    async (request) =>
      accreditation.closeFinding(
        ctxOf(request),
        request.params.id,
        request.params.findingId,
        request.body.closureNote,
      ),
  );
};
