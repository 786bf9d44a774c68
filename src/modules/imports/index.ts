export * as exportsService from "./exports.service.js";
export { importsRoutes } from "./imports.routes.js";
export * as importsService from "./imports.service.js";
