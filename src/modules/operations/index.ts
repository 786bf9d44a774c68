import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { contingentRoutes } from "./contingents.routes.js";
import { contributionRoutes } from "./contributions.routes.js";
import { exerciseRoutes } from "./exercises.routes.js";
import { lessonRoutes } from "./lessons.routes.js";
import { operationRoutes } from "./operations.routes.js";
import { operationsReportsRoutes } from "./reports.routes.js";

/** The module's route plugins, one per area, in the order their routes appear in the API document. */
const areas: RoutesPlugin[] = [
  exerciseRoutes,
  operationsReportsRoutes,
  lessonRoutes,
  operationRoutes,
  contingentRoutes,
  contributionRoutes,
];

export const operationsRoutes: RoutesPlugin = async (app, options) => {
  for (const area of areas) await area(app, options);
};
export { contributionsImporter } from "./contributions-import.js";
export { contributionFigures } from "./dashboard.queries.js";
export { operationsExports } from "./operations.exports.js";
export { seedOperations } from "./operations.seed.js";
export { searchVisibility } from "./search.queries.js";
export { operationsTimelineParts } from "./timeline.queries.js";
