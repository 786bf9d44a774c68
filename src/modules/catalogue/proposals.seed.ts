import type { Db } from "../../db/database.js";

const CODE = "AZE-NDU-CYBER-2027";

/**
 * Demo: a partner's proposal awaiting the alliance's decision (issue 22, item 6). The National Defence University of
 * Azerbaijan, a partner nation's institution, proposes a course for the 2027 menu; it stays outside the menu until
 * alliance staff approve it, so the Proposals page has something to decide on. Written once, by its code: once
 * approved, rejected or withdrawn in the demo, it is left as it is.
 */
export async function seedActivityProposal(db: Db): Promise<void> {
  const [organiser, host] = await Promise.all([
    db.selectFrom("organisation").select("id").where("code", "=", "AZE-NDU").executeTakeFirst(),
    db.selectFrom("nation").select("id").where("code", "=", "AZE").executeTakeFirst(),
  ]);
  if (!organiser || !host) return;
  const activity = await db
    .insertInto("activity")
    .values({
      code: CODE,
      titleEn: "Cyber defence awareness course for staff officers",
      titleAz: "Qərargah zabitləri üçün kiber müdafiə maarifləndirmə kursu",
      titleRu: "Курс по основам киберзащиты для офицеров штабов",
      descriptionEn:
        "Proposed by the National Defence University for the 2027 menu: one week on protecting headquarters networks, " +
        "reporting incidents and working with the alliance's cyber defence centres. Open to partner and member nations.",
      kind: "course",
      menuYear: 2027,
      organiserId: organiser.id,
      hostInstitutionId: organiser.id,
      hostNationId: host.id,
      city: "Baku",
      languages: ["en", "az"],
      capacity: 24,
      nationQuota: 3,
      status: "proposed",
      sample: true,
      ownerOrganisationId: organiser.id,
      releasability: "public",
    })
    .onConflict((oc) => oc.column("code").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!activity) return;
  await db
    .insertInto("activityArea")
    .values([
      { activityId: activity.id, areaCode: "education_training" },
      { activityId: activity.id, areaCode: "interoperability" },
    ])
    .execute();
  await db
    .insertInto("event")
    .values({
      activityId: activity.id,
      startsOn: "2027-10-04",
      endsOn: "2027-10-08",
      timeZone: "Asia/Baku",
      city: "Baku",
      hostNationId: host.id,
      status: "planned",
      sample: true,
    })
    .execute();
}
