export { queueDigests } from "./digest.queries.js";
export { KIND_NAMES, type NotificationKind } from "./kinds.js";
export { notificationsRoutes } from "./notifications.routes.js";
export { type NotifyInput, notify, notifyNominations, type Recipients } from "./notify.js";
export { runReminders } from "./reminders.js";
export { type NotificationWorker, startNotificationWorker } from "./worker.js";
