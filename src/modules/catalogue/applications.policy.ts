import { definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { coordinatesNation, isAdministrator, type Viewer } from "../../platform/access/viewer.js";

/** The national point of contact of the applicant's nation decides; administrators too. */
export const decidesApplication = (viewer: Viewer, application: { nationId: string }) =>
  isAdministrator(viewer) || coordinatesNation(viewer, application.nationId);

export const applicationActions = definePolicy({
  /** Signed-in users list the applications they may read (their own, their nations', all for global readers). */
  "application.list": signedIn,
  /** Anyone whose account is a person of a nation applies for themselves. */
  "application.create": (viewer: Viewer) => viewer.personId !== null && viewer.personNationId !== null,
  "application.decide": decidesApplication,
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof applicationActions> {}
}
