/**
 * Readiness's rules, one file per area; routes, the seed and other modules take them from here, in the order of an
 * evaluation's life: the unit, the checklist, the evaluation and its team, the results.
 */
export * from "./checklists.service.js";
export * from "./evaluations.service.js";
export * from "./results.service.js";
export * from "./units.service.js";
