import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";

/** Links a programme item to the plan objectives it serves. */
export async function linkObjectives(db: Kysely<DB>, itemId: string, objectiveIds: string[]) {
  if (!objectiveIds.length) return;
  await db
    .insertInto("programmeItemObjective")
    .values(objectiveIds.map((objectiveId) => ({ itemId, objectiveId })))
    .execute();
}

/** Replaces the objectives a programme item serves. */
export async function replaceObjectives(db: Kysely<DB>, itemId: string, objectiveIds: string[]) {
  await db.deleteFrom("programmeItemObjective").where("itemId", "=", itemId).execute();
  await linkObjectives(db, itemId, objectiveIds);
}
