export type { SignedHead } from "./heads.js";
export { pushHead, signAndPublish, signingCron } from "./publish.js";
export { transparencyRoutes } from "./transparency.routes.js";
export { signIfDue, signNow } from "./transparency.service.js";
