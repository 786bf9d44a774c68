/*
 * Seat offers (issue 22, item 2): a freed seat is offered to the next waitlisted nomination (seats.service.ts
 * `offerFreedSeats`) for `config.seatOfferHours`. The participant, a coordinator of the nation or those who run
 * the event accept it (the nomination takes the seat) or decline it (the nomination is withdrawn); an offer left
 * unanswered expires (the scheduled `seat_offers_expire` job) and the nomination is passed over. A declined or
 * expired offer moves on to the next nomination. Every step runs under the event's row lock, like every other
 * write that takes or frees a seat.
 */
import "./catalogue.policy.js";
import "./offers.policy.js";
import type { Kysely, Transaction } from "kysely";
import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";
import type { DoubleBooking } from "../../db/schema/catalogue.js";
import type { DB } from "../../db/schema/index.js";
import { authorize, can } from "../../platform/access/policy.js";
import { ANONYMOUS } from "../../platform/access/viewer.js";
import { actorLabel, awaitDurable, withConnection, writeAudit } from "../../platform/audit.js";
import { lockRow } from "../../platform/audited-write.js";
import { conflict, invalidState, notFound, orNotFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { allowedFrom, assertMove, statesOf } from "../../platform/transitions.js";
import { assertOverrideReason, doubleBookingOf } from "../directory/index.js";
import { notifyNominations } from "../notices/index.js";
import * as queries from "./catalogue.queries.js";
import type { WithdrawInput } from "./catalogue.schemas.js";
import { NOMINATION_TRANSITIONS, SEAT_OFFER_TRANSITIONS } from "./catalogue.transitions.js";
import * as nominations from "./nominations.queries.js";
import { activityReadable, getNomination } from "./nominations.service.js";
import * as offers from "./offers.queries.js";
import type { OfferAccept, OfferAnswer, SeatOffer } from "./offers.schemas.js";
import { auditOffers, offerFreedSeats } from "./seats.service.js";

type Trx = Kysely<DB>;

const nominationRecord = (row: offers.OfferRow) => ({
  nationId: row.nationId,
  personId: row.personId,
  activity: { organiserId: row.organiserId, hostInstitutionId: row.hostInstitutionId },
});

function output(ctx: Ctx, row: offers.OfferRow): SeatOffer {
  return {
    id: row.id,
    nominationId: row.nominationId,
    eventId: row.eventId,
    status: row.status as SeatOffer["status"],
    offeredAt: row.offeredAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
    reason: row.reason,
    person: { id: row.personId, givenName: row.givenName, familyName: row.familyName },
    nationId: row.nationId,
    nominationStatus: row.nominationStatus,
    activity: { code: row.activityCode, title: row.activityTitle },
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    canAnswer: row.status === "offered" && can(ctx.viewer, "seat_offer.answer", nominationRecord(row)),
  };
}

/** An offer the viewer may read (as its nomination), else the 404 of a missing one. */
async function loadOffer(ctx: Ctx, db: Trx, id: string) {
  const row = await offers.findOffer(db, id);
  if (!row || !can(ctx.viewer, "nomination.read", nominationRecord(row))) throw notFound("The seat offer");
  return row;
}

async function offerOutput(ctx: Ctx, id: string) {
  return output(ctx, await loadOffer(ctx, ctx.db, id));
}

export async function listEventOffers(ctx: Ctx, eventId: string) {
  authorize(ctx.viewer, "seat_offer.list");
  const event = await queries.lockEvent(ctx.db, eventId, false);
  if (!event || !activityReadable(ctx.viewer, event)) throw notFound("The event");
  const rows = await offers.eventOffers(ctx.db, eventId);
  return {
    items: rows
      .filter((row) => can(ctx.viewer, "nomination.read", nominationRecord(row)))
      .map((row) => output(ctx, row)),
  };
}

/** The viewer's own offers (as a participant): open ones first. */
export async function myOffers(ctx: Ctx) {
  authorize(ctx.viewer, "seat_offer.list");
  if (!ctx.viewer.personId) return { items: [] };
  const rows = await offers.personOffers(ctx.db, ctx.viewer.personId);
  return { items: rows.map((row) => output(ctx, row)) };
}

/**
 * For a decline: locks the offer's event, then the offer and its nomination (the order every seat write keeps), and
 * checks that the offer is still open and the event still running. (An acceptance makes the same checks in its seat
 * function.)
 */
async function lockOpenOffer(trx: Transaction<DB>, found: offers.OfferRow) {
  const event = orNotFound(await queries.lockEvent(trx, found.eventId), "The event");
  const offer = orNotFound(await offers.lockOffer(trx, found.id), "The seat offer");
  // 409 ILLEGAL_TRANSITION naming both states: an offer is answered once (SEAT_OFFER_TRANSITIONS).
  assertMove(SEAT_OFFER_TRANSITIONS, offer.status, "declined");
  if (offer.expiresAt.getTime() <= Date.now())
    throw invalidState(`The seat offer expired at ${offer.expiresAt.toISOString()}`);
  if (event.status === "cancelled" || event.status === "completed")
    throw invalidState(`The event is ${event.status}`);
  const nomination = await lockRow(trx, "nomination", { id: offer.nominationId, missing: "The nomination" });
  return { event, offer, nomination };
}

export async function acceptOffer(ctx: Ctx, id: string, input: OfferAccept) {
  authorize(ctx.viewer, "seat_offer.list");
  const found = await loadOffer(ctx, ctx.db, id);
  authorize(ctx.viewer, "seat_offer.answer", nominationRecord(found));
  assertOverrideReason(input);
  // One statement under the locks (accord_accept_offer), then the wait for its flush and the reply, all on one
  // connection: nothing after the commit waits for the pool (a wait too long answers 503, and the client would
  // send the accept again).
  return withConnection(ctx.db, async (db) => {
    let doubleBooking: DoubleBooking | null = null;
    // A second call records the override of the conflicts the first one found; a third, of conflicts that changed
    // in between (another acceptance of the person); beyond that the person's calendar is too busy to settle.
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await offers.acceptOfferAtOnce(db, {
        offerId: id,
        acceptFrom: ACCEPT_FROM,
        doubleBooking,
        actorUserId: ctx.viewer.userId,
        actorLabel: actorLabel(ctx.viewer),
        requestId: ctx.requestId,
      });
      if (result.outcome !== "double_booked") {
        refuseUnlessAccepted(result);
        await awaitDurable(db);
        return offerOutput({ ...ctx, db }, id);
      }
      doubleBooking = doubleBookingOf(ctx.viewer, result.detail.conflicts, input);
    }
    throw conflict("The person's other commitments kept changing; try again");
  });
}

/** The nomination states a seat offer's acceptance may start from (the offered one is waitlisted). */
const ACCEPT_FROM = statesOf(NOMINATION_TRANSITIONS).filter((state) =>
  allowedFrom(NOMINATION_TRANSITIONS, state).includes("accepted"),
);

/** The refusal of an acceptance the seat function did not make, as the HTTP error it is. */
function refuseUnlessAccepted(result: Exclude<offers.AcceptOutcome, { outcome: "double_booked" }>) {
  switch (result.outcome) {
    case "accepted":
      return;
    case "missing_offer":
      throw notFound("The seat offer");
    case "missing_event":
      throw notFound("The event");
    case "missing_nomination":
      throw notFound("The nomination");
    case "no_seat":
      throw conflict("The offered seat is no longer free");
    case "expired":
      throw invalidState(`The seat offer expired at ${new Date(result.detail.expiresAt).toISOString()}`);
    case "event_status":
      throw invalidState(`The event is ${result.detail.status}`);
    // 409 ILLEGAL_TRANSITION naming both states: an offer is answered once (SEAT_OFFER_TRANSITIONS).
    case "offer_status":
      assertMove(SEAT_OFFER_TRANSITIONS, result.detail.status, "accepted");
      break;
    case "nomination_status":
      assertMove(NOMINATION_TRANSITIONS, result.detail.status, "accepted");
      break;
  }
  throw conflict("The seat offer cannot be accepted now");
}

/** The audit entry of an open offer closed without a seat: declined by the nation, or expired unanswered. */
const auditOfferClosed = (
  trx: Trx,
  ctx: Ctx,
  offerId: string,
  status: "declined" | "expired",
  detail: Record<string, unknown> | undefined,
) =>
  writeAudit(trx, ctx, {
    action: status === "declined" ? "seat_offer.decline" : "seat_offer.expire",
    recordType: "seat_offer",
    recordId: offerId,
    before: { status: "offered" },
    after: { status },
    detail,
  });

/** Declining the seat withdraws the nomination (the person will not come); the seat is offered onward. */
export async function declineOffer(ctx: Ctx, id: string, input: OfferAnswer) {
  authorize(ctx.viewer, "seat_offer.list");
  const found = await loadOffer(ctx, ctx.db, id);
  authorize(ctx.viewer, "seat_offer.answer", nominationRecord(found));
  const reason = input.reason?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    const { event, offer, nomination } = await lockOpenOffer(trx, found);
    assertMove(NOMINATION_TRANSITIONS, nomination.status, "withdrawn");
    await offers.closeOffer(trx, offer.id, { status: "declined", decidedBy: ctx.viewer.userId, reason });
    await nominations.setNominationStatus(trx, nomination.id, {
      status: "withdrawn",
      statusReason: reason ?? "Declined the seat offer",
      decidedBy: ctx.viewer.userId,
    });
    await notifyNominations(trx, {
      nominationIds: [nomination.id],
      kind: "nomination.offer_declined",
      title: `${event.activityCode}: the offered seat is declined`,
      body: reason ?? event.activityTitle,
      actorUserId: ctx.viewer.userId,
      organisers: true,
      concerned: true,
    });
    const onward = await offerFreedSeats(ctx, trx, event.id, null);
    await auditOfferClosed(trx, ctx, offer.id, "declined", reason ? { reason } : undefined);
    await writeAudit(trx, ctx, {
      action: "nomination.withdraw",
      recordType: "nomination",
      recordId: nomination.id,
      before: { status: nomination.status },
      after: { status: "withdrawn" },
      detail: { reason: reason ?? "declined the seat offer", seatOfferId: offer.id },
    });
    await auditOffers(trx, ctx, onward);
  });
  return offerOutput(ctx, id);
}

/** A participant takes their own nomination off the waiting list (an open offer of theirs moves on). */
export async function leaveWaitlist(ctx: Ctx, nominationId: string, input: WithdrawInput) {
  authorize(ctx.viewer, "seat_offer.list");
  const row = await queries.findNomination(ctx.db, nominationId);
  const record = row && {
    nationId: row.nationId,
    personId: row.personId,
    activity: { organiserId: row.organiserId, hostInstitutionId: row.hostInstitutionId },
  };
  if (!row || !record || !can(ctx.viewer, "nomination.read", record)) throw notFound("The nomination");
  authorize(ctx.viewer, "nomination.leave_waitlist", record);
  const reason = input.reason?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    const event = orNotFound(await queries.lockEvent(trx, row.eventId), "The event");
    const before = await lockRow(trx, "nomination", { id: nominationId, missing: "The nomination" });
    if (before.status !== "waitlisted")
      throw invalidState(`The nomination is ${before.status}, not on the waiting list`);
    const held = await offers.openOfferOf(trx, nominationId);
    // The trigger of 0037 closes an open offer with the nomination (withdrawn).
    await nominations.setNominationStatus(trx, nominationId, {
      status: "withdrawn",
      statusReason: reason ?? "Left the waiting list",
      decidedBy: ctx.viewer.userId,
    });
    await notifyNominations(trx, {
      nominationIds: [nominationId],
      kind: "nomination.withdrawn",
      title: `${event.activityCode}: left the waiting list`,
      body: reason ?? event.activityTitle,
      actorUserId: ctx.viewer.userId,
      organisers: true,
      concerned: true,
    });
    const onward = held ? await offerFreedSeats(ctx, trx, event.id, null) : [];
    await writeAudit(trx, ctx, {
      action: "nomination.leave_waitlist",
      recordType: "nomination",
      recordId: nominationId,
      before: { status: "waitlisted" },
      after: { status: "withdrawn" },
      detail: { reason: reason ?? "left the waiting list", ...(held ? { seatOfferId: held.id } : {}) },
    });
    await auditOffers(trx, ctx, onward);
  });
  return getNomination(ctx, nominationId);
}

/**
 * Expires the offers due at `now` and offers their seats onward: one transaction per event, under its row lock;
 * each due offer is locked with SKIP LOCKED and re-checked, so two runs at once (two instances) expire each offer
 * exactly once. The expired nomination stays waitlisted but is passed over by later offers. Returns the count.
 */
export async function expireDueOffers(db: Db, config: Config, now = new Date()): Promise<number> {
  const ctx: Ctx = { db, viewer: ANONYMOUS, requestId: null, config };
  let expired = 0;
  for (const eventId of await offers.eventsWithDueOffers(db, now)) {
    expired += await db.transaction().execute(async (trx) => {
      const event = await queries.lockEvent(trx, eventId);
      if (!event) return 0;
      const due = await offers.lockDueOffers(trx, eventId, now);
      for (const offer of due) {
        await offers.closeOffer(trx, offer.id, { status: "expired", decidedBy: null, reason: null });
        await notifyNominations(trx, {
          nominationIds: [offer.nominationId],
          kind: "nomination.offer_expired",
          title: `${event.activityCode}: the seat offer expired unanswered`,
          body: event.activityTitle,
          actorUserId: null,
          organisers: true,
          concerned: true,
        });
        await auditOfferClosed(trx, ctx, offer.id, "expired", { expiresAt: offer.expiresAt.toISOString() });
      }
      if (!due.length) return 0;
      await auditOffers(trx, ctx, await offerFreedSeats(ctx, trx, eventId, null));
      return due.length;
    });
  }
  return expired;
}
