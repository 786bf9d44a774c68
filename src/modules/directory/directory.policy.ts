import { anyone, definePolicy, type RecordsOf } from "../../platform/access/policy.js";
import { isOwnerEditor, type ReleasableRecord } from "../../platform/access/releasability.js";
import {
  coordinatesNation,
  isAdministrator,
  managesOrganisation,
  type Viewer,
} from "../../platform/access/viewer.js";

/** Nations and organisations are reference data: everyone reads them, administrators keep them. */
export const directoryActions = definePolicy({
  "nation.read": anyone,
  "nation.create": (viewer: Viewer) => isAdministrator(viewer),
  "nation.update": (viewer: Viewer) => isAdministrator(viewer),
  "nation.delete": (viewer: Viewer) => isAdministrator(viewer),
  "organisation.read": anyone,
  "organisation.create": (viewer: Viewer) => isAdministrator(viewer),
  "organisation.update": (viewer: Viewer, organisation: { id: string }) =>
    isAdministrator(viewer) || managesOrganisation(viewer, organisation.id),
  "organisation.delete": (viewer: Viewer) => isAdministrator(viewer),
  /** Reads of people are filtered by releasability in SQL; signing in is the entry ticket. */
  "person.list": (viewer: Viewer) => viewer.userId !== null,
  "person.create": (viewer: Viewer, person: { nationId: string; organisationId?: string | null }) =>
    isAdministrator(viewer) ||
    coordinatesNation(viewer, person.nationId) ||
    managesOrganisation(viewer, person.organisationId),
  "person.update": (viewer: Viewer, person: ReleasableRecord) => isOwnerEditor(viewer, person),
  "person.delete": (viewer: Viewer, person: ReleasableRecord) => isOwnerEditor(viewer, person),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof directoryActions> {}
}
