import { type Kysely, sql } from "kysely";
import type { DoubleBooking } from "../../db/schema/catalogue.js";
import type { DB } from "../../db/schema/index.js";
import type { NominationPatch } from "./catalogue.schemas.js";

/*
 * The writes of a nomination (nominations.service.ts, seats.service.ts), each under the event's row lock its caller
 * holds; the reads and the seat-taking statement are in catalogue.queries.ts.
 */

type Q = Kysely<DB>;

/** A decision on the nomination: its new status, why, by whom and now. */
export function setNominationStatus(
  trx: Q,
  id: string,
  decision: {
    status: "accepted" | "waitlisted" | "declined" | "cancelled" | "withdrawn";
    statusReason: string | null;
    decidedBy: string | null;
  },
) {
  return trx
    .updateTable("nomination")
    .set({ ...decision, decidedAt: sql`now()` })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The nominator's own fields (priority, note). */
export function updateNomination(trx: Q, id: string, patch: Omit<NominationPatch, "reason">) {
  return trx
    .updateTable("nomination")
    .set(patch)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setAttendance(
  trx: Q,
  id: string,
  attendance: { attendance: "attended" | "partly" | "absent"; completed: boolean | null },
) {
  await trx.updateTable("nomination").set(attendance).where("id", "=", id).execute();
}

/** The double booking an acceptance overrode (issue 22, item 4), or null for an acceptance without one. */
export async function setDoubleBooking(trx: Q, id: string, doubleBooking: DoubleBooking | null) {
  await trx
    .updateTable("nomination")
    .set({ doubleBooking: doubleBooking && JSON.stringify(doubleBooking) })
    .where("id", "=", id)
    .execute();
}
