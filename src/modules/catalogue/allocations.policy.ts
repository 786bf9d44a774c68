import { definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { coordinatesNation, isAdministrator, type Viewer } from "../../platform/access/viewer.js";

export const allocationActions = definePolicy({
  "seat_allocation.list": signedIn,
  /** A nation's coordinator requests its seats; administrators may act for any nation. */
  "seat_allocation.request": (viewer: Viewer, target: { nationId: string }) =>
    isAdministrator(viewer) || coordinatesNation(viewer, target.nationId),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof allocationActions> {}
}
