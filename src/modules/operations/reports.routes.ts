import { pdfReportRoute } from "../../platform/http/pdf-route.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { exerciseReportPdf } from "./exercise.report.js";

export const operationsReportsRoutes: RoutesPlugin = async (app) => {
  pdfReportRoute(
    app,
    "/api/exercises/:id/report.pdf",
    ["operations: exercises"],
    "The exercise's report as a PDF: participating nations and contributions, conferences, lessons identified and learned",
    exerciseReportPdf,
  );
};
