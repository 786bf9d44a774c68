import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";

/** The activity a course definition is for, with what its access rule and the "is a course" check need. */
export const findCourseActivity = (db: Kysely<DB>, activityId: string) =>
  db
    .selectFrom("activity")
    .select(["id", "kind", "organiserId", "hostInstitutionId"])
    .where("id", "=", activityId)
    .executeTakeFirst();
