/*
 * Seats in TypeScript: the organiser's accept (`seatRefusalMessage`) and the waitlist served when a seat frees up
 * (`offerFreedSeats`), each under the event's row lock its caller holds. Both ask the seat rule of the database,
 * `accord_seat_refusal` (src/db/functions: capacity, per-nation allocation or quota, seats reserved for other
 * nations' allocations, the re-allocation); a nomination's own seat is taken by `accord_nominate`, which asks the
 * same function, in one statement (catalogue.queries.ts `takeSeat`). A freed seat is not given away: it is
 * offered to the next waitlisted nomination for `config.seatOfferHours`, and held by the offer until it is
 * accepted, declined or expires (offers.service.ts).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { writeAudits } from "../../platform/audit.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { notifyNominations } from "../notices/index.js";
import * as allocations from "./allocations.queries.js";
import * as queries from "./catalogue.queries.js";
import * as offers from "./offers.queries.js";

type Trx = Kysely<DB>;

export type Offered = { offerId: string; nominationId: string; eventId: string; expiresAt: Date };

/**
 * Offers the free seats of a locked event to its waitlist in priority order (1 first, then arrival) while the seat
 * rule allows (capacity, the nation's allocation or quota, seats reserved for other nations), counting the seats
 * open offers hold. Runs inside the transaction that freed the seat, under the same row lock; `skipId` (a
 * nomination just moved off its seat) is passed over.
 */
export async function offerFreedSeats(
  ctx: Ctx,
  trx: Trx,
  eventId: string,
  skipId: string | null,
): Promise<Offered[]> {
  const event = await queries.lockEvent(trx, eventId);
  if (!event || !["planned", "open", "closed"].includes(event.status)) return [];
  const offered: Offered[] = [];
  // A nation refused once stays refused for this pass: only this pass's own offers change the counts.
  const refusedNations = new Set<string>();
  for (const candidate of await offers.offerCandidates(trx, eventId)) {
    if (candidate.id === skipId || refusedNations.has(candidate.nationId)) continue;
    const refusal = await allocations.seatRefusal(trx, eventId, candidate.nationId);
    if (refusal === "capacity") break;
    if (refusal) {
      refusedNations.add(candidate.nationId);
      continue;
    }
    const offer = await offers.insertOffer(trx, {
      nominationId: candidate.id,
      eventId,
      hours: ctx.config.seatOfferHours,
    });
    offered.push({ offerId: offer.id, nominationId: candidate.id, eventId, expiresAt: offer.expiresAt });
  }
  // The notices in one statement per expiry minute (the offers of one transaction share it: now() is its start).
  const byExpiry = new Map<string, string[]>();
  for (const offer of offered) {
    const until = offer.expiresAt.toISOString().slice(0, 16);
    byExpiry.set(until, [...(byExpiry.get(until) ?? []), offer.nominationId]);
  }
  for (const [until, nominationIds] of byExpiry) {
    await notifyNominations(trx, {
      nominationIds,
      kind: "nomination.offered",
      title: `${event.activityCode}: a seat is offered until ${until.replace("T", " ")} UTC`,
      body: event.activityTitle,
      actorUserId: null,
      organisers: true,
      concerned: true,
    });
  }
  return offered;
}

/** The offers' audit entries, in one statement (chained in the order given, as if written one by one). */
export async function auditOffers(trx: Trx, ctx: Ctx, offered: Offered[]) {
  if (!offered.length) return;
  await writeAudits(
    trx,
    ctx,
    offered.map((offer) => ({
      action: "seat_offer.offer",
      recordType: "seat_offer",
      recordId: offer.offerId,
      after: {
        nominationId: offer.nominationId,
        status: "offered",
        expiresAt: offer.expiresAt.toISOString(),
      },
      detail: { reason: "seat freed on the event" },
    })),
  );
}

/**
 * Why the nation's nomination may not take a seat of the locked event now (the seat rule of the database, the
 * nomination's own open offer not counted), as a message; null when it may.
 */
export async function seatRefusalMessage(
  trx: Trx,
  event: queries.LockedEvent,
  nationId: string,
  except: string,
) {
  const refusal = await allocations.seatRefusal(trx, event.id, nationId, except);
  if (!refusal) return null;
  return {
    capacity: `All ${event.capacity} seats of the event are taken`,
    quota: `The nation's quota of ${event.nationQuota} seats is used`,
    allocation: "The nation's allocation of seats is used",
    reserved: "The free seats of the event are allocated to other nations",
  }[refusal];
}
