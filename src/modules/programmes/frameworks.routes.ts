import { Type } from "typebox";
import { sendFile, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
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
  frameworks.get(
    "/api/frameworks",
    { query: FrameworkQuery, response: ok(Page(FrameworkDocument)) },
    (ctx, { query }) => service.listFrameworks(ctx, query),
  );
  frameworks.get(
    "/api/frameworks/:id",
    { params: IdParams, response: ok(FrameworkDocument) },
    (ctx, { params }) => service.getFramework(ctx, params.id),
  );
  frameworks.post(
    "/api/frameworks",
    { body: FrameworkInput, response: created(FrameworkDocument) },
    (ctx, { body }) => service.createFramework(ctx, body),
  );
  frameworks.patch(
    "/api/frameworks/:id",
    { params: IdParams, body: FrameworkPatch, response: ok(FrameworkDocument) },
    (ctx, { params, body }) => service.updateFramework(ctx, params.id, body),
  );
  app.post(
    "/api/frameworks/:id/files",
    {
      schema: {
        tags: frameworks.tags,
        summary:
          "Attach a file (multipart/form-data, one part named file): PDF, image, office document or text",
        params: IdParams,
        response: created(FrameworkDocument),
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      return reply
        .status(201)
        .send(await service.attachFrameworkFile(ctx, request.params.id, uploadFrom(request)));
    },
  );
  app.get(
    "/api/frameworks/:id/files/:fileId",
    { schema: { tags: frameworks.tags, params: ChildParams("fileId"), response: ok(Binary) } },
    async (request, reply) => {
      const params = request.params as { id: string; fileId: string };
      const ctx = ctxOf(request);
      return sendFile(reply, await service.frameworkFile(ctx, params.id, params.fileId));
    },
  );
};
