import { defineTransitions } from "../../platform/transitions.js";
import type { ACTION_STATUSES, GOAL_STATUSES, PROGRAMME_STATUSES } from "./programmes.schemas.js";

/** Life cycles of the programmes module (docs/life-cycles.md). */

/** A plan's action: started, done, deferred or cancelled; a deferred one is taken up again; done and cancelled end. */
export const PLAN_ACTION_TRANSITIONS = defineTransitions<(typeof ACTION_STATUSES)[number]>("The action", {
  planned: ["in_progress", "done", "deferred", "cancelled"],
  in_progress: ["done", "deferred", "cancelled"],
  deferred: ["planned", "in_progress", "cancelled"],
  done: [],
  cancelled: [],
});

/** The partner submits its programme; alliance staff agree it or return it to draft; an agreed one is closed. */
export const PROGRAMME_TRANSITIONS = defineTransitions<(typeof PROGRAMME_STATUSES)[number]>(
  "The annual programme",
  {
    draft: ["submitted"],
    submitted: ["draft", "agreed"],
    agreed: ["closed"],
    closed: [],
  },
);

/**
 * A proposed goal is agreed (or dropped), worked on, achieved, deferred or cancelled. `proposed → agreed` is taken
 * by both sides' agreement (goals.service.ts agreeGoal), never by a status change.
 */
export const GOAL_TRANSITIONS = defineTransitions<(typeof GOAL_STATUSES)[number]>("The partnership goal", {
  proposed: ["agreed", "cancelled"],
  agreed: ["in_progress", "achieved", "deferred", "cancelled"],
  in_progress: ["achieved", "deferred", "cancelled"],
  deferred: ["in_progress", "cancelled"],
  achieved: [],
  cancelled: [],
});
