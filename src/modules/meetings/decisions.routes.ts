import { ctxOf } from "../../platform/http/request-context.js";
import { created, IdParams, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./decisions.service.js";
import { Decision, DecisionInput, DecisionPatch } from "./meetings.schemas.js";

/** Decisions of a meeting. */
export const decisionRoutes: RoutesPlugin = async (app) => {
  const meetings = ["meetings: meetings"];
  app.post(
    "/api/meetings/:id/decisions",
    {
      schema: {
        tags: meetings,
        summary: "Record a decision; its number is the next at this meeting (reference e.g. XII/3)",
        params: IdParams,
        body: DecisionInput,
        response: created(Decision),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createDecision(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/decisions/:id",
    {
      schema: {
        tags: meetings,
        summary: "Change a decision's title or add and update its language versions",
        params: IdParams,
        body: DecisionPatch,
        response: ok(Decision),
      },
    },
    async (request) => service.updateDecision(ctxOf(request), request.params.id, request.body),
  );
};
