import { anyone, definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { isOwnerEditor, type OwnedRecord } from "../../platform/access/releasability.js";
import {
  isAdministrator,
  managesOrganisation,
  type Viewer,
  writesForSomeone,
} from "../../platform/access/viewer.js";

/**
 * Exercises belong to their owner (the lead organisation or a nation); reads are filtered by releasability in SQL.
 * Contingents and fund contributions belong to the contributing nation and are restricted unless released.
 */
export const operationsActions = definePolicy({
  "exercise.read": anyone,
  "exercise.create": writesForSomeone,
  "exercise.update": (viewer: Viewer, exercise: OwnedRecord) => isOwnerEditor(viewer, exercise),
  /** A lesson is moved on by the exercise's owner or by the lesson's own owner. */
  "lesson.update": (viewer: Viewer, subject: { exercise: OwnedRecord; lesson: OwnedRecord }) =>
    isOwnerEditor(viewer, subject.exercise) || isOwnerEditor(viewer, subject.lesson),
  "operation.read": anyone,
  "operation.create": (viewer: Viewer) => isAdministrator(viewer),
  "operation.update": (viewer: Viewer, operation: { leadOrganisationId: string }) =>
    isAdministrator(viewer) || managesOrganisation(viewer, operation.leadOrganisationId),
  "contingent.read": signedIn,
  "contingent.create": writesForSomeone,
  "contingent.update": (viewer: Viewer, contingent: OwnedRecord) => isOwnerEditor(viewer, contingent),
  "contribution.read": signedIn,
  "contribution.create": writesForSomeone,
  "contribution.update": (viewer: Viewer, contribution: OwnedRecord) => isOwnerEditor(viewer, contribution),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof operationsActions> {}
}
