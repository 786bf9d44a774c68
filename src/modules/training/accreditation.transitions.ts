import { defineTransitions } from "../../platform/transitions.js";

/** Life cycle of an accreditation application (docs/life-cycles.md). */

export type ApplicationState =
  | "draft"
  | "self_assessment"
  | "submitted"
  | "visit_planned"
  | "visited"
  | "decided";

/**
 * The centre assesses itself and submits; the reviewer plans the visit (and may re-plan it: the same state), records
 * it and decides. Each step has its own route, so the requested state is the route's, named as `state`.
 */
export const APPLICATION_TRANSITIONS = defineTransitions<ApplicationState>(
  "The application",
  {
    draft: ["self_assessment"],
    self_assessment: ["submitted"],
    submitted: ["visit_planned"],
    visit_planned: ["visited"],
    visited: ["decided"],
    decided: [],
  },
  "state",
);

/** The steps (routes) and who takes them: the centre edits, the reviewer reviews. */
export const APPLICATION_STEPS = {
  start: { to: "self_assessment", who: "edit" },
  submit: { to: "submitted", who: "edit" },
  plan_visit: { to: "visit_planned", who: "review" },
  record_visit: { to: "visited", who: "review" },
  decide: { to: "decided", who: "review" },
} as const satisfies Record<string, { to: ApplicationState; who: "edit" | "review" }>;
export type ApplicationStep = keyof typeof APPLICATION_STEPS;

/** Planning the visit again while it is planned is a re-plan, not a refused repeat. */
export const stepAllowed = (step: ApplicationStep, from: string) =>
  (step === "plan_visit" && from === "visit_planned") ||
  (from !== APPLICATION_STEPS[step].to &&
    (APPLICATION_TRANSITIONS.table as Record<string, readonly string[]>)[from]?.includes(
      APPLICATION_STEPS[step].to,
    ));

/** A finding, recommendation or condition of the review is tracked to closure (`POST .../findings/{id}/close`). */
export const FINDING_TRANSITIONS = defineTransitions<"open" | "closed">(
  "The finding",
  { open: ["closed"], closed: [] },
  "status",
);
