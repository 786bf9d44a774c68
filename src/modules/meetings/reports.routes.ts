import { pdfReportSchema, sendPdf } from "../../platform/http/pdf.js";
import { ctxOf } from "../../platform/http/request-context.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { meetingMinutesPdf } from "./minutes.report.js";

export const meetingsReportsRoutes: RoutesPlugin = async (app) => {
  app.get(
    "/api/meetings/:id/minutes.pdf",
    {
      schema: pdfReportSchema(
        ["meetings: meetings"],
        "The meeting's minutes as a PDF: agenda, delegations, record, decisions and action items",
      ),
    },
    async (request, reply) => {
      const { pdf, filename } = await meetingMinutesPdf(
        ctxOf(request),
        request.params.id,
        request.query.lang,
      );
      return sendPdf(reply, pdf, filename);
    },
  );
};
