import { defineTransitions } from "../../platform/transitions.js";
import type { ACTION_STATUSES, EVALUATION_STATES } from "./readiness.schemas.js";

/** Life cycles of the readiness module (docs/life-cycles.md). */

/**
 * An evaluation is started, or back to planning when its first phase is postponed; it is reported
 * (`POST .../report`, from planned too: answers are taken from its first day) or cancelled; both end it.
 */
export const EVALUATION_TRANSITIONS = defineTransitions<(typeof EVALUATION_STATES)[number]>(
  "The evaluation",
  {
    planned: ["in_progress", "reported", "cancelled"],
    in_progress: ["planned", "reported", "cancelled"],
    reported: [],
    cancelled: [],
  },
  "body.state",
);

/** A follow-up action is worked on, done or cancelled, and reopened when the unit's follow-up finds it is not. */
export const FOLLOW_UP_TRANSITIONS = defineTransitions<(typeof ACTION_STATUSES)[number]>(
  "The follow-up action",
  {
    open: ["in_progress", "done", "cancelled"],
    in_progress: ["open", "done", "cancelled"],
    done: ["open"],
    cancelled: ["open"],
  },
);
