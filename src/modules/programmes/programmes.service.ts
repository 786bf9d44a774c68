/**
 * Programmes' rules, one file per area; routes, exports and reports take them from here. The order is that of the
 * planning cycle: framework documents, plans with their periods and objectives, annual programmes, goals.
 */
export * from "./annual-programmes.service.js";
export * from "./frameworks.service.js";
export * from "./goals.service.js";
export * from "./objectives.service.js";
export * from "./plans.service.js";
