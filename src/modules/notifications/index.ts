export { queueDigests } from "./digest.queries.js";
export { notificationsRoutes } from "./notifications.routes.js";
export { runReminders } from "./reminders.js";
export { type NotificationWorker, startNotificationWorker } from "./worker.js";
