export { auditExports } from "./audit.exports.js";
export { type ChainVerdict, verifyAuditChain } from "./audit.queries.js";
export { auditRoutes } from "./audit.routes.js";
