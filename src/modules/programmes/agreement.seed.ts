import type { Db } from "../../db/database.js";
import { snapshotOf } from "./programme-versions.queries.js";

/**
 * Demo: a programme awaiting agreement (issue 22, item 6). Georgia's programme for 2027, submitted by its side and
 * not yet agreed by alliance staff, with its first version kept as submitted. Idempotent: nothing is written when
 * Georgia already has a programme covering 2027.
 */
export async function seedProgrammeAgreement(db: Db): Promise<void> {
  const geo = await db.selectFrom("nation").select("id").where("code", "=", "GEO").executeTakeFirst();
  const nato = await db.selectFrom("organisation").select("id").where("code", "=", "NATO").executeTakeFirst();
  if (!geo || !nato) return;
  const programme = await db
    .insertInto("annualProgramme")
    .values({
      nationId: geo.id,
      firstYear: 2027,
      lastYear: 2027,
      title: "Partnership programme 2027 (sample, awaiting agreement)",
      status: "submitted",
      note: "Sample data: submitted by the partner, waiting for the alliance's agreement.",
      sample: true,
      ownerNationId: geo.id,
      releasability: "restricted",
      releaseOrganisations: [nato.id],
    })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!programme) return;
  const activity = await db
    .selectFrom("activity as a")
    .innerJoin("activityArea as aa", "aa.activityId", "a.id")
    .select(["a.id", (eb) => eb.fn.min("aa.areaCode").as("areaCode")])
    .where("a.code", "like", "M27-CRI-%")
    .where("a.status", "=", "published")
    .groupBy(["a.id", "a.code"])
    .orderBy("a.code")
    .executeTakeFirst();
  await db
    .insertInto("programmeItem")
    .values([
      ...(activity
        ? [{ programmeId: programme.id, activityId: activity.id, areaCode: activity.areaCode, sample: true }]
        : []),
      {
        programmeId: programme.id,
        title: "Staff talks on logistics interoperability",
        areaCode: "logistics",
        plannedStartsOn: "2027-04-12",
        plannedEndsOn: "2027-04-13",
        plannedParticipants: 3,
        sample: true,
      },
      {
        programmeId: programme.id,
        title: "National cyber defence exercise with alliance observers",
        areaCode: "cyber_defence",
        plannedStartsOn: "2027-10-04",
        plannedEndsOn: "2027-10-08",
        plannedParticipants: 6,
        sample: true,
      },
    ])
    .execute();
  await db
    .insertInto("annualProgrammeVersion")
    .values({
      programmeId: programme.id,
      version: 1,
      snapshot: JSON.stringify(await snapshotOf(db, programme.id)),
      submittedBy: null,
    })
    .execute();
}
