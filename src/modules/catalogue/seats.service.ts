/*
 * Seats in TypeScript: the organiser's accept (`seatAvailable`) and the waitlist served when a seat frees up
 * (`promoteFromWaitlist`), each under the event's row lock its caller holds. A nomination's own seat is taken by
 * `accord_nominate` in one statement (catalogue.queries.ts `takeSeat`).
 */
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { writeAudit } from "../../platform/audit.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { notifyNominations } from "../notifications/index.js";
import * as queries from "./catalogue.queries.js";
import { setNominationStatus } from "./nominations.queries.js";

type Trx = Kysely<DB>;

export type Promotion = { nominationId: string; eventId: string };

/**
 * Serves the waitlist of a locked event in priority order (1 first, then arrival) while seats and the nation's
 * quota allow. Runs inside the transaction that freed the seat, under the same row lock.
 */
export async function promoteFromWaitlist(
  ctx: Ctx,
  trx: Trx,
  eventId: string,
  skipId: string | null,
): Promise<Promotion[]> {
  const event = await queries.lockEvent(trx, eventId);
  if (!event || !["planned", "open", "closed"].includes(event.status)) return [];
  const counts = await queries.acceptedCounts(trx, eventId);
  let total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const promoted: Promotion[] = [];
  for (const candidate of await queries.waitlist(trx, eventId)) {
    if (event.capacity !== null && total >= event.capacity) break;
    if (candidate.id === skipId) continue;
    const nationCount = counts.get(candidate.nationId) ?? 0;
    if (event.nationQuota !== null && nationCount >= event.nationQuota) continue;
    await setNominationStatus(trx, candidate.id, {
      status: "accepted",
      statusReason: "Promoted from the waitlist",
      decidedBy: ctx.viewer.userId,
    });
    counts.set(candidate.nationId, nationCount + 1);
    total++;
    promoted.push({ nominationId: candidate.id, eventId });
    await notifyNominations(trx, {
      nominationIds: [candidate.id],
      kind: "nomination.promoted",
      title: `${event.activityCode}: promoted from the waitlist to a seat`,
      body: event.activityTitle,
      actorUserId: null,
      organisers: true,
      concerned: true,
    });
  }
  return promoted;
}

export async function auditPromotions(trx: Trx, ctx: Ctx, promoted: Promotion[]) {
  for (const promotion of promoted) {
    await writeAudit(trx, ctx, {
      action: "nomination.promote",
      recordType: "nomination",
      recordId: promotion.nominationId,
      before: { status: "waitlisted" },
      after: { status: "accepted" },
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
