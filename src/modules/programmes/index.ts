import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { annualProgrammesRoutes } from "./annual-programmes.routes.js";
import { dashboardRoutes } from "./dashboard.routes.js";
import { frameworksRoutes } from "./frameworks.routes.js";
import { goalsRoutes } from "./goals.routes.js";
import { plansRoutes } from "./plans.routes.js";
import { programmeBulkRoutes } from "./programme-bulk.routes.js";
import { timelineRoutes } from "./timeline.routes.js";

/** The module's route plugins in the order their routes appear in the API document. */
export const programmesRoutes: RoutesPlugin = async (app, options) => {
  await frameworksRoutes(app, options);
  await plansRoutes(app, options);
  await annualProgrammesRoutes(app, options);
  await goalsRoutes(app, options);
  await programmeBulkRoutes(app, options);
  await timelineRoutes(app, options);
  await dashboardRoutes(app, options);
};
export { seedProgrammeAgreement } from "./agreement.seed.js";
export { goalsImporter } from "./goals-import.js";
export { programmeItemsImporter } from "./programme-items-import.js";
export { programmesExports } from "./programmes.exports.js";
export { seedProgrammes } from "./programmes.seed.js";
export { searchVisibility } from "./search.queries.js";
