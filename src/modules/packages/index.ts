export { packagesRoutes } from "./packages.routes.js";
export * as packagesService from "./packages.service.js";
