import { routeTable } from "../../platform/http/route-table.js";
import { ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { SearchQuery, SearchResult } from "./search.schemas.js";
import * as service from "./search.service.js";

/** The global search. */
export const searchRoutes: RoutesPlugin = async (app) => {
  routeTable(app, ["search: across every kind of record"]).get(
    "/api/search",
    { query: SearchQuery, response: ok(SearchResult) },
    (ctx, { query }) => service.search(ctx, query),
  );
};
