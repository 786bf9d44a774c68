export { type ChainVerdict, verifyAuditChain } from "./audit.queries.js";
