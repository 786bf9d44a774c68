/**
 * Training's rules, one file per area; routes and the seed take them from here. The order is that of a course's
 * life: defined, run, certified, registered.
 */
export * from "./certificates.service.js";
export * from "./courses.service.js";
export * from "./registry.service.js";
export * from "./runs.service.js";
export { today } from "./training.values.js";
