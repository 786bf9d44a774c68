import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let aze: string;
let programmeId: string;
const activityIds: string[] = [];

const itemActivities = async (id: string) =>
  (await azeCoordinator.get(`/api/annual-programmes/${id}`)).body.items
    .map((item: { activity: { code: string } | null }) => item.activity?.code ?? null)
    .sort();

const auditedAdds = async () =>
  Number(
    (
      await t.db
        .selectFrom("auditEntry")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("action", "=", "programme.item.add")
        .where("recordType", "=", "programme_item")
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  aze = await t.nationId("AZE");
  const organiserId = await t.organisationId("NATO-SCHOOL");
  for (const [code, area] of [
    ["T-BULK-A", "logistics"],
    ["T-BULK-B", "counter_terrorism"],
    ["T-BULK-C", "logistics"],
    ["T-BULK-NOAREA", null],
  ] as const) {
    const activity = await t.db
      .insertInto("activity")
      .values({
        code,
        titleEn: `Activity ${code}`,
        kind: "course",
        menuYear: 2031,
        organiserId,
        ownerOrganisationId: organiserId,
        status: "published",
        prerequisites: "{}",
        externalRefs: "[]",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (area)
      await t.db.insertInto("activityArea").values({ activityId: activity.id, areaCode: area }).execute();
    activityIds.push(activity.id);
  }
  const created = await azeCoordinator.post("/api/annual-programmes", {
    nationId: aze,
    firstYear: 2031,
    title: "Bulk programme 2031",
  });
  expect(created.status).toBe(201);
  programmeId = created.body.id;
});
afterAll(() => t.close());

describe("adding several catalogue activities to a programme at once", () => {
  it("adds the whole selection in one request, each item audited, with the planned participants and objectives", async () => {
    const before = await auditedAdds();
    const plans = await azeCoordinator.get(`/api/plans?nationId=${aze}`);
    const planId = plans.body.items.find((p: { code: string }) => p.code === "AZE-IPAP").id;
    const objectiveId = (await azeCoordinator.get(`/api/plans/${planId}`)).body.objectives[0].id;
    const added = await azeCoordinator.post(`/api/annual-programmes/${programmeId}/items/bulk`, {
      activityIds: [activityIds[0], activityIds[1]],
      plannedParticipants: 4,
      objectiveIds: [objectiveId],
    });
    expect(added.status).toBe(201);
    expect(added.body.itemCount).toBe(2);
    expect(
      added.body.items.map(
        (item: { areaCode: string; plannedParticipants: number; objectiveIds: string[] }) => [
          item.areaCode,
          item.plannedParticipants,
          item.objectiveIds,
        ],
      ),
    ).toEqual([
      ["counter_terrorism", 4, [objectiveId]],
      ["logistics", 4, [objectiveId]],
    ]);
    expect(await auditedAdds()).toBe(before + 2);
  });

  it("refuses a selection with an activity already on the programme, naming it, and adds none of the others", async () => {
    const before = await auditedAdds();
    const refused = await azeCoordinator.post(`/api/annual-programmes/${programmeId}/items/bulk`, {
      activityIds: [activityIds[2], activityIds[1]],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("CONFLICT");
    expect(refused.body.fields).toEqual([
      { field: "body.activityIds.1", message: "T-BULK-B is already on the programme" },
    ]);
    expect(await itemActivities(programmeId)).toEqual(["T-BULK-A", "T-BULK-B"]);
    expect(await auditedAdds()).toBe(before);
  });

  it("refuses an activity without an area of cooperation and an unknown activity, naming their place", async () => {
    const noArea = await azeCoordinator.post(`/api/annual-programmes/${programmeId}/items/bulk`, {
      activityIds: [activityIds[2], activityIds[3]],
    });
    expect(noArea.status).toBe(400);
    expect(noArea.body.fields[0].field).toBe("body.activityIds.1");
    expect(noArea.body.fields[0].message).toContain("T-BULK-NOAREA");
    const unknown = await azeCoordinator.post(`/api/annual-programmes/${programmeId}/items/bulk`, {
      activityIds: ["00000000-0000-4000-8000-000000000001"],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0]).toEqual({ field: "body.activityIds.0", message: "no such activity" });
    expect(await itemActivities(programmeId)).toEqual(["T-BULK-A", "T-BULK-B"]);
  });

  it("validates the body and lets only the owner's coordinators add", async () => {
    const empty = await azeCoordinator.post(`/api/annual-programmes/${programmeId}/items/bulk`, {
      activityIds: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.body.fields[0].field).toBe("body.activityIds");
    const twice = await azeCoordinator.post(`/api/annual-programmes/${programmeId}/items/bulk`, {
      activityIds: [activityIds[2], activityIds[2]],
    });
    expect(twice.status).toBe(400);
    const foreign = await geoCoordinator.post(`/api/annual-programmes/${programmeId}/items/bulk`, {
      activityIds: [activityIds[2]],
    });
    expect([403, 404]).toContain(foreign.status);
    expect(await itemActivities(programmeId)).toEqual(["T-BULK-A", "T-BULK-B"]);
  });
});
