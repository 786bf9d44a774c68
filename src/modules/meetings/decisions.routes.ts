import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./decisions.service.js";
import { Decision, DecisionInput, DecisionPatch } from "./meetings.schemas.js";

/** Decisions of a meeting. */
export const decisionRoutes: RoutesPlugin = async (app) => {
  const meetings = routeTable(app, ["meetings: meetings"]);
  meetings.post(
    "/api/meetings/:id/decisions",
    "Record a decision; its number is the next at this meeting (reference e.g. XII/3)",
    { params: IdParams, body: DecisionInput, response: created(Decision) },
    (ctx, { params, body }) => service.createDecision(ctx, params.id, body),
  );
  meetings.patch(
    "/api/decisions/:id",
    "Change a decision's title or add and update its language versions",
    { params: IdParams, body: DecisionPatch, response: ok(Decision) },
    (ctx, { params, body }) => service.updateDecision(ctx, params.id, body),
  );
};
