import { definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { isAdministrator, readsEverything, type Viewer } from "../../platform/access/viewer.js";

export const identityActions = definePolicy({
  "session.change_password": signedIn,
  "session.logout_everywhere": signedIn,
  "user.list": (viewer: Viewer) => readsEverything(viewer),
  "user.read": (viewer: Viewer, user: { id: string }) => readsEverything(viewer) || viewer.userId === user.id,
  "user.create": (viewer: Viewer) => isAdministrator(viewer),
  "user.update": (viewer: Viewer) => isAdministrator(viewer),
  "user.reset_password": (viewer: Viewer) => isAdministrator(viewer),
  "user.revoke_sessions": (viewer: Viewer) => isAdministrator(viewer),
  "role.grant": (viewer: Viewer) => isAdministrator(viewer),
  "role.revoke": (viewer: Viewer) => isAdministrator(viewer),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof identityActions> {}
}
