import { ctxOf } from "../../platform/http/request-context.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { Operation, OperationInput, OperationPatch, OperationQuery } from "./operations.schemas.js";
import * as service from "./operations.service.js";

/** Operations. */
export const operationRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- operations and contingents
  const operations = ["operations: operations and contingents"];
  app.get(
    "/api/operations",
    { schema: { tags: operations, querystring: OperationQuery, response: ok(Page(Operation)) } },
    async (request) => service.listOperations(ctxOf(request), request.query),
  );
  app.get(
    "/api/operations/:id",
    { schema: { tags: operations, params: IdParams, response: ok(Operation) } },
    async (request) => service.getOperation(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/operations",
    { schema: { tags: operations, body: OperationInput, response: created(Operation) } },
    async (request, reply) =>
      reply.status(201).send(await service.createOperation(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/operations/:id",
    { schema: { tags: operations, params: IdParams, body: OperationPatch, response: ok(Operation) } },
    async (request) => service.updateOperation(ctxOf(request), request.params.id, request.body),
  );
};
