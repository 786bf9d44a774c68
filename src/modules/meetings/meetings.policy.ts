import { anyone, definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";
import { isOwnerEditor, type OwnedRecord } from "../../platform/access/releasability.js";
import {
  coordinatesNation,
  isAdministrator,
  managesOrganisation,
  readsEverything,
  type Viewer,
  writesForSomeone,
} from "../../platform/access/viewer.js";

/** A party of an exchange or the assignee of an action item: one nation or one organisation. */
export interface Party {
  nationId: string | null;
  organisationId: string | null;
}

/**
 * Who acts for a party: a national coordinator of the nation; for an organisation, an organiser (or another
 * managing role) of that organisation's subtree; administrators act for everyone.
 */
export const actsFor = (viewer: Viewer, party: Party): boolean =>
  isAdministrator(viewer) ||
  coordinatesNation(viewer, party.nationId) ||
  managesOrganisation(viewer, party.organisationId);

/**
 * Meetings belong to the owner of their series (the coordination centre, as a rule): its organisers prepare the
 * meeting, record decisions and chase action items. An action item's assignee moves its own item on and gives
 * evidence. Reads are filtered by releasability in SQL.
 */
export const meetingsActions = definePolicy({
  "meeting_series.read": anyone,
  "meeting_series.create": writesForSomeone,
  "meeting_series.update": (viewer: Viewer, series: OwnedRecord) => isOwnerEditor(viewer, series),
  "meeting.read": anyone,
  "meeting.create": (viewer: Viewer, series: OwnedRecord) => isOwnerEditor(viewer, series),
  "meeting.update": (viewer: Viewer, meeting: OwnedRecord) => isOwnerEditor(viewer, meeting),
  "action_item.read": signedIn,
  "action_item.update": (viewer: Viewer, subject: { meeting: OwnedRecord; assignee: Party }) =>
    isOwnerEditor(viewer, subject.meeting) || actsFor(viewer, subject.assignee),
  /** Exchange reads are filtered in SQL to the sender's side and the named recipients. */
  "exchange.read": signedIn,
  "exchange.send": (viewer: Viewer, sender: Party) => actsFor(viewer, sender),
  "exchange.acknowledge": (viewer: Viewer, recipient: Party) => actsFor(viewer, recipient),
  "exchange.forward": (viewer: Viewer, party: Party) => actsFor(viewer, party),
  /** Widening a message's release list is the sending side's (and administrators') decision. */
  "exchange.release": (viewer: Viewer, sender: Party) => actsFor(viewer, sender),
  "exchange.access_log": (viewer: Viewer, sender: Party) =>
    readsEverything(viewer) || actsFor(viewer, sender),
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof meetingsActions> {}
}
