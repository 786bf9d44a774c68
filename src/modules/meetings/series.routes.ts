import { ctxOf } from "../../platform/http/request-context.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { DecisionListQuery } from "./meetings.http.js";
import { Decision, MeetingSeries, SeriesInput, SeriesQuery } from "./meetings.schemas.js";
import * as service from "./series.service.js";

/** Meeting series and the decisions taken in them. */
export const seriesRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- series
  const series = ["meetings: series"];
  app.get(
    "/api/meeting-series",
    {
      schema: {
        tags: series,
        summary: "Meeting series the caller may see",
        querystring: SeriesQuery,
        response: ok(Page(MeetingSeries)),
      },
    },
    async (request) => service.listSeries(ctxOf(request), request.query),
  );
  app.get(
    "/api/meeting-series/:id",
    { schema: { tags: series, params: IdParams, response: ok(MeetingSeries) } },
    async (request) => service.getSeries(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/meeting-series",
    { schema: { tags: series, body: SeriesInput, response: created(MeetingSeries) } },
    async (request, reply) =>
      reply.status(201).send(await service.createSeries(ctxOf(request), request.body)),
  );
  app.get(
    "/api/meeting-series/:id/decisions",
    {
      schema: {
        tags: series,
        summary: "Decisions of a series, in meeting and decision order",
        params: IdParams,
        querystring: DecisionListQuery,
        response: ok(Page(Decision)),
      },
    },
    async (request) => service.listSeriesDecisions(ctxOf(request), request.params.id, request.query),
  );
};
