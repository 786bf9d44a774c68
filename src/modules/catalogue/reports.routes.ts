import { pdfReportSchema, sendPdf } from "../../platform/http/pdf.js";
import { ctxOf } from "../../platform/http/request-context.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { eventRosterPdf } from "./roster.report.js";

export const catalogueReportsRoutes: RoutesPlugin = async (app) => {
  app.get(
    "/api/events/:id/roster.pdf",
    {
      schema: pdfReportSchema(
        ["catalogue: events"],
        "The event's participant roster as a PDF: the nominations the caller may see, by nation, with status",
      ),
    },
    async (request, reply) => {
      const { pdf, filename } = await eventRosterPdf(ctxOf(request), request.params.id, request.query.lang);
      return sendPdf(reply, pdf, filename);
    },
  );
};
