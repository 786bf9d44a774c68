import { type Kysely, sql } from "kysely";
import type { Commitment, DoubleBooking } from "../../db/schema/catalogue.js";
import type { DB } from "../../db/schema/index.js";
import type { ReleasableRecord } from "../../platform/access/releasability.js";

/*
 * Seat offers (0037_seat_offer): the writes run under the event's row lock their caller holds (seats.service.ts,
 * offers.service.ts); an open offer holds its seat (catalogue.queries.ts `acceptedCounts`, `accord_held_seats`).
 */

type Q = Kysely<DB>;

export type OfferStatus = "offered" | "accepted" | "declined" | "expired" | "withdrawn";

/**
 * The waitlist a freed seat is offered to, in priority order (1 first, then arrival): waitlisted nominations
 * without an open offer, and not passed over already (an offer of theirs expired or was declined).
 */
export function offerCandidates(trx: Q, eventId: string) {
  return trx
    .selectFrom("nomination as n")
    .select(["n.id", "n.nationId", "n.personId", "n.priority"])
    .where("n.eventId", "=", eventId)
    .where("n.status", "=", "waitlisted")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("seatOffer as o")
            .select("o.id")
            .whereRef("o.nominationId", "=", "n.id")
            .where("o.status", "in", ["offered", "declined", "expired"]),
        ),
      ),
    )
    .orderBy("n.priority")
    .orderBy("n.createdAt")
    .orderBy("n.id")
    .execute();
}

export function insertOffer(trx: Q, input: { nominationId: string; eventId: string; hours: number }) {
  return trx
    .insertInto("seatOffer")
    .values({
      nominationId: input.nominationId,
      eventId: input.eventId,
      expiresAt: sql<Date>`now() + make_interval(hours => ${input.hours}::int)`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const offerColumns = [
  "o.id",
  "o.nominationId",
  "o.eventId",
  "o.offeredAt",
  "o.expiresAt",
  "o.status",
  "o.decidedAt",
  "o.decidedBy",
  "o.reason",
  "n.personId",
  "n.nationId",
  "n.status as nominationStatus",
  "p.givenName",
  "p.familyName",
  "a.code as activityCode",
  "a.titleEn as activityTitle",
  "a.organiserId",
  "a.hostInstitutionId",
  "e.startsOn",
  "e.endsOn",
] as const;

function offersWithContext(db: Q) {
  return db
    .selectFrom("seatOffer as o")
    .innerJoin("nomination as n", "n.id", "o.nominationId")
    .innerJoin("person as p", "p.id", "n.personId")
    .innerJoin("event as e", "e.id", "o.eventId")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .select(offerColumns);
}

export type OfferRow = Awaited<ReturnType<typeof findOffer>> & {};

export function findOffer(db: Q, id: string) {
  return offersWithContext(db).where("o.id", "=", id).executeTakeFirst();
}

/** Locks an offer row (the caller holds its event's row lock first: the order every seat write keeps). */
export function lockOffer(trx: Q, id: string) {
  return trx.selectFrom("seatOffer").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

export function closeOffer(
  trx: Q,
  id: string,
  decision: { status: Exclude<OfferStatus, "offered">; decidedBy: string | null; reason: string | null },
) {
  return trx
    .updateTable("seatOffer")
    .set({ ...decision, decidedAt: sql`now()` })
    .where("id", "=", id)
    .where("status", "=", "offered")
    .returningAll()
    .executeTakeFirst();
}

/** The events with offers due to expire at `now` (read without locks: each is settled under its event's lock). */
export async function eventsWithDueOffers(db: Q, now: Date) {
  const rows = await db
    .selectFrom("seatOffer")
    .select("eventId")
    .distinct()
    .where("status", "=", "offered")
    .where("expiresAt", "<=", now)
    .execute();
  return rows.map((row) => row.eventId);
}

/**
 * The offers of a locked event due at `now`, locked; an offer another run holds is skipped (it settles it), one
 * settled meanwhile no longer matches.
 */
export function lockDueOffers(trx: Q, eventId: string, now: Date) {
  return trx
    .selectFrom("seatOffer")
    .selectAll()
    .where("eventId", "=", eventId)
    .where("status", "=", "offered")
    .where("expiresAt", "<=", now)
    .orderBy("expiresAt")
    .forUpdate()
    .skipLocked()
    .execute();
}

export function eventOffers(db: Q, eventId: string) {
  return offersWithContext(db).where("o.eventId", "=", eventId).orderBy("o.offeredAt", "desc").execute();
}

/** A person's offers: the open ones first, then the newest. */
export function personOffers(db: Q, personId: string) {
  return offersWithContext(db)
    .where("n.personId", "=", personId)
    .orderBy(sql`o.status = 'offered'`, "desc")
    .orderBy("o.offeredAt", "desc")
    .limit(50)
    .execute();
}

/** A nomination's open offer, if any. */
export function openOfferOf(trx: Q, nominationId: string) {
  return trx
    .selectFrom("seatOffer")
    .selectAll()
    .where("nominationId", "=", nominationId)
    .where("status", "=", "offered")
    .executeTakeFirst();
}

export type AcceptOutcome =
  | { outcome: "accepted"; detail: null }
  | { outcome: "missing_offer" | "missing_event" | "missing_nomination" | "no_seat"; detail: null }
  | { outcome: "offer_status" | "event_status" | "nomination_status"; detail: { status: string } }
  | { outcome: "expired"; detail: { expiresAt: string } }
  | { outcome: "double_booked"; detail: { conflicts: (Commitment & ReleasableRecord)[] } };

/**
 * Accepts an open offer in one statement, its own transaction (src/db/functions/accord_accept_offer.sql): the
 * caller awaits `awaitDurable` before it answers. Writes nothing unless the outcome is `accepted`.
 */
export async function acceptOfferAtOnce(
  db: Q,
  input: {
    offerId: string;
    acceptFrom: string[];
    doubleBooking: DoubleBooking | null;
    actorUserId: string | null;
    actorLabel: string;
    requestId: string | null;
  },
): Promise<AcceptOutcome> {
  const { rows } = await sql<AcceptOutcome>`
    select outcome, detail from accord_accept_offer(${input.offerId}::uuid, ${input.acceptFrom}::text[],
      ${input.doubleBooking && JSON.stringify(input.doubleBooking)}::jsonb, ${input.actorUserId}::uuid,
      ${input.actorLabel}, ${input.requestId})`.execute(db);
  return rows[0]!;
}
