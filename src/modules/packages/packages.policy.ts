import { definePolicy, type RecordsOf } from "../../platform/access/policy.js";
import { isAdministrator, type Viewer } from "../../platform/access/viewer.js";

/**
 * A package carries everything releasable to a nation and loads records in any nation's name, so only an
 * administrator (or the `accord` command on the server, which acts as one) writes or loads one.
 */
export const packageActions = definePolicy({
  "package.export": (viewer: Viewer) => isAdministrator(viewer),
  "package.import": (viewer: Viewer) => isAdministrator(viewer),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof packageActions> {}
}
