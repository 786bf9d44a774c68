/*
 * Double booking (issue 22, item 4): a person accepted for something over dates already committed elsewhere. Any
 * capability that accepts a person calls `checkDoubleBooking` inside its accepting transaction, after the locks of its
 * own record: it locks the person, so that two acceptances of one person are decided one after the other, and
 * refuses (409 DOUBLE_BOOKING with the conflicts) unless the request overrides with a reason.
 */
import type { Kysely } from "kysely";
import type { Commitment, DoubleBooking } from "../../db/schema/catalogue.js";
import type { DB } from "../../db/schema/index.js";
import { canRead, type ReleasableRecord } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { doubleBooked, unprocessable } from "../../platform/errors.js";
import { lockPerson, personCommitments } from "./commitments.queries.js";

export interface BookingOverride {
  override?: boolean;
  overrideReason?: string;
}

/** 422 naming `body.overrideReason` for an override without a reason; checked before any transaction. */
export function assertOverrideReason(input: BookingOverride) {
  if (input.override && !input.overrideReason?.trim())
    throw unprocessable("body.overrideReason", "an override of a double booking needs a reason");
}

/**
 * Null when the person has no other commitment over [from, to]; the override to record when they have and the request
 * overrides; otherwise throws DOUBLE_BOOKING. Titles of commitments the viewer may not read are left out (null).
 */
export async function checkDoubleBooking(
  trx: Kysely<DB>,
  viewer: Viewer,
  booking: {
    personId: string;
    from: string;
    to: string;
    exceptEventId: string | null;
    /** Evaluation teams left to their own rule (an exclusion constraint: never two at once, no override). */
    exceptEvaluations?: boolean;
  },
  input: BookingOverride,
): Promise<DoubleBooking | null> {
  await lockPerson(trx, booking.personId);
  const rows = (await personCommitments(trx, booking)).filter(
    (row) => !(booking.exceptEvaluations && row.recordType === "evaluation"),
  );
  return doubleBookingOf(viewer, rows, input);
}

/**
 * The same decision over commitments already found under the person's lock (a seat function that looked them up
 * itself): null for none, the override to record, or DOUBLE_BOOKING.
 */
export function doubleBookingOf(
  viewer: Viewer,
  rows: (Commitment & ReleasableRecord)[],
  input: BookingOverride,
): DoubleBooking | null {
  if (!rows.length) return null;
  const conflicts = rows.map((row) => ({
    kind: row.kind,
    recordType: row.recordType,
    id: row.id,
    title: canRead(viewer, row) ? row.title : null,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
  }));
  if (!input.override || !input.overrideReason?.trim()) throw doubleBooked(conflicts);
  return { reason: input.overrideReason.trim(), conflicts };
}
