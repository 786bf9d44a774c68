export { identityRoutes } from "./identity.routes.js";
export { hashPassword } from "./passwords.js";
export { viewerForUser } from "./viewer.queries.js";
