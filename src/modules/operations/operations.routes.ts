import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { Operation, OperationInput, OperationPatch, OperationQuery } from "./operations.schemas.js";
import * as service from "./operations.service.js";

/** Operations. */
export const operationRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- operations and contingents
  const operations = routeTable(app, ["operations: operations and contingents"]);
  operations.get(
    "/api/operations",
    { query: OperationQuery, response: ok(Page(Operation)) },
    (ctx, { query }) => service.listOperations(ctx, query),
  );
  operations.get("/api/operations/:id", { params: IdParams, response: ok(Operation) }, (ctx, { params }) =>
    service.getOperation(ctx, params.id),
  );
  operations.post(
    "/api/operations",
    { body: OperationInput, response: created(Operation) },
    (ctx, { body }) => service.createOperation(ctx, body),
  );
  operations.patch(
    "/api/operations/:id",
    { params: IdParams, body: OperationPatch, response: ok(Operation) },
    (ctx, { params, body }) => service.updateOperation(ctx, params.id, body),
  );
};
