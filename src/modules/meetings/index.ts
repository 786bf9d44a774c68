export * as exchangeService from "./exchange.service.js";
export { meetingsRoutes } from "./meetings.routes.js";
export { seedMeetings } from "./meetings.seed.js";
export * as meetingsService from "./meetings.service.js";
