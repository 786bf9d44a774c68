export { directoryExports } from "./directory.exports.js";
export { directoryRoutes } from "./directory.routes.js";
export * as directoryService from "./directory.service.js";
export {
  assertOverrideReason,
  type BookingOverride,
  checkDoubleBooking,
  doubleBookingOf,
} from "./double-booking.js";
export { peopleImporter } from "./people-import.js";
export { searchVisibility } from "./search.queries.js";
