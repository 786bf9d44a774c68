import { sql } from "kysely";
import type { TestApp } from "./test-app.js";

/**
 * The calendar reaches an evaluation planned for later: it starts today, so its team may answer (no answer is
 * taken before the evaluation's first day). Tests plan far ahead so that the team's certifications and periods
 * stay valid whatever day they run; this moves only the start.
 */
export async function startsToday(t: TestApp, evaluationId: string) {
  const moved = await t.db
    .updateTable("evaluation")
    .set({ startsOn: sql<string>`current_date` })
    .where("id", "=", evaluationId)
    .executeTakeFirst();
  if (moved.numUpdatedRows !== 1n) throw new Error(`No evaluation ${evaluationId} to start`);
}
