import { routeTable } from "../../platform/http/route-table.js";
import { created, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { Operation, OperationInput, OperationPatch, OperationQuery } from "./operations.schemas.js";
import * as service from "./operations.service.js";

/** Operations. */
export const operationRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- operations and contingents
  const operations = routeTable(app, ["operations: operations and contingents"]);
  const operation = operations.records("/api/operations");
  operation.list({ query: OperationQuery, response: ok(Page(Operation)) }, service.listOperations);
  operation.get({ response: ok(Operation) }, service.getOperation);
  operation.create({ body: OperationInput, response: created(Operation) }, service.createOperation);
  operation.update({ body: OperationPatch, response: ok(Operation) }, service.updateOperation);
};
