export { programmesRoutes } from "./programmes.routes.js";
export { seedProgrammes } from "./programmes.seed.js";
