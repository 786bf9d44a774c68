import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { actionItemRoutes } from "./action-items.routes.js";
import { decisionRoutes } from "./decisions.routes.js";
import { exchangeRoutes } from "./exchange.routes.js";
import { meetingRoutes } from "./meetings.routes.js";
import { meetingsReportsRoutes } from "./reports.routes.js";
import { seriesRoutes } from "./series.routes.js";

/** The module's route plugins, one per area, in the order their routes appear in the API document. */
const areas: RoutesPlugin[] = [
  seriesRoutes,
  meetingRoutes,
  meetingsReportsRoutes,
  decisionRoutes,
  actionItemRoutes,
  exchangeRoutes,
];

export const meetingsRoutes: RoutesPlugin = async (app, options) => {
  for (const area of areas) await area(app, options);
};
export * as exchangeService from "./exchange.service.js";
export { meetingsExports } from "./meetings.exports.js";
export { seedMeetings } from "./meetings.seed.js";
export * as meetingsService from "./meetings.service.js";

import type { Ctx } from "../../platform/http/request-context.js";
import type { SearchVisibility } from "../../platform/search.js";
import { exchangeScope } from "./exchange.service.js";
import { searchVisibility as visibilityFor } from "./search.queries.js";

/** The global search's read rules of meetings, decisions, action items and messages, for the caller. */
export async function searchVisibility(ctx: Ctx): Promise<SearchVisibility> {
  return visibilityFor(ctx.viewer, await exchangeScope(ctx));
}
export { meetingsTimelineParts } from "./timeline.queries.js";
