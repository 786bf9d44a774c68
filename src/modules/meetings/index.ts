import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { actionItemRoutes } from "./action-items.routes.js";
import { decisionRoutes } from "./decisions.routes.js";
import { exchangeRoutes } from "./exchange.routes.js";
import { meetingRoutes } from "./meetings.routes.js";
import { seriesRoutes } from "./series.routes.js";

/** The module's route plugins, one per area, in the order their routes appear in the API document. */
const areas: RoutesPlugin[] = [seriesRoutes, meetingRoutes, decisionRoutes, actionItemRoutes, exchangeRoutes];

export const meetingsRoutes: RoutesPlugin = async (app, options) => {
  for (const area of areas) await area(app, options);
};
export * as exchangeService from "./exchange.service.js";
export { seedMeetings } from "./meetings.seed.js";
export * as meetingsService from "./meetings.service.js";
