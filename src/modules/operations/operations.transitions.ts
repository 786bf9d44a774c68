import { defineTransitions } from "../../platform/transitions.js";
import type { EXERCISE_STATUSES, LESSON_STATUSES } from "./operations.schemas.js";

/** Life cycles of the operations module (docs/life-cycles.md). */

/** concept → planning → conduct → completed; a step back while not yet completed; cancelled before completion. */
export const EXERCISE_TRANSITIONS = defineTransitions<(typeof EXERCISE_STATUSES)[number]>("The exercise", {
  concept: ["planning", "cancelled"],
  planning: ["concept", "conduct", "cancelled"],
  conduct: ["planning", "completed", "cancelled"],
  completed: [],
  cancelled: [],
});

/** identified → analysed → learned → closed; identified or analysed may be rejected, analysed sent back. */
export const LESSON_TRANSITIONS = defineTransitions<(typeof LESSON_STATUSES)[number]>(
  "The lesson",
  {
    identified: ["analysed", "rejected"],
    analysed: ["learned", "rejected", "identified"],
    learned: ["closed"],
    closed: [],
    rejected: [],
  },
  "body.to",
);
