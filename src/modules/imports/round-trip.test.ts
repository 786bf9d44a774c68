import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upload } from "../../../test/support/import-upload.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

/**
 * Round trip between two instances: records made on the source instance, exported as a list file, imported into
 * another, empty instance (the same seed, none of the records), read back there: the same records.
 */

let source: TestApp;
let target: TestApp;
let sourceAdmin: Agent;
let targetAdmin: Agent;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestApp(), createTestApp()]);
  await Promise.all([source.seed(), target.seed()]);
  [sourceAdmin, targetAdmin] = await Promise.all([
    source.signIn({ role: "administrator" }),
    target.signIn({ role: "administrator" }),
  ]);
});
afterAll(() => Promise.all([source.close(), target.close()]));

/** Exports `url` from the source as CSV (and XLSX), imports each into the target, returns the commit results. */
async function carry(url: string, kind: string) {
  const csv = await sourceAdmin.get(url);
  expect(csv.status, csv.text).toBe(200);
  const imported = await upload(target, targetAdmin, `/api/imports/${kind}/commit`, "export.csv", csv.text);
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  expect(imported.body.errors).toEqual([]);
  return imported.body;
}

describe("round trip of every import kind between two instances", () => {
  it("contributions to trust funds", async () => {
    const nationIds = await Promise.all(["AZE", "GEO"].map((code) => source.nationId(code)));
    const fund = await sourceAdmin.get("/api/trust-funds");
    const fundId = fund.body.items.find((f: { code: string }) => f.code === "ANA-TF").id;
    for (const [nationId, pledged, paid, note] of [
      [nationIds[0], "125000.50", "25000.00", "=SUM(A1:A2) in a note"],
      [nationIds[1], "900.00", "900.00", null],
    ] as const) {
      const created = await sourceAdmin.post("/api/fund-contributions", {
        trustFundId: fundId,
        nationId,
        year: 2091,
        currency: "EUR",
        pledged,
        paid,
        note,
      });
      expect(created.status, created.text).toBe(201);
    }
    const list = async (agent: Agent) =>
      (await agent.get(`/api/fund-contributions?year=2091&limit=100`)).body.items
        .map((c: Record<string, { code?: string } | string | null>) => [
          (c.trustFund as { code: string }).code,
          (c.nation as { code: string }).code,
          c.year,
          c.currency,
          c.pledged,
          c.paid,
          c.note,
        ])
        .sort((a: string[], b: string[]) => a[1]!.localeCompare(b[1]!));
    expect(await list(targetAdmin)).toEqual([]);
    const result = await carry("/api/exports/fund-contributions?year=2091&lang=az", "contributions");
    expect(result).toMatchObject({ created: 2, updated: 0 });
    expect(await list(targetAdmin)).toEqual(await list(sourceAdmin));
    expect((await list(targetAdmin))[0]).toEqual([
      "ANA-TF",
      "AZE",
      2091,
      "EUR",
      "125000.50",
      "25000.00",
      "=SUM(A1:A2) in a note",
    ]);
  });

  it("partnership goals", async () => {
    const nationId = await source.nationId("GEO");
    for (const goal of [
      {
        code: "RT-GOAL-1",
        title: "Logistics interoperability",
        areaCode: "cyber_defence",
        agreedYear: 2026,
        targetOn: "2029-06-30",
        status: "agreed",
        description: "+ multi-line\nnote",
      },
      { code: "RT-GOAL-2", title: "Мирное сотрудничество", areaCode: "crisis_management" },
    ]) {
      const created = await sourceAdmin.post("/api/partnership-goals", { nationId, ...goal });
      expect(created.status, created.text).toBe(201);
    }
    const list = async (app: TestApp, agent: Agent) =>
      (await agent.get(`/api/partnership-goals?nationId=${await app.nationId("GEO")}&limit=100`)).body.items
        .filter((g: { code: string }) => g.code.startsWith("RT-GOAL-"))
        .map((g: Record<string, unknown>) => [
          (g.nation as { code: string }).code,
          g.code,
          g.title,
          g.areaCode,
          g.status,
          g.agreedYear,
          g.targetOn,
          g.description,
        ]);
    expect(await list(target, targetAdmin)).toEqual([]);
    const result = await carry(`/api/exports/partnership-goals?nationId=${nationId}&lang=ru`, "goals");
    expect(result).toMatchObject({ created: 2, updated: 0 });
    const carried = await list(target, targetAdmin);
    expect(carried).toEqual(await list(source, sourceAdmin));
    expect(carried[0]).toEqual([
      "GEO",
      "RT-GOAL-1",
      "Logistics interoperability",
      "cyber_defence",
      "agreed",
      2026,
      "2029-06-30",
      "+ multi-line\nnote",
    ]);
  });

  it("programme items (into the same nation's programme of the other instance)", async () => {
    const makeProgramme = async (app: TestApp, agent: Agent) => {
      const created = await agent.post("/api/annual-programmes", {
        nationId: await app.nationId("GEO"),
        firstYear: 2093,
        title: "Georgia 2093",
      });
      expect(created.status, created.text).toBe(201);
      return created.body.id as string;
    };
    const sourceId = await makeProgramme(source, sourceAdmin);
    const activity = await source.db
      .selectFrom("activity")
      .select(["id", "code"])
      .where("releasability", "=", "public")
      // A programme picks activities of the menu: not a proposal awaiting the alliance (the demo has one).
      .where("status", "=", "published")
      .orderBy("code")
      .executeTakeFirstOrThrow();
    for (const item of [
      {
        activityId: activity.id,
        areaCode: "cyber_defence",
        plannedParticipants: 3,
        note: "-2 seats held back",
      },
      {
        title: "National staff course",
        areaCode: "education_training",
        plannedStartsOn: "2093-04-01",
        plannedEndsOn: "2093-04-10",
        plannedParticipants: 15,
      },
    ]) {
      const added = await sourceAdmin.post(`/api/annual-programmes/${sourceId}/items`, item);
      expect(added.status, added.text).toBe(201);
    }
    const own = (await sourceAdmin.get(`/api/annual-programmes/${sourceId}`)).body.items.find(
      (i: { activityId: string | null }) => !i.activityId,
    );
    const done = await sourceAdmin.patch(`/api/programme-items/${own.id}`, {
      ownOutcome: "done",
      ownParticipants: 14,
    });
    expect(done.status, done.text).toBe(200);

    const targetId = await makeProgramme(target, targetAdmin);
    const items = async (agent: Agent, id: string) =>
      (await agent.get(`/api/annual-programmes/${id}`)).body.items.map((i: Record<string, unknown>) => [
        (i.activity as { code: string } | null)?.code ?? null,
        i.title,
        i.areaCode,
        i.plannedStartsOn,
        i.plannedEndsOn,
        i.plannedParticipants,
        i.ownOutcome,
        i.attended,
        i.implemented,
        i.note,
      ]);
    expect(await items(targetAdmin, targetId)).toEqual([]);
    const result = await carry(
      `/api/exports/programme-items?programmeId=${sourceId}&lang=az`,
      "programme-items",
    );
    expect(result).toMatchObject({ created: 2, updated: 0 });
    const carried = await items(targetAdmin, targetId);
    expect(carried).toEqual(await items(sourceAdmin, sourceId));
    expect(carried).toContainEqual([
      null,
      "National staff course",
      "education_training",
      "2093-04-01",
      "2093-04-10",
      15,
      "done",
      14,
      true,
      null,
    ]);
  });

  it("people, the menu and nominations: the other instance rebuilt from three exported files", async () => {
    const people = [
      {
        givenName: "Leyla",
        familyName: "Rt-Aliyeva",
        email: "leyla.rt@roundtrip.example",
        languages: ["az", "en"],
      },
      {
        givenName: "Nino",
        familyName: "Rt-Beridze",
        email: "nino.rt@roundtrip.example",
        phone: "+995 555 01",
      },
    ];
    const nations = [await source.nationId("AZE"), await source.nationId("GEO")];
    const createdPeople = await Promise.all(
      people.map((person, index) =>
        sourceAdmin.post("/api/people", { ...person, nationId: nations[index], rankTitle: "Major" }),
      ),
    );
    expect(createdPeople.map((created) => created.status)).toEqual([201, 201]);
    const personIds: string[] = createdPeople.map((created) => created.body.id);
    const activity = await sourceAdmin.post("/api/activities", {
      code: "RT-MENU-1",
      titleEn: "Round-trip course",
      kind: "course",
      menuYear: 2094,
      capacity: 12,
      areas: ["cyber_defence"],
      languages: ["en"],
      city: "Baku",
      organiserId: await source.organisationId("NATO-SCHOOL"),
    });
    expect(activity.status, activity.text).toBe(201);
    const event = await sourceAdmin.post(`/api/activities/${activity.body.id}/events`, {
      startsOn: "2094-05-04",
      endsOn: "2094-05-08",
    });
    expect(event.status, event.text).toBe(201);
    // Two more events of the same activity, one of them in another city: the export lists every event's dates.
    const more = [
      await sourceAdmin.post(`/api/activities/${activity.body.id}/events`, {
        startsOn: "2094-09-07",
        endsOn: "2094-09-11",
      }),
      await sourceAdmin.post(`/api/activities/${activity.body.id}/events`, {
        startsOn: "2094-02-02",
        endsOn: "2094-02-06",
      }),
    ];
    expect(more.map((response) => response.status)).toEqual([201, 201]);
    const publish = (agent: Agent, id: string) =>
      agent.post(`/api/activities/${id}/status`, { status: "published" });
    expect((await publish(sourceAdmin, activity.body.id)).status).toBe(200);
    const nominated = [
      await sourceAdmin.post(`/api/events/${event.body.id}/nominations`, {
        personId: personIds[0],
        priority: 1,
        note: "+ interpreter needed",
      }),
      await sourceAdmin.post(`/api/events/${event.body.id}/nominations`, {
        personId: personIds[1],
        priority: 2,
      }),
    ];
    expect(nominated.map((response) => response.status)).toEqual([201, 201]);

    const peopleOf = async (agent: Agent) =>
      (await agent.get("/api/people?q=Rt-&limit=100")).body.items
        .map((p: Record<string, unknown>) => [
          p.givenName,
          p.familyName,
          (p.nation as { code: string }).code,
          p.rankTitle,
          p.email,
          p.phone,
          p.languages,
        ])
        .sort((a: string[], b: string[]) => a[1]!.localeCompare(b[1]!));
    expect(await peopleOf(targetAdmin)).toEqual([]);
    expect(await carry("/api/exports/people?q=Rt-", "people")).toMatchObject({ created: 2 });
    expect(await peopleOf(targetAdmin)).toEqual(await peopleOf(sourceAdmin));

    const menuOf = async (app: TestApp) =>
      app.db
        .selectFrom("activity as a")
        .innerJoin("event as e", "e.activityId", "a.id")
        .innerJoin("organisation as o", "o.id", "a.organiserId")
        .select(["a.code", "a.titleEn", "a.kind", "a.menuYear", "o.code as organiser", "a.city", "a.online"])
        .select(["a.languages", "a.capacity", "e.startsOn", "e.endsOn"])
        .where("a.code", "=", "RT-MENU-1")
        .orderBy("e.startsOn")
        .execute();
    // One activity and its three events.
    expect(await carry("/api/exports/activities?q=RT-MENU-1", "activities")).toMatchObject({ created: 4 });
    expect((await menuOf(target)).map((row) => [row.startsOn, row.endsOn])).toEqual([
      ["2094-02-02", "2094-02-06"],
      ["2094-05-04", "2094-05-08"],
      ["2094-09-07", "2094-09-11"],
    ]);
    expect(await menuOf(target)).toEqual(await menuOf(source));
    // The menu import writes drafts; the organiser publishes them, as on the source.
    const carriedActivity = await target.db
      .selectFrom("activity")
      .select("id")
      .where("code", "=", "RT-MENU-1")
      .executeTakeFirstOrThrow();
    expect((await publish(targetAdmin, carriedActivity.id)).status).toBe(200);

    const nominationsOf = async (app: TestApp) =>
      app.db
        .selectFrom("nomination as n")
        .innerJoin("event as e", "e.id", "n.eventId")
        .innerJoin("activity as a", "a.id", "e.activityId")
        .innerJoin("person as p", "p.id", "n.personId")
        .select(["a.code", "e.startsOn", "p.email", "n.priority", "n.note", "n.status"])
        .where("a.code", "=", "RT-MENU-1")
        .orderBy("p.email")
        .execute();
    expect(await carry(`/api/exports/nominations?eventId=${event.body.id}`, "nominations")).toMatchObject({
      created: 2,
    });
    expect(await nominationsOf(target)).toEqual(await nominationsOf(source));
    expect((await nominationsOf(target))[0]).toMatchObject({ note: "+ interpreter needed", priority: 1 });
  });
});
