import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { Decision, DecisionQuery, MeetingSeries, SeriesInput, SeriesQuery } from "./meetings.schemas.js";
import * as service from "./series.service.js";

/** Meeting series and the decisions taken in them. */
export const seriesRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- series
  const series = routeTable(app, ["meetings: series"]);
  series.get(
    "/api/meeting-series",
    "Meeting series the caller may see",
    { query: SeriesQuery, response: ok(Page(MeetingSeries)) },
    (ctx, { query }) => service.listSeries(ctx, query),
  );
  series.get(
    "/api/meeting-series/:id",
    { params: IdParams, response: ok(MeetingSeries) },
    (ctx, { params }) => service.getSeries(ctx, params.id),
  );
  series.post(
    "/api/meeting-series",
    { body: SeriesInput, response: created(MeetingSeries) },
    (ctx, { body }) => service.createSeries(ctx, body),
  );
  series.get(
    "/api/meeting-series/:id/decisions",
    "Decisions of a series, in meeting and decision order",
    { params: IdParams, query: DecisionQuery, response: ok(Page(Decision)) },
    (ctx, { params, query }) => service.listSeriesDecisions(ctx, params.id, query),
  );
};
