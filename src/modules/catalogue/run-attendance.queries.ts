import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";

/**
 * Attendance per session and participant, written in the caller's transaction: training records a course run's
 * sheet through this (catalogue owns `session_attendance`). A second record of the same pair replaces the first;
 * unlike the catalogue's own sheet (`session-attendance.queries.ts`) it leaves a note recorded there as it is.
 */
export function recordRunAttendance(
  trx: Transaction<DB>,
  entries: { sessionId: string; nominationId: string; present: boolean }[],
  recordedBy: string | null,
) {
  return trx
    .insertInto("sessionAttendance")
    .values(entries.map((entry) => ({ ...entry, recordedBy })))
    .onConflict((oc) =>
      oc.columns(["sessionId", "nominationId"]).doUpdateSet((eb) => ({
        present: eb.ref("excluded.present"),
        recordedBy: eb.ref("excluded.recordedBy"),
        recordedAt: sql<Date>`now()`,
      })),
    )
    .execute();
}
