import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";

/** The plan a period belongs to (undefined for no such period). */
export async function planOfPeriod(db: Kysely<DB>, periodId: string) {
  const row = await db
    .selectFrom("planPeriod")
    .select("planId")
    .where("id", "=", periodId)
    .executeTakeFirst();
  return row?.planId;
}
