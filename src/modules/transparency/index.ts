export type { SignedHead } from "./heads.js";
export { transparencyRoutes } from "./transparency.routes.js";
export { signIfDue, signNow } from "./transparency.service.js";
