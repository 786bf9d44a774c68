export { operationsRoutes } from "./operations.routes.js";
export { seedOperations } from "./operations.seed.js";
