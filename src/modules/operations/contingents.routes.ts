import { ctxOf } from "../../platform/http/request-context.js";
import { ChildParams, created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./contingents.service.js";
import {
  Contingent,
  ContingentDetail,
  ContingentInput,
  ContingentPatch,
  ContingentQuery,
  RotationInput,
  RotationPatch,
  StrengthQuery,
  StrengthSeries,
} from "./operations.schemas.js";

/** National contingents, their rotations and strength over time. */
export const contingentRoutes: RoutesPlugin = async (app) => {
  const operations = ["operations: operations and contingents"];
  app.get(
    "/api/contingents",
    {
      schema: {
        tags: operations,
        summary: "National contingents the caller may see",
        querystring: ContingentQuery,
        response: ok(Page(Contingent)),
      },
    },
    async (request) => service.listContingents(ctxOf(request), request.query),
  );
  app.get(
    "/api/contingents/strength",
    {
      schema: {
        tags: operations,
        summary: "Strength over time of the contingents the caller may see, by category",
        querystring: StrengthQuery,
        response: ok(StrengthSeries),
      },
    },
    async (request) => service.strengthOverTime(ctxOf(request), request.query),
  );
  app.get(
    "/api/contingents/:id",
    { schema: { tags: operations, params: IdParams, response: ok(ContingentDetail) } },
    async (request) => service.getContingent(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/contingents",
    { schema: { tags: operations, body: ContingentInput, response: created(ContingentDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.createContingent(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/contingents/:id",
    { schema: { tags: operations, params: IdParams, body: ContingentPatch, response: ok(ContingentDetail) } },
    async (request) => service.updateContingent(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/contingents/:id/rotations",
    {
      schema: {
        tags: operations,
        summary: "Add a rotation with its strength by category; rotations of one slot never overlap",
        params: IdParams,
        body: RotationInput,
        response: created(ContingentDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addRotation(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/contingents/:id/rotations/:rotationId",
    {
      schema: {
        tags: operations,
        params: ChildParams("rotationId"),
        body: RotationPatch,
        response: ok(ContingentDetail),
      },
    },
    async (request) =>
      service.updateRotation(ctxOf(request), request.params.id, request.params.rotationId, request.body),
  );
  app.delete(
    "/api/contingents/:id/rotations/:rotationId",
    { schema: { tags: operations, params: ChildParams("rotationId"), response: ok(ContingentDetail) } },
    async (request) => service.removeRotation(ctxOf(request), request.params.id, request.params.rotationId),
  );
};
