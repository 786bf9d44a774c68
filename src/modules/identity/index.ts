export { identityRoutes } from "./identity.routes.js";
export { hashPassword, passwordWeakness } from "./passwords.js";
export { viewerForUser, viewerForUsername } from "./viewer.queries.js";
