import { type AllianceSide, isAllianceStaff } from "../../platform/access/alliance.js";
import { anyone, definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { canRead, type ReleasableRecord } from "../../platform/access/releasability.js";
import {
  coordinatesNation,
  hasRole,
  isAdministrator,
  managesOrganisation,
  managesOrganiserOrHost,
  type OrganisedRecord,
  readsEverything,
  runsOrganised,
  seesPersonalRecord,
  type Viewer,
} from "../../platform/access/viewer.js";

/** Organisers of the organising organisation (or of the host institution, e.g. a course director) run it. */
export const organises = (viewer: Viewer, activity: OrganisedRecord): boolean =>
  isAdministrator(viewer) || managesOrganiserOrHost(viewer, activity);

/** Runs it: organisers and course directors of the organising organisation or host institution. */
export const runs = runsOrganised;

export interface NominationRecord {
  nationId: string;
  personId: string;
  activity: OrganisedRecord;
}

/** Who sees a nomination: its nation's coordinators and auditors, the organisers, the person, global readers. */
export const seesNomination = (viewer: Viewer, nomination: NominationRecord): boolean =>
  seesPersonalRecord(viewer, nomination);

/** The coordinator's note is for the nominating nation's coordinators and the organisers (and administrators). */
export const readsNominationNote = (viewer: Viewer, nomination: NominationRecord): boolean =>
  isAdministrator(viewer) ||
  coordinatesNation(viewer, nomination.nationId) ||
  organises(viewer, nomination.activity);

export const catalogueActions = definePolicy({
  /** Reads are filtered by releasability (and drafts by organiser) in SQL. */
  "activity.read": anyone,
  "activity.create": (viewer: Viewer, input: { organiserId: string }) =>
    isAdministrator(viewer) ||
    (managesOrganisation(viewer, input.organiserId) &&
      (hasRole(viewer, "organiser") || hasRole(viewer, "course_director"))),
  "activity.update": (viewer: Viewer, activity: OrganisedRecord) => runs(viewer, activity),
  /** A partner's proposal is approved into the menu or rejected by alliance staff, never by its proposers. */
  "activity.decide": (viewer: Viewer, side: AllianceSide) => isAllianceStaff(viewer, side),
  "event.manage": (viewer: Viewer, activity: OrganisedRecord) => runs(viewer, activity),
  "nomination.list": signedIn,
  "nomination.read": (viewer: Viewer, nomination: NominationRecord) => seesNomination(viewer, nomination),
  "nomination.read_note": (viewer: Viewer, nomination: NominationRecord) =>
    readsNominationNote(viewer, nomination),
  /** A national coordinator nominates people of their nation; administrators may act for any nation. */
  "nomination.create": (viewer: Viewer, target: { nationId: string; activity: ReleasableRecord }) =>
    (isAdministrator(viewer) || coordinatesNation(viewer, target.nationId)) &&
    canRead(viewer, target.activity),
  /** The nomination form's list of people: for those who nominate (administrators, national coordinators). */
  "nomination.candidates": (viewer: Viewer) =>
    isAdministrator(viewer) || hasRole(viewer, "national_coordinator"),
  "nomination.update": (viewer: Viewer, nomination: NominationRecord) =>
    isAdministrator(viewer) || coordinatesNation(viewer, nomination.nationId),
  "nomination.withdraw": (viewer: Viewer, nomination: NominationRecord) =>
    isAdministrator(viewer) || coordinatesNation(viewer, nomination.nationId),
  "nomination.decide": (viewer: Viewer, nomination: NominationRecord) => runs(viewer, nomination.activity),
  "nomination.attendance": (viewer: Viewer, nomination: NominationRecord) =>
    runs(viewer, nomination.activity),
  "participation.nation": (viewer: Viewer, nation: { id: string }) =>
    readsEverything(viewer) || viewer.nationIds.includes(nation.id) || isAdministrator(viewer),
  "participation.person": (viewer: Viewer, person: { id: string; nationId: string }) =>
    readsEverything(viewer) ||
    viewer.personId === person.id ||
    viewer.nationIds.includes(person.nationId) ||
    hasRole(viewer, "organiser") ||
    hasRole(viewer, "course_director"),
  "calendar.token": signedIn,
  "calendar.nation": (viewer: Viewer, nation: { id: string }) =>
    readsEverything(viewer) || viewer.nationIds.includes(nation.id),
  "calendar.person": (viewer: Viewer, person: { id: string; nationId: string }) =>
    readsEverything(viewer) || viewer.personId === person.id || viewer.nationIds.includes(person.nationId),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof catalogueActions> {}
}
