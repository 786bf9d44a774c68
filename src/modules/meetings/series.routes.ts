import { routeTable } from "../../platform/http/route-table.js";
import { created, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { Decision, DecisionQuery, MeetingSeries, SeriesInput, SeriesQuery } from "./meetings.schemas.js";
import * as service from "./series.service.js";

/** Meeting series and the decisions taken in them. */
export const seriesRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- series
  const series = routeTable(app, ["meetings: series"]).records("/api/meeting-series");
  series.list(
    "Meeting series the caller may see",
    { query: SeriesQuery, response: ok(Page(MeetingSeries)) },
    service.listSeries,
  );
  series.get({ response: ok(MeetingSeries) }, service.getSeries);
  series.create({ body: SeriesInput, response: created(MeetingSeries) }, service.createSeries);
  series.read(
    "decisions",
    {
      summary: "Decisions of a series, in meeting and decision order",
      query: DecisionQuery,
      response: ok(Page(Decision)),
    },
    service.listSeriesDecisions,
  );
};
