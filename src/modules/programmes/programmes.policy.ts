import { definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { isOwnerEditor, type ReleasableRecord } from "../../platform/access/releasability.js";
import {
  coordinatedNationIds,
  isAdministrator,
  managesOrganisation,
  type Viewer,
} from "../../platform/access/viewer.js";

type Owned = Pick<ReleasableRecord, "ownerNationId" | "ownerOrganisationId">;

/**
 * Plans, programmes and goals belong to a nation (or to an organisation such as the coordination centre). Reads
 * are filtered by releasability in SQL; the owner's coordinators (or organisers) change them. The alliance staff
 * the goals are released to record the assessments of the review cycle.
 */
export const programmesActions = definePolicy({
  "programmes.read": signedIn,
  "programmes.create": (viewer: Viewer) =>
    isAdministrator(viewer) ||
    coordinatedNationIds(viewer).length > 0 ||
    viewer.managedOrganisationIds.length > 0,
  "programmes.update": (viewer: Viewer, record: Owned) => isOwnerEditor(viewer, record),
  "programmes.delete": (viewer: Viewer, record: Owned) => isOwnerEditor(viewer, record),
  "goal.assess": (viewer: Viewer, goal: ReleasableRecord) =>
    isOwnerEditor(viewer, goal) ||
    goal.releaseOrganisations.some((organisationId) => managesOrganisation(viewer, organisationId)),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof programmesActions> {}
}
