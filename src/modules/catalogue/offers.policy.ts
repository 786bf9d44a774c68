import { definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { coordinatesNation, isAdministrator, type Viewer } from "../../platform/access/viewer.js";
import { type NominationRecord, runs } from "./catalogue.policy.js";

/** A nomination's own person (the participant behind the viewer's account). */
const isNominee = (viewer: Viewer, nomination: NominationRecord) =>
  viewer.personId !== null && viewer.personId === nomination.personId;

export const offerActions = definePolicy({
  "seat_offer.list": signedIn,
  /**
   * A seat offer is answered by the participant themselves, a coordinator of the nomination's nation, or those who
   * run the event (organisers, course directors) and administrators.
   */
  "seat_offer.answer": (viewer: Viewer, nomination: NominationRecord) =>
    isAdministrator(viewer) ||
    isNominee(viewer, nomination) ||
    coordinatesNation(viewer, nomination.nationId) ||
    runs(viewer, nomination.activity),
  /** Participants take themselves off the waiting list; coordinators withdraw (`nomination.withdraw`). */
  "nomination.leave_waitlist": (viewer: Viewer, nomination: NominationRecord) =>
    isNominee(viewer, nomination),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof offerActions> {}
}
