import { Type } from "typebox";
import { routeTable } from "../../platform/http/route-table.js";
import { ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { Timeline, TimelineExportQuery, TimelineQuery } from "./timeline.schemas.js";
import { exportTimeline, getTimeline } from "./timeline.service.js";

export const timelineRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["programmes: timeline"]);
  route.get(
    "/api/partnership-timeline",
    "Every dated record of a nation's partnership (milestones, frameworks, plan periods, programmes, goals, deployments, exercises, events and courses attended, certificates, accreditation, evaluations, contributions, meetings, decisions, action items, exchange messages), each kind under its owner's read rule",
    { query: TimelineQuery, response: ok(Timeline) },
    (ctx, { query }) => getTimeline(ctx, query),
  );
  route.export(
    "/api/partnership-timeline/export",
    {
      summary:
        "The timeline for the same filters as CSV (UTF-8 with BOM, headers in lang, formulas neutralised)",
      query: TimelineExportQuery,
      produces: ["text/csv"],
      response: ok(Type.String({ description: "The CSV file" })),
    },
    (ctx, { query }) => exportTimeline(ctx, query),
  );
};
