import { defineTransitions } from "../../platform/transitions.js";
import type { ACTION_STATUSES, MEETING_STATUSES } from "./meetings.schemas.js";

/** Life cycles of the meetings module (docs/life-cycles.md). */

/** A planned meeting is held or cancelled; a cancelled one may be planned again; a held one stays held. */
export const MEETING_TRANSITIONS = defineTransitions<(typeof MEETING_STATUSES)[number]>("The meeting", {
  planned: ["held", "cancelled"],
  held: [],
  cancelled: ["planned"],
});

/** An item is worked on and closed (done or cancelled); a closed item can only be reopened. */
export const ACTION_ITEM_TRANSITIONS = defineTransitions<(typeof ACTION_STATUSES)[number]>(
  "The action item",
  {
    open: ["in_progress", "done", "cancelled"],
    in_progress: ["open", "done", "cancelled"],
    done: ["open"],
    cancelled: ["open"],
  },
);
