import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { created, errorResponses, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  Certificate,
  CertificateQuery,
  CodeParams,
  LanguageInput,
  PdfQuery,
  PublicCertificate,
  Qualification,
  RegistryEntry,
  RegistryQuery,
  ReissueInput,
  RevokeInput,
} from "./training.schemas.js";
import * as service from "./training.service.js";

const pdfResponse = { type: "string", format: "binary", description: "application/pdf" };

/** Certificates (with their PDF, language, reissue and revocation) and the certified registry. */
export const certificatesRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- certificates
  const certificates = ["training: certificates"];
  app.get(
    "/api/training/certificates",
    {
      schema: {
        tags: certificates,
        summary: "Certificates the caller may see (mine=true: the caller's own)",
        querystring: CertificateQuery,
        response: ok(Page(Certificate)),
      },
    },
    async (request) => service.listCertificates(ctxOf(request), request.query),
  );
  app.get(
    "/api/training/certificates/:id",
    { schema: { tags: certificates, params: IdParams, response: ok(Certificate) } },
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
        response: ok(pdfResponse),
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
        response: ok(Certificate),
      },
    },
    async (request) =>
      service.setCertificateLanguage(ctxOf(request), request.params.id, request.body.language),
  );
  app.post(
    "/api/training/certificates/:id/revoke",
    { schema: { tags: certificates, params: IdParams, body: RevokeInput, response: ok(Certificate) } },
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
        response: created(Certificate),
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
    { schema: { tags: registry, response: ok(Type.Array(Qualification)) } },
    async (request) => service.listQualifications(ctxOf(request)),
  );
  app.get(
    "/api/training/registry",
    {
      schema: {
        tags: registry,
        summary: "Certified people of a qualification, valid on a date (default today), with expiry alerts",
        querystring: RegistryQuery,
        response: ok(Page(RegistryEntry)),
      },
    },
    async (request) => service.getRegistry(ctxOf(request), request.query),
  );
};
