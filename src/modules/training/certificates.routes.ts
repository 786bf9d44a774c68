import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
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
  const certificates = routeTable(app, ["training: certificates"]);
  const certificate = certificates.records("/api/training/certificates");
  certificate.list(
    "Certificates the caller may see (mine=true: the caller's own)",
    { query: CertificateQuery, response: ok(Page(Certificate)) },
    service.listCertificates,
  );
  certificate.get({ response: ok(Certificate) }, service.getCertificate);
  app.get(
    "/api/training/certificates/:id/pdf",
    {
      schema: {
        tags: certificates.tags,
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
  certificate.put(
    "language",
    {
      summary: "The holder chooses the certificate's language (en, az, ru)",
      body: LanguageInput,
      response: ok(Certificate),
    },
    (ctx, id, { language }) => service.setCertificateLanguage(ctx, id, language),
  );
  certificate.post("revoke", { body: RevokeInput, response: ok(Certificate) }, (ctx, id, { reason }) =>
    service.revokeCertificate(ctx, id, reason),
  );
  certificate.post(
    "reissue",
    {
      summary: "Revoke with a reason and issue a replacement (new number and verification code)",
      body: ReissueInput,
      response: created(Certificate),
    },
    (ctx, id, { reason, language }) => service.reissueCertificate(ctx, id, reason, language),
  );
  app.get(
    "/api/public/certificates/:code",
    {
      schema: {
        tags: certificates.tags,
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
  const registry = routeTable(app, ["training: registry"]);
  registry.get("/api/training/qualifications", { response: ok(Type.Array(Qualification)) }, (ctx) =>
    service.listQualifications(ctx),
  );
  registry
    .records("/api/training/registry")
    .list(
      "Certified people of a qualification, valid on a date (default today), with expiry alerts",
      { query: RegistryQuery, response: ok(Page(RegistryEntry)) },
      service.getRegistry,
    );
};
