import { definePolicy, signedIn } from "../../platform/access/policy.js";
import { isAdministrator, type Viewer } from "../../platform/access/viewer.js";

export const notificationActions = definePolicy({
  "notification.read": signedIn,
  "notification.preferences": signedIn,
  "mail.admin": (viewer: Viewer) => isAdministrator(viewer),
});
