export { type ChainVerdict, verifyAuditChain } from "./audit.queries.js";
export { auditRoutes } from "./audit.routes.js";
