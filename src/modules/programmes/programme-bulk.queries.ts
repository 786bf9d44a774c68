import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";

type Q = Kysely<DB>;

/** The activities already on a programme, with their codes (for a refusal that names them). */
export function activitiesOnProgramme(db: Q, programmeId: string, activityIds: string[]) {
  return db
    .selectFrom("programmeItem as pi")
    .innerJoin("activity as a", "a.id", "pi.activityId")
    .select(["a.id", "a.code"])
    .where("pi.programmeId", "=", programmeId)
    .where("pi.activityId", "in", activityIds)
    .execute();
}

export interface NewItem {
  programmeId: string;
  activityId: string;
  areaCode: string;
  plannedParticipants?: number;
}

/** Inserts the items and their objective links; returns the inserted rows. */
export async function insertItems(db: Q, items: NewItem[], objectiveIds: string[]) {
  const rows = await db.insertInto("programmeItem").values(items).returningAll().execute();
  if (objectiveIds.length)
    await db
      .insertInto("programmeItemObjective")
      .values(rows.flatMap((row) => objectiveIds.map((objectiveId) => ({ itemId: row.id, objectiveId }))))
      .execute();
  return rows;
}
