import { routeTable } from "../../platform/http/route-table.js";
import { created, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./decisions.service.js";
import { Decision, DecisionInput, DecisionPatch } from "./meetings.schemas.js";

/** Decisions of a meeting. */
export const decisionRoutes: RoutesPlugin = async (app) => {
  const meetings = routeTable(app, ["meetings: meetings"]);
  meetings.records("/api/meetings").post(
    "decisions",
    {
      summary: "Record a decision; its number is the next at this meeting (reference e.g. XII/3)",
      body: DecisionInput,
      response: created(Decision),
    },
    service.createDecision,
  );
  meetings
    .records("/api/decisions")
    .update(
      "Change a decision's title or add and update its language versions",
      { body: DecisionPatch, response: ok(Decision) },
      service.updateDecision,
    );
};
