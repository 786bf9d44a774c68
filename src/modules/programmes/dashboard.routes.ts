import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  AllianceDashboard,
  AllianceDashboardExportQuery,
  AllianceDashboardQuery,
  NationDashboard,
  NationDashboardExportQuery,
  NationDashboardQuery,
} from "./dashboard.schemas.js";
import { allianceDashboard, nationDashboard } from "./dashboard.service.js";
import { exportAllianceChart, exportNationChart } from "./dashboard-export.js";

const sendCsv = (reply: FastifyReply, file: { data: Buffer; contentType: string; filename: string }) =>
  reply
    .type(file.contentType)
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("cache-control", "no-store")
    .header("x-content-type-options", "nosniff")
    .send(file.data);

const csvResponse = { 200: Type.String({ description: "The CSV file" }), ...errorResponses };

export const dashboardRoutes: RoutesPlugin = async (app) => {
  const tags = ["programmes: dashboards"];
  app.get(
    "/api/dashboards/nation",
    {
      schema: {
        tags,
        summary:
          "A nation's figures: programme planned vs done by area and year, participation by year, goals by status, certifications held, contributions by year (each over the records the caller may see)",
        querystring: NationDashboardQuery,
        response: ok(NationDashboard),
      },
    },
    async (request) => nationDashboard(ctxOf(request), request.query),
  );
  app.get(
    "/api/dashboards/nation/export",
    {
      schema: {
        tags,
        summary:
          "The table behind one chart of a nation's dashboard as CSV (headers in lang, formulas neutralised)",
        querystring: NationDashboardExportQuery,
        produces: ["text/csv"],
        response: csvResponse,
      },
    },
    async (request, reply) => sendCsv(reply, await exportNationChart(ctxOf(request), request.query)),
  );
  app.get(
    "/api/dashboards/nations",
    {
      schema: {
        tags,
        summary:
          "The same figures for nations side by side (alliance or coordination centre view), over the records the caller may see",
        querystring: AllianceDashboardQuery,
        response: ok(AllianceDashboard),
      },
    },
    async (request) => allianceDashboard(ctxOf(request), request.query),
  );
  app.get(
    "/api/dashboards/nations/export",
    {
      schema: {
        tags,
        summary:
          "The table behind one chart of the side-by-side dashboard as CSV (headers in lang, formulas neutralised)",
        querystring: AllianceDashboardExportQuery,
        produces: ["text/csv"],
        response: csvResponse,
      },
    },
    async (request, reply) => sendCsv(reply, await exportAllianceChart(ctxOf(request), request.query)),
  );
};
