import { pdfReportRoute } from "../../platform/http/pdf-route.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { meetingMinutesPdf } from "./minutes.report.js";

export const meetingsReportsRoutes: RoutesPlugin = async (app) => {
  pdfReportRoute(
    app,
    "/api/meetings/:id/minutes.pdf",
    ["meetings: meetings"],
    "The meeting's minutes as a PDF: agenda, delegations, record, decisions and action items",
    meetingMinutesPdf,
  );
};
