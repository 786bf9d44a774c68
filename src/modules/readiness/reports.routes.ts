import { pdfReportSchema, sendPdf } from "../../platform/http/pdf.js";
import { ctxOf } from "../../platform/http/request-context.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { evaluationReportPdf } from "./evaluation.report.js";

export const readinessReportsRoutes: RoutesPlugin = async (app) => {
  app.get(
    "/api/readiness/evaluations/:id/report.pdf",
    {
      schema: pdfReportSchema(
        ["readiness: evaluations"],
        "The evaluation's report as a PDF: outcome, results by area, findings, recommendations, follow-up actions",
      ),
    },
    async (request, reply) => {
      const { pdf, filename } = await evaluationReportPdf(
        ctxOf(request),
        request.params.id,
        request.query.lang,
      );
      return sendPdf(reply, pdf, filename);
    },
  );
};
