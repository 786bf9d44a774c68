import { anyone, definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { isOwnerEditor, type ReleasableRecord } from "../../platform/access/releasability.js";
import {
  coordinatedNationIds,
  hasRole,
  isAdministrator,
  managesOrganisation,
  type Viewer,
} from "../../platform/access/viewer.js";

type Owned = Pick<ReleasableRecord, "ownerNationId" | "ownerOrganisationId">;

/** Whoever may write for some nation or organisation may start records; resolveRelease checks the owner. */
const writesForSomeone = (viewer: Viewer) =>
  isAdministrator(viewer) ||
  coordinatedNationIds(viewer).length > 0 ||
  (hasRole(viewer, "organiser") && viewer.managedOrganisationIds.length > 0);

/**
 * Exercises belong to their owner (the lead organisation or a nation); reads are filtered by releasability in SQL.
 * Contingents and fund contributions belong to the contributing nation and are restricted unless released.
 */
export const operationsActions = definePolicy({
  "exercise.read": anyone,
  "exercise.create": writesForSomeone,
  "exercise.update": (viewer: Viewer, exercise: Owned) => isOwnerEditor(viewer, exercise),
  /** A lesson is moved on by the exercise's owner or by the lesson's own owner. */
  "lesson.update": (viewer: Viewer, subject: { exercise: Owned; lesson: Owned }) =>
    isOwnerEditor(viewer, subject.exercise) || isOwnerEditor(viewer, subject.lesson),
  "operation.read": anyone,
  "operation.create": (viewer: Viewer) => isAdministrator(viewer),
  "operation.update": (viewer: Viewer, operation: { leadOrganisationId: string }) =>
    isAdministrator(viewer) || managesOrganisation(viewer, operation.leadOrganisationId),
  "contingent.read": signedIn,
  "contingent.create": writesForSomeone,
  "contingent.update": (viewer: Viewer, contingent: Owned) => isOwnerEditor(viewer, contingent),
  "contribution.read": signedIn,
  "contribution.create": writesForSomeone,
  "contribution.update": (viewer: Viewer, contribution: Owned) => isOwnerEditor(viewer, contribution),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof operationsActions> {}
}
