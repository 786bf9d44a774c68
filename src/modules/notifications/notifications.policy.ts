import { definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { isAdministrator, type Viewer } from "../../platform/access/viewer.js";

export const notificationActions = definePolicy({
  "notification.read": signedIn,
  "notification.preferences": signedIn,
  "mail.admin": (viewer: Viewer) => isAdministrator(viewer),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof notificationActions> {}
}
