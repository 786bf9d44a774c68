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

/** Both sides' agreement of a goal: when, and the name of the account that agreed (null once it is removed). */
export async function goalAgreement(db: Q, goalId: string) {
  const row = await db
    .selectFrom("partnershipGoal as g")
    .leftJoin("appUser as p", "p.id", "g.partnerAgreedBy")
    .leftJoin("appUser as a", "a.id", "g.allianceAgreedBy")
    .where("g.id", "=", goalId)
    .select([
      "g.partnerAgreedAt",
      "g.partnerAgreedBy",
      "p.displayName as partnerName",
      "g.allianceAgreedAt",
      "g.allianceAgreedBy",
      "a.displayName as allianceName",
    ])
    .executeTakeFirst();
  const side = (
    at: Date | null | undefined,
    by: string | null | undefined,
    name: string | null | undefined,
  ) => (at ? { agreedAt: at, agreedBy: by ? { id: by, displayName: name ?? "" } : null } : null);
  return {
    partner: side(row?.partnerAgreedAt, row?.partnerAgreedBy, row?.partnerName),
    alliance: side(row?.allianceAgreedAt, row?.allianceAgreedBy, row?.allianceName),
  };
}
