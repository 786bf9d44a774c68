import { type AllianceSide, isAllianceStaff } from "../../platform/access/alliance.js";
import { definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { isOwnerEditor, type OwnedRecord } from "../../platform/access/releasability.js";
import {
  coordinatedNationIds,
  coordinatesNation,
  isAdministrator,
  type Viewer,
} from "../../platform/access/viewer.js";

/**
 * Plans, programmes and goals belong to a nation (or to an organisation such as the coordination centre). Reads
 * are filtered by releasability in SQL; the owner's coordinators (or organisers) change them. Alliance staff
 * (administrators, organisers of the alliance organisation) decide for the alliance and assess the goals.
 */
export const programmesActions = definePolicy({
  "programmes.read": signedIn,
  "programmes.create": (viewer: Viewer) =>
    isAdministrator(viewer) ||
    coordinatedNationIds(viewer).length > 0 ||
    viewer.managedOrganisationIds.length > 0,
  "programmes.update": (viewer: Viewer, record: OwnedRecord) => isOwnerEditor(viewer, record),
  "programmes.delete": (viewer: Viewer, record: OwnedRecord) => isOwnerEditor(viewer, record),
  /** The partner's side submits its programme: the coordinators of the programme's nation, nobody else. */
  "programme.submit": (viewer: Viewer, programme: { nationId: string }) =>
    coordinatesNation(viewer, programme.nationId),
  /** The alliance side agrees a submitted programme, returns it to draft or closes it. */
  "programme.decide": (viewer: Viewer, side: AllianceSide) => isAllianceStaff(viewer, side),
  /** Partnership goals are assessed by the alliance side only, never by the partner that owns them. */
  "goal.assess": (viewer: Viewer, side: AllianceSide) => isAllianceStaff(viewer, side),
  /** A proposed goal is agreed by both sides: the partner's side is the coordinators of the goal's nation… */
  "goal.agree.partner": (viewer: Viewer, goal: { nationId: string }) =>
    coordinatesNation(viewer, goal.nationId),
  /** …and the alliance side is alliance staff, the same side that decides programmes and assesses goals. */
  "goal.agree.alliance": (viewer: Viewer, side: AllianceSide) => isAllianceStaff(viewer, side),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof programmesActions> {}
}
