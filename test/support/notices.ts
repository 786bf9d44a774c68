import type { Db } from "../../src/db/database.js";

/** The user ids told of `kind` on `recordId` (a notice each), sorted: who a write notified, for a test to compare. */
export async function toldUsers(db: Db, kind: string, recordId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("notification")
    .select("userId")
    .where("kind", "=", kind)
    .where("recordId", "=", recordId)
    .execute();
  return rows.map((row) => row.userId).sort();
}
