import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";

type Q = Kysely<DB>;

/** One line of a goal's status history. */
export function recordStatusChange(db: Q, change: Insertable<DB["goalStatusChange"]>) {
  return db.insertInto("goalStatusChange").values(change).execute();
}

/** Links an activity to a goal (a link already there stays as it is). */
export function linkActivity(db: Q, goalId: string, activityId: string) {
  return db
    .insertInto("goalActivity")
    .values({ goalId, activityId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
