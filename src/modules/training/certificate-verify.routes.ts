import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { CertificateLookupQuery, PublicCertificate } from "./certificate-verify.schemas.js";
import { lookupCertificate } from "./certificate-verify.service.js";

/** The public look-up by a certificate's number (the QR's look-up by code is with the other certificate routes). */
export const certificateLookupRoutes: RoutesPlugin = async (app) => {
  app.get(
    "/api/public/certificate-lookup",
    {
      schema: {
        tags: ["training: certificates"],
        summary:
          "Public verification by the certificate's number and the holder's family name (rate-limited)",
        querystring: CertificateLookupQuery,
        response: { 200: PublicCertificate, ...errorResponses, 429: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { number, holder } = request.query;
      const result = await lookupCertificate(ctxOf(request), number, holder, request.ip);
      return reply.header("cache-control", "no-store").header("x-robots-tag", "noindex").send(result);
    },
  );
};
