import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
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
  const rotations = operations.children("/api/contingents/:id/rotations", "rotationId");
  rotations.add(
    {
      summary: "Add a rotation with its strength by category; rotations of one slot never overlap",
      body: RotationInput,
      response: created(ContingentDetail),
    },
    service.addRotation,
  );
  rotations.update({ body: RotationPatch, response: ok(ContingentDetail) }, service.updateRotation);
  rotations.remove({ response: ok(ContingentDetail) }, service.removeRotation);
};
