import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";

/* The writes of an event and its sessions (events.service.ts); its reads are in catalogue.queries.ts. */

type Q = Kysely<DB>;

/** The organisers of an activity, as the event rules check them. */
export function activityOwner(db: Q, activityId: string) {
  return db
    .selectFrom("activity")
    .select(["organiserId", "hostInstitutionId"])
    .where("id", "=", activityId)
    .executeTakeFirstOrThrow();
}

/** The capacity and per-nation quota an event without its own inherits from its activity. */
export function activityCapacity(db: Q, activityId: string) {
  return db
    .selectFrom("activity")
    .select(["capacity", "nationQuota"])
    .where("id", "=", activityId)
    .executeTakeFirstOrThrow();
}

/** The event's own row (its capacity as set, not the effective one). */
export function eventRow(db: Q, id: string) {
  return db.selectFrom("event").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** The nominations holding or waiting for a seat of the event. */
export function seatHolders(db: Q, eventId: string) {
  return db
    .selectFrom("nomination")
    .select("id")
    .where("eventId", "=", eventId)
    .where("status", "in", ["accepted", "waitlisted"])
    .execute();
}

export async function markEventCancelled(trx: Q, id: string, reason: string) {
  await trx
    .updateTable("event")
    .set({ status: "cancelled", cancelReason: reason })
    .where("id", "=", id)
    .execute();
}

/** Cancels every open nomination of the event (nominated, accepted, waitlisted); returns their ids. */
export function cancelNominationsOfEvent(trx: Q, eventId: string, reason: string, decidedBy: string | null) {
  return trx
    .updateTable("nomination")
    .set({
      status: "cancelled",
      statusReason: `Event cancelled: ${reason}`,
      decidedBy,
      decidedAt: sql`now()`,
    })
    .where("eventId", "=", eventId)
    .where("status", "in", ["nominated", "accepted", "waitlisted"])
    .returning("id")
    .execute();
}
