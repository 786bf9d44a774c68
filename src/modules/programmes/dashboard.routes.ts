import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import { sendExport } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
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
  sendExport(reply, file, file.data);

const csvResponse = { 200: Type.String({ description: "The CSV file" }), ...errorResponses };

export const dashboardRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["programmes: dashboards"]);
  route.get(
    "/api/dashboards/nation",
    "A nation's figures: programme planned vs done by area and year, participation by year, goals by status, certifications held, contributions by year (each over the records the caller may see)",
    { query: NationDashboardQuery, response: ok(NationDashboard) },
    (ctx, { query }) => nationDashboard(ctx, query),
  );
  app.get(
    "/api/dashboards/nation/export",
    {
      schema: {
        tags: route.tags,
        summary:
          "The table behind one chart of a nation's dashboard as CSV (headers in lang, formulas neutralised)",
        querystring: NationDashboardExportQuery,
        produces: ["text/csv"],
        response: csvResponse,
      },
    },
    async (request, reply) => sendCsv(reply, await exportNationChart(ctxOf(request), request.query)),
  );
  route.get(
    "/api/dashboards/nations",
    "The same figures for nations side by side (alliance or coordination centre view), over the records the caller may see",
    { query: AllianceDashboardQuery, response: ok(AllianceDashboard) },
    (ctx, { query }) => allianceDashboard(ctx, query),
  );
  app.get(
    "/api/dashboards/nations/export",
    {
      schema: {
        tags: route.tags,
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
