/**
 * The catalogue's rules, one file per area; routes, the importers and the seed take them from here. The order is
 * that of an activity's life: defined, given events, nominated for, seated, attended, followed in a calendar.
 */
export * from "./activities.service.js";
export * from "./calendar-feeds.service.js";
export {
  addSession,
  cancelEvent,
  createEvent,
  findEventById,
  getEvent,
  removeSession,
  updateEvent,
} from "./events.service.js";
export * from "./nominations.service.js";
export { recordSessionAttendance } from "./session-attendance.service.js";
