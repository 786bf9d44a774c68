import { defineTransitions } from "../../platform/transitions.js";
import type { EVENT_STATUSES, NOMINATION_STATUSES } from "./catalogue.schemas.js";

/** Life cycles of the catalogue (docs/life-cycles.md). */

export const ACTIVITY_STATUSES = [
  "proposed",
  "draft",
  "published",
  "closed",
  "completed",
  "cancelled",
  "rejected",
] as const;

/**
 * An activity of the menu is published, closed to nominations (and reopened), completed or cancelled (with a
 * reason, cancelling its events); a published one goes back to draft while nobody relies on it yet.
 * A partner's activity starts as `proposed` (activities.service.ts `createActivity`): alliance staff approve it
 * straight into the menu (published) or reject it with a reason (final); its organisers may withdraw it
 * (cancelled, with a reason). Nothing else leads to or from a proposal.
 */
export const ACTIVITY_TRANSITIONS = defineTransitions<(typeof ACTIVITY_STATUSES)[number]>("The activity", {
  proposed: ["published", "rejected", "cancelled"],
  draft: ["published", "cancelled"],
  published: ["draft", "closed", "completed", "cancelled"],
  closed: ["published", "completed", "cancelled"],
  completed: [],
  cancelled: [],
  rejected: [],
});

/**
 * An event takes nominations while planned or open; closed stops them (and may reopen); completed once held;
 * cancelled (`POST /api/events/{id}/cancel`, with a reason) cancels its nominations. Completed and cancelled end it.
 */
export const EVENT_TRANSITIONS = defineTransitions<(typeof EVENT_STATUSES)[number]>("The event", {
  planned: ["open", "closed", "completed", "cancelled"],
  open: ["closed", "completed", "cancelled"],
  closed: ["open", "completed", "cancelled"],
  completed: [],
  cancelled: [],
});

/**
 * A nomination is decided by the organiser (`POST /api/nominations/{id}/decision`: accept, waitlist, decline,
 * cancel) or withdrawn by its nation (`POST /api/nominations/{id}/withdraw`); the waitlist is served by seat offers
 * (offers.service.ts: accepted waitlisted → accepted, declined waitlisted → withdrawn). Nobody asks for `nominated`:
 * it is where a nomination starts.
 */
export const NOMINATION_TRANSITIONS = defineTransitions<(typeof NOMINATION_STATUSES)[number]>(
  "The nomination",
  {
    nominated: ["accepted", "waitlisted", "declined", "withdrawn", "cancelled"],
    accepted: ["waitlisted", "declined", "withdrawn", "cancelled"],
    waitlisted: ["accepted", "declined", "withdrawn", "cancelled"],
    declined: [],
    withdrawn: [],
    cancelled: [],
  },
  "body.decision",
);

export const SEAT_OFFER_STATUSES = ["offered", "accepted", "declined", "expired", "withdrawn"] as const;

/**
 * A seat offer (offers.service.ts, 0037) is answered once: accepted or declined by the participant, a coordinator of
 * the nation or those who run the event (`POST /api/seat-offers/{id}/accept`, `.../decline`), expired by the scheduled
 * job, or withdrawn when its nomination leaves the waitlist another way (a trigger). Every other state is final.
 */
export const SEAT_OFFER_TRANSITIONS = defineTransitions<(typeof SEAT_OFFER_STATUSES)[number]>(
  "The seat offer",
  {
    offered: ["accepted", "declined", "expired", "withdrawn"],
    accepted: [],
    declined: [],
    expired: [],
    withdrawn: [],
  },
  "status",
);
