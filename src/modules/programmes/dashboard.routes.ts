import { Type } from "typebox";
import { routeTable } from "../../platform/http/route-table.js";
import { ok } from "../../platform/http/schemas.js";
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

const csvResponse = ok(Type.String({ description: "The CSV file" }));

export const dashboardRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["programmes: dashboards"]);
  route.get(
    "/api/dashboards/nation",
    "A nation's figures: programme planned vs done by area and year, participation by year, goals by status, certifications held, contributions by year (each over the records the caller may see)",
    { query: NationDashboardQuery, response: ok(NationDashboard) },
    (ctx, { query }) => nationDashboard(ctx, query),
  );
  route.export(
    "/api/dashboards/nation/export",
    {
      summary:
        "The table behind one chart of a nation's dashboard as CSV (headers in lang, formulas neutralised)",
      query: NationDashboardExportQuery,
      produces: ["text/csv"],
      response: csvResponse,
    },
    (ctx, { query }) => exportNationChart(ctx, query),
  );
  route.get(
    "/api/dashboards/nations",
    "The same figures for nations side by side (alliance or coordination centre view), over the records the caller may see",
    { query: AllianceDashboardQuery, response: ok(AllianceDashboard) },
    (ctx, { query }) => allianceDashboard(ctx, query),
  );
  route.export(
    "/api/dashboards/nations/export",
    {
      summary:
        "The table behind one chart of the side-by-side dashboard as CSV (headers in lang, formulas neutralised)",
      query: AllianceDashboardExportQuery,
      produces: ["text/csv"],
      response: csvResponse,
    },
    (ctx, { query }) => exportAllianceChart(ctx, query),
  );
};
