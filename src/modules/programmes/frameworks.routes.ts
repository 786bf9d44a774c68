import { Type } from "typebox";
import { uploadFrom } from "../../platform/http/files.js";
import { routeTable } from "../../platform/http/route-table.js";
import { ChildParams, created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./frameworks.service.js";
import { Binary } from "./programmes.http.js";
import {
  FrameworkDocument,
  FrameworkInput,
  FrameworkPatch,
  FrameworkQuery,
  PlanKind,
} from "./programmes.schemas.js";

/** Plan kinds and framework documents with their files. */
export const frameworksRoutes: RoutesPlugin = async (app) => {
  const frameworks = routeTable(app, ["programmes: frameworks"]);
  const plans = routeTable(app, ["programmes: plans"]);
  plans.get("/api/plan-kinds", { response: ok(Type.Array(PlanKind)) }, (ctx) => service.listPlanKinds(ctx));

  // ---------------------------------------------------------------- framework documents
  const framework = frameworks.records("/api/frameworks");
  framework.list({ query: FrameworkQuery, response: ok(Page(FrameworkDocument)) }, service.listFrameworks);
  framework.get({ response: ok(FrameworkDocument) }, service.getFramework);
  framework.create({ body: FrameworkInput, response: created(FrameworkDocument) }, service.createFramework);
  framework.update({ body: FrameworkPatch, response: ok(FrameworkDocument) }, service.updateFramework);
  frameworks.post(
    "/api/frameworks/:id/files",
    "Attach a file (multipart/form-data, one part named file): PDF, image, office document or text",
    { params: IdParams, response: created(FrameworkDocument) },
    (ctx, { params }, request) => service.attachFrameworkFile(ctx, params.id, uploadFrom(request)),
  );
  frameworks.file(
    "/api/frameworks/:id/files/:fileId",
    { params: ChildParams("fileId"), response: ok(Binary) },
    (ctx, { params }) => service.frameworkFile(ctx, params.id, params.fileId),
  );
};
