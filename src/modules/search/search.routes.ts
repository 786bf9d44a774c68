import { ctxOf } from "../../platform/http/request-context.js";
import { ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { SearchQuery, SearchResult } from "./search.schemas.js";
import * as service from "./search.service.js";

/** The global search. */
export const searchRoutes: RoutesPlugin = async (app) => {
  app.get(
    "/api/search",
    {
      schema: {
        tags: ["search: across every kind of record"],
        querystring: SearchQuery,
        response: ok(SearchResult),
      },
    },
    async (request) => service.search(ctxOf(request), request.query),
  );
};
