import { routeTable } from "../../platform/http/route-table.js";
import { created, ok, Page } from "../../platform/http/schemas.js";
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
  const contingent = operations.records("/api/contingents");
  contingent.list(
    "National contingents the caller may see",
    { query: ContingentQuery, response: ok(Page(Contingent)) },
    service.listContingents,
  );
  operations.get(
    "/api/contingents/strength",
    "Strength over time of the contingents the caller may see, by category",
    { query: StrengthQuery, response: ok(StrengthSeries) },
    (ctx, { query }) => service.strengthOverTime(ctx, query),
  );
  contingent.get({ response: ok(ContingentDetail) }, service.getContingent);
  contingent.create({ body: ContingentInput, response: created(ContingentDetail) }, service.createContingent);
  contingent.update({ body: ContingentPatch, response: ok(ContingentDetail) }, service.updateContingent);
  const rotations = operations.children("/api/contingents/:id/rotations", "rotationId");
  rotations.add(
    "Add a rotation with its strength by category; rotations of one slot never overlap",
    { body: RotationInput, response: created(ContingentDetail) },
    service.addRotation,
  );
  rotations.update({ body: RotationPatch, response: ok(ContingentDetail) }, service.updateRotation);
  rotations.remove({ response: ok(ContingentDetail) }, service.removeRotation);
};
