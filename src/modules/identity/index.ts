export { viewerForUser, viewerForUsername } from "../../platform/access/viewer.queries.js";
export { identityRoutes } from "./identity.routes.js";
export { hashPassword, passwordWeakness } from "./passwords.js";
