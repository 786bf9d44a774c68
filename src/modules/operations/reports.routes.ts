import { pdfReportSchema, sendPdf } from "../../platform/http/pdf.js";
import { ctxOf } from "../../platform/http/request-context.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { exerciseReportPdf } from "./exercise.report.js";

export const operationsReportsRoutes: RoutesPlugin = async (app) => {
  app.get(
    "/api/exercises/:id/report.pdf",
    {
      schema: pdfReportSchema(
        ["operations: exercises"],
        "The exercise's report as a PDF: participating nations and contributions, conferences, lessons identified and learned",
      ),
    },
    async (request, reply) => {
      const { pdf, filename } = await exerciseReportPdf(
        ctxOf(request),
        request.params.id,
        request.query.lang,
      );
      return sendPdf(reply, pdf, filename);
    },
  );
};
