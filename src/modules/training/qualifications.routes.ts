import { routeTable } from "../../platform/http/route-table.js";
import { created, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  QualificationInput,
  QualificationOutput,
  QualificationParams,
  QualificationPatch,
} from "./qualifications.schemas.js";
import { createQualification, updateQualification } from "./qualifications.service.js";

/** Qualifications a course confers: defined and edited by course staff (the list is with the registry routes). */
export const qualificationRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["training: registry"]);
  route
    .records("/api/training/qualifications")
    .create(
      "Define a qualification (unique code, names, validity in years)",
      { body: QualificationInput, response: created(QualificationOutput) },
      createQualification,
    );
  route.patch(
    "/api/training/qualifications/:code",
    "Rename a qualification or change its validity; certificates already issued keep their dates",
    { params: QualificationParams, body: QualificationPatch, response: ok(QualificationOutput) },
    (ctx, { params, body }) => updateQualification(ctx, params.code, body),
  );
};
