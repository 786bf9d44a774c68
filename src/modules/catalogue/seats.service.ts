/*
 * Seats in TypeScript: the organiser's accept (`seatAvailable`) and the waitlist served when a seat frees up
 * (`offerFreedSeats`), each under the event's row lock its caller holds. A nomination's own seat is taken by
 * `accord_nominate` in one statement (catalogue.queries.ts `takeSeat`). A freed seat is not given away: it is
 * offered to the next waitlisted nomination for `config.seatOfferHours`, and held by the offer until it is
 * accepted, declined or expires (offers.service.ts).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { writeAudit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { notifyNominations } from "../notices/index.js";
import * as queries from "./catalogue.queries.js";
import * as offers from "./offers.queries.js";

type Trx = Kysely<DB>;

export type Offered = { offerId: string; nominationId: string; eventId: string; expiresAt: Date };

/**
 * Offers the free seats of a locked event to its waitlist in priority order (1 first, then arrival) while seats
 * and the nation's quota allow, counting the seats open offers hold. Runs inside the transaction that freed the
 * seat, under the same row lock; `skipId` (a nomination just moved off its seat) is passed over.
 */
export async function offerFreedSeats(
  ctx: Ctx,
  trx: Trx,
  eventId: string,
  skipId: string | null,
): Promise<Offered[]> {
  const event = await queries.lockEvent(trx, eventId);
  if (!event || !["planned", "open", "closed"].includes(event.status)) return [];
  const counts = await queries.acceptedCounts(trx, eventId);
  let total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const offered: Offered[] = [];
  for (const candidate of await offers.offerCandidates(trx, eventId)) {
    if (event.capacity !== null && total >= event.capacity) break;
    if (candidate.id === skipId) continue;
    const nationCount = counts.get(candidate.nationId) ?? 0;
    if (event.nationQuota !== null && nationCount >= event.nationQuota) continue;
    const offer = await offers.insertOffer(trx, {
      nominationId: candidate.id,
      eventId,
      hours: ctx.config.seatOfferHours,
    });
    counts.set(candidate.nationId, nationCount + 1);
    total++;
    offered.push({ offerId: offer.id, nominationId: candidate.id, eventId, expiresAt: offer.expiresAt });
    await notifyNominations(trx, {
      nominationIds: [candidate.id],
      kind: "nomination.offered",
      title: `${event.activityCode}: a seat is offered until ${offer.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      body: event.activityTitle,
      actorUserId: null,
      organisers: true,
      concerned: true,
    });
  }
  return offered;
}

export async function auditOffers(trx: Trx, ctx: Ctx, offered: Offered[]) {
  for (const offer of offered) {
    await writeAudit(trx, ctx, {
      action: "seat_offer.offer",
      recordType: "seat_offer",
      recordId: offer.offerId,
      after: {
        nominationId: offer.nominationId,
        status: "offered",
        expiresAt: offer.expiresAt.toISOString(),
      },
      detail: { reason: "seat freed on the event" },
    });
  }
}

export function seatAvailable(event: queries.LockedEvent, counts: Map<string, number>, nationId: string) {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (event.capacity !== null && total >= event.capacity) return "capacity" as const;
  if (event.nationQuota !== null && (counts.get(nationId) ?? 0) >= event.nationQuota) return "quota" as const;
  return null;
}
