import { Type } from "typebox";
import { sendFile, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
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
  const frameworks = ["programmes: frameworks"];
  const plans = ["programmes: plans"];
  app.get(
    "/api/plan-kinds",
    { schema: { tags: plans, response: ok(Type.Array(PlanKind)) } },
    async (request) => service.listPlanKinds(ctxOf(request)),
  );

  // ---------------------------------------------------------------- framework documents
  app.get(
    "/api/frameworks",
    { schema: { tags: frameworks, querystring: FrameworkQuery, response: ok(Page(FrameworkDocument)) } },
    async (request) => service.listFrameworks(ctxOf(request), request.query),
  );
  app.get(
    "/api/frameworks/:id",
    { schema: { tags: frameworks, params: IdParams, response: ok(FrameworkDocument) } },
    async (request) => service.getFramework(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/frameworks",
    { schema: { tags: frameworks, body: FrameworkInput, response: created(FrameworkDocument) } },
    async (request, reply) =>
      reply.status(201).send(await service.createFramework(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/frameworks/:id",
    { schema: { tags: frameworks, params: IdParams, body: FrameworkPatch, response: ok(FrameworkDocument) } },
    async (request) => service.updateFramework(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/frameworks/:id/files",
    {
      schema: {
        tags: frameworks,
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
    { schema: { tags: frameworks, params: ChildParams("fileId"), response: ok(Binary) } },
    async (request, reply) => {
      const params = request.params as { id: string; fileId: string };
      const ctx = ctxOf(request);
      return sendFile(reply, await service.frameworkFile(ctx, params.id, params.fileId));
    },
  );
};
