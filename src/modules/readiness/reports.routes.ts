import { pdfReportRoute } from "../../platform/http/pdf-route.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { evaluationReportPdf } from "./evaluation.report.js";

export const readinessReportsRoutes: RoutesPlugin = async (app) => {
  pdfReportRoute(
    app,
    "/api/readiness/evaluations/:id/report.pdf",
    ["readiness: evaluations"],
    "The evaluation's report as a PDF: outcome, results by area, findings, recommendations, follow-up actions",
    evaluationReportPdf,
  );
};
