import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { dashboardRoutes } from "./dashboard.routes.js";
import { programmeBulkRoutes } from "./programme-bulk.routes.js";
import { programmesRoutes as coreRoutes } from "./programmes.routes.js";
import { timelineRoutes } from "./timeline.routes.js";

/** The module's route plugins in the order their routes appear in the API document. */
export const programmesRoutes: RoutesPlugin = async (app, options) => {
  await coreRoutes(app, options);
  await programmeBulkRoutes(app, options);
  await timelineRoutes(app, options);
  await dashboardRoutes(app, options);
};
export { programmesExports } from "./programmes.exports.js";
export { seedProgrammes } from "./programmes.seed.js";
export { searchVisibility } from "./search.queries.js";
