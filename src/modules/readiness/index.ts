import "./team-certification.js";

export { readinessExports } from "./readiness.exports.js";
export { evaluationVisibleTo } from "./readiness.queries.js";
export { readinessRoutes } from "./readiness.routes.js";
export { seedReadiness } from "./readiness.seed.js";
export * as readinessService from "./readiness.service.js";
export { searchVisibility } from "./search.queries.js";
export { evaluationTimelineParts } from "./timeline.queries.js";
