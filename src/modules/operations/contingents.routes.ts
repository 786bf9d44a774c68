import { routeTable } from "../../platform/http/route-table.js";
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
  const operations = routeTable(app, ["operations: operations and contingents"]);
  operations.get(
    "/api/contingents",
    "National contingents the caller may see",
    { query: ContingentQuery, response: ok(Page(Contingent)) },
    (ctx, { query }) => service.listContingents(ctx, query),
  );
  operations.get(
    "/api/contingents/strength",
    "Strength over time of the contingents the caller may see, by category",
    { query: StrengthQuery, response: ok(StrengthSeries) },
    (ctx, { query }) => service.strengthOverTime(ctx, query),
  );
  operations.get(
    "/api/contingents/:id",
    { params: IdParams, response: ok(ContingentDetail) },
    (ctx, { params }) => service.getContingent(ctx, params.id),
  );
  operations.post(
    "/api/contingents",
    { body: ContingentInput, response: created(ContingentDetail) },
    (ctx, { body }) => service.createContingent(ctx, body),
  );
  operations.patch(
    "/api/contingents/:id",
    { params: IdParams, body: ContingentPatch, response: ok(ContingentDetail) },
    (ctx, { params, body }) => service.updateContingent(ctx, params.id, body),
  );
  operations.post(
    "/api/contingents/:id/rotations",
    "Add a rotation with its strength by category; rotations of one slot never overlap",
    { params: IdParams, body: RotationInput, response: created(ContingentDetail) },
    (ctx, { params, body }) => service.addRotation(ctx, params.id, body),
  );
  operations.patch(
    "/api/contingents/:id/rotations/:rotationId",
    { params: ChildParams("rotationId"), body: RotationPatch, response: ok(ContingentDetail) },
    (ctx, { params, body }) => service.updateRotation(ctx, params.id, params.rotationId, body),
  );
  operations.delete(
    "/api/contingents/:id/rotations/:rotationId",
    { params: ChildParams("rotationId"), response: ok(ContingentDetail) },
    (ctx, { params }) => service.removeRotation(ctx, params.id, params.rotationId),
  );
};
