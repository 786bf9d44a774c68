import { defineTransitions } from "../../platform/transitions.js";

export const APPLICATION_STATUSES = ["pending", "approved", "refused"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * A participant's application for an event (docs/life-cycles.md): the national point of contact approves it (which
 * nominates the participant) or refuses it; both end it. A refused participant may apply again (a new application).
 */
export const APPLICATION_TRANSITIONS = defineTransitions<ApplicationStatus>(
  "The application",
  { pending: ["approved", "refused"], approved: [], refused: [] },
  "status",
);
