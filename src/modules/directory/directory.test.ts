import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
});
afterAll(() => t.close());

describe("nations", () => {
  it("finds a nation by its name in English, Azerbaijani (with or without accents) and Russian", async () => {
    for (const q of ["Azerbaijan", "Azərbaycan", "azerbaycan", "АЗЕРБАЙДЖАН", "азербайджан"]) {
      const reply = await t.anonymous.get(`/api/nations?q=${encodeURIComponent(q)}`);
      expect(reply.status, q).toBe(200);
      expect(
        reply.body.items.map((n: { code: string }) => n.code),
        q,
      ).toContain("AZE");
    }
  });

  it("records the partner's memberships over time, with the month precision of March 1992", async () => {
    const aze = await t.anonymous.get(`/api/nations/${await t.nationId("AZE")}`);
    const kinds = Object.fromEntries(aze.body.memberships.map((m: { kind: string }) => [m.kind, m]));
    expect(kinds.nacc).toMatchObject({
      startedOn: "1992-03-01",
      startPrecision: "month",
      endedOn: "1997-05-29",
    });
    expect(kinds.partnership_for_peace).toMatchObject({ startedOn: "1994-05-04", endedOn: null });
  });

  it("filters by current membership and pages with a total", async () => {
    const page = await t.anonymous.get("/api/nations?membership=alliance_member&limit=5&sort=-code");
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(5);
    expect(page.body.total).toBeGreaterThan(5);
    const codes = page.body.items.map((n: { code: string }) => n.code);
    expect([...codes].sort().reverse()).toEqual(codes);
    expect(codes).not.toContain("AZE");
  });

  it("refuses a page larger than the maximum", async () => {
    const reply = await t.anonymous.get("/api/nations?limit=101");
    expect(reply.status).toBe(400);
    expect(reply.body.fields[0].field).toBe("query.limit");
  });

  it("lets only administrators create nations", async () => {
    const body = { code: "QQA", nameEn: "Qa", nameAz: "Qa", nameRu: "Ка", nonIsoCode: true };
    expect((await t.anonymous.post("/api/nations", body)).status).toBe(401);
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    expect((await coordinator.post("/api/nations", body)).status).toBe(403);
    const created = await admin.post("/api/nations", body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: "QQA", memberships: [] });
  });

  it("names the field of a bad code, an unknown field and a duplicate", async () => {
    const bad = await admin.post("/api/nations", { code: "qq", nameEn: "x", nameAz: "x", nameRu: "x" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ field: "body.code" }] });

    const extra = await admin.post("/api/nations", {
      code: "QQB",
      nameEn: "x",
      nameAz: "x",
      nameRu: "x",
      flag: 1,
    });
    expect(extra.status).toBe(400);
    expect(extra.body.fields[0]).toEqual({ field: "body.flag", message: "is not an accepted field" });

    const duplicate = await admin.post("/api/nations", {
      code: "AZE",
      nameEn: "x",
      nameAz: "x",
      nameRu: "x",
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.fields[0].field).toBe("body.code");
  });

  it("answers malformed JSON, wrong types and blank names with 400, never 500", async () => {
    const malformed = await admin.request("POST", "/api/nations", "{not json");
    expect(malformed.status).toBe(400);
    const wrongType = await admin.post("/api/nations", { code: 123, nameEn: [], nameAz: {}, nameRu: null });
    expect(wrongType.status).toBe(400);
    const blank = await admin.post("/api/nations", {
      code: "QQC",
      nameEn: "   ",
      nameAz: "x",
      nameRu: "x",
      nonIsoCode: true,
    });
    expect(blank.status).toBe(400);
    expect(blank.body.fields[0].field).toBe("body.nameEn");
    const badId = await admin.get("/api/nations/not-a-uuid");
    expect(badId.status).toBe(400);
    const missing = await admin.get("/api/nations/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
  });

  it("refuses overlapping memberships of one kind and an end before the start", async () => {
    const id = await t.nationId("AZE");
    const overlap = await admin.post(`/api/nations/${id}/memberships`, {
      kind: "eapc",
      startedOn: "2000-01-01",
    });
    expect(overlap.status).toBe(409);
    const reversed = await admin.post(`/api/nations/${id}/memberships`, {
      kind: "cis_atc_member",
      startedOn: "2000-01-01",
      endedOn: "1999-01-01",
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields[0].field).toBe("body.endedOn");
  });

  it("archives a nation that people refer to instead of deleting it", async () => {
    const created = await admin.post("/api/nations", {
      code: "QQD",
      nameEn: "Qd",
      nameAz: "Qd",
      nameRu: "Кд",
      nonIsoCode: true,
    });
    await admin.post("/api/people", { givenName: "A", familyName: "B", nationId: created.body.id });
    const removed = await admin.delete(`/api/nations/${created.body.id}`);
    expect(removed.body).toEqual({ outcome: "archived" });
    const list = await t.anonymous.get("/api/nations?q=QQD");
    expect(list.body.total).toBe(0);

    const lonely = await admin.post("/api/nations", {
      code: "QQE",
      nameEn: "Qe",
      nameAz: "Qe",
      nameRu: "Ке",
      nonIsoCode: true,
    });
    expect((await admin.delete(`/api/nations/${lonely.body.id}`)).body).toEqual({ outcome: "deleted" });
    expect((await t.anonymous.get(`/api/nations/${lonely.body.id}`)).status).toBe(404);
  });
});

describe("organisations and institutions", () => {
  it("keeps the hierarchy from the CIS down to the Bishkek regional office", async () => {
    const bishkek = await t.anonymous.get(`/api/organisations/${await t.organisationId("CIS-ATC-BISHKEK")}`);
    expect(bishkek.body.ancestors.map((a: { code: string }) => a.code)).toEqual(["CIS", "CIS-ATC"]);
    const atc = await t.anonymous.get(`/api/organisations/${await t.organisationId("CIS-ATC")}`);
    expect(atc.body.children.map((c: { code: string }) => c.code)).toEqual(["CIS-ATC-BISHKEK"]);
  });

  it("records the training centre's founding decree and charter", async () => {
    const centre = await t.anonymous.get(`/api/organisations/${await t.organisationId("AZE-SSS-ATTC")}`);
    expect(centre.body).toMatchObject({
      foundingAct: "Decree No. 363",
      foundedOn: "2014-11-20",
      charterYear: 2016,
      kind: "training_centre",
    });
  });

  it("lists institutions apart from international organisations", async () => {
    const institutions = await t.anonymous.get("/api/organisations?category=institution&limit=100");
    const kinds = new Set(institutions.body.items.map((o: { kind: string }) => o.kind));
    expect(kinds.has("training_centre")).toBe(true);
    expect(kinds.has("international_organisation")).toBe(false);
  });

  it("refuses a parent that is the organisation's own descendant", async () => {
    const cis = await t.organisationId("CIS");
    const bishkek = await t.organisationId("CIS-ATC-BISHKEK");
    const reply = await admin.patch(`/api/organisations/${cis}`, { parentId: bishkek });
    expect(reply.status).toBe(400);
    expect(reply.body.fields[0].field).toBe("body.parentId");
  });

  it("answers 422 naming the field when a referenced nation does not exist", async () => {
    const reply = await admin.post("/api/organisations", {
      code: "GHOST",
      nameEn: "Ghost",
      kind: "ministry",
      nationId: "00000000-0000-4000-8000-000000000000",
    });
    expect(reply.status).toBe(422);
    expect(reply.body.fields[0].field).toBe("body.nationId");
  });

  it("creates an institution and finds it by search", async () => {
    const created = await admin.post("/api/organisations", {
      code: "AZE-TEST-ACADEMY",
      nameEn: "Border Guard Academy",
      nameRu: "Академия пограничной службы",
      kind: "university",
      nationId: await t.nationId("AZE"),
    });
    expect(created.status).toBe(201);
    const found = await t.anonymous.get(`/api/organisations?q=${encodeURIComponent("пограничной")}`);
    expect(found.body.items.map((o: { code: string }) => o.code)).toContain("AZE-TEST-ACADEMY");
  });
});

describe("people", () => {
  it("hides people from signed-out callers", async () => {
    expect((await t.anonymous.get("/api/people")).status).toBe(401);
  });

  it("shows a restricted person to their own nation and to named nations only, in lists, counts and detail", async () => {
    const aze = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const geo = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    const tur = await t.signIn({ role: "national_coordinator", nation: "TUR" });
    const created = await aze.post("/api/people", {
      givenName: "Restricted",
      familyName: "Zzperson",
      nationId: await t.nationId("AZE"),
      releasability: "restricted",
      releaseNationIds: [await t.nationId("TUR")],
    });
    expect(created.status).toBe(201);
    expect(created.body.ownerNationId).toBe(await t.nationId("AZE"));

    for (const [agent, visible] of [
      [aze, true],
      [tur, true],
      [geo, false],
    ] as const) {
      const list = await agent.get("/api/people?q=Zzperson");
      expect(list.body.total).toBe(visible ? 1 : 0);
      expect((await agent.get(`/api/people/${created.body.id}`)).status).toBe(visible ? 200 : 404);
    }
  });

  it("lets a coordinator create people of their own nation only", async () => {
    const aze = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const refused = await aze.post("/api/people", {
      givenName: "X",
      familyName: "Y",
      nationId: await t.nationId("GEO"),
    });
    expect(refused.status).toBe(403);
  });

  it("tracks a change of institution over time", async () => {
    const created = await admin.post("/api/people", {
      givenName: "Moving",
      familyName: "Officer",
      nationId: await t.nationId("AZE"),
      organisationId: await t.organisationId("AZE-LF"),
    });
    const id = created.body.id;
    const moved = await admin.post(`/api/people/${id}/affiliations`, {
      organisationId: await t.organisationId("AZE-NDU"),
      startedOn: "2025-09-01",
    });
    expect(moved.status).toBe(201);
    expect(moved.body.affiliations).toHaveLength(2);
  });

  it("writes every change to the audit trail in the same transaction", async () => {
    const created = await admin.post("/api/people", {
      givenName: "Audit",
      familyName: "Me",
      nationId: await t.nationId("AZE"),
    });
    await admin.patch(`/api/people/${created.body.id}`, { rankTitle: "Major" });
    const entries = await t.db
      .selectFrom("auditEntry")
      .select(["action", "diff", "actorUserId"])
      .where("recordId", "=", created.body.id)
      .orderBy("seq")
      .execute();
    expect(entries.map((e) => e.action)).toEqual(["person.create", "person.update"]);
    expect(entries[1]!.diff).toMatchObject({ before: { rankTitle: null }, after: { rankTitle: "Major" } });
    expect(entries[0]!.actorUserId).toBe(admin.userId);
  });
});

describe("a person's nation and affiliations are never a way to widen access", () => {
  const restrictedPerson = async (nation: string, extra: Record<string, unknown> = {}) => {
    const reply = await admin.post("/api/people", {
      givenName: "Hidden",
      familyName: `Person ${Math.random().toString(36).slice(2, 8)}`,
      nationId: await t.nationId(nation),
      releasability: "restricted",
      ...extra,
    });
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  };

  it("refuses a coordinator who moves their own linked person to another nation, and keeps the other nation's records hidden", async () => {
    const geoSecret = await restrictedPerson("GEO");
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE", personNation: "AZE" });
    const me = (await coordinator.get("/api/auth/session")).body.user.personId as string;
    expect((await coordinator.get(`/api/people/${geoSecret}`)).status).toBe(404);

    const moved = await coordinator.patch(`/api/people/${me}`, { nationId: await t.nationId("GEO") });
    expect(moved.status).toBe(403);
    expect(moved.body.fields).toEqual([{ field: "body.nationId", message: "not in your scope" }]);
    expect((await coordinator.get(`/api/people/${me}`)).body.nationId).toBe(await t.nationId("AZE"));
    expect((await coordinator.get(`/api/people/${geoSecret}`)).status).toBe(404);
  });

  it("refuses a coordinator who affiliates their own linked person to another organisation, whose records stay hidden", async () => {
    const school = await t.organisationId("NATO-SCHOOL");
    const schoolSecret = await restrictedPerson("GEO", { organisationId: school });
    await t.db
      .updateTable("person")
      .set({ ownerNationId: null, ownerOrganisationId: school })
      .where("id", "=", schoolSecret)
      .execute();
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE", personNation: "AZE" });
    const me = (await coordinator.get("/api/auth/session")).body.user.personId as string;
    expect((await coordinator.get(`/api/people/${schoolSecret}`)).status).toBe(404);

    const joined = await coordinator.post(`/api/people/${me}/affiliations`, { organisationId: school });
    expect(joined.status).toBe(403);
    expect(joined.body.fields).toEqual([{ field: "body.organisationId", message: "not in your scope" }]);
    expect((await coordinator.get(`/api/people/${schoolSecret}`)).status).toBe(404);
  });

  it("refuses a coordinator who moves or re-affiliates another user's person, even within their nation", async () => {
    const coordinator = await t.signIn({
      role: "national_coordinator",
      nation: "AZE",
      extraRoles: [{ role: "national_coordinator", nation: "GEO" }],
    });
    const participant = await t.signIn({ role: "participant", personNation: "AZE" });
    const theirs = (await participant.get("/api/auth/session")).body.user.personId as string;
    expect(
      (await coordinator.patch(`/api/people/${theirs}`, { nationId: await t.nationId("GEO") })).status,
    ).toBe(403);
    const affiliated = await coordinator.post(`/api/people/${theirs}/affiliations`, {
      organisationId: await t.organisationId("AZE-NDU"),
    });
    expect(affiliated.status).toBe(403);
    // Other fields of the linked person stay the coordinator's to keep.
    expect((await coordinator.patch(`/api/people/${theirs}`, { rankTitle: "Captain" })).status).toBe(200);
  });

  it("refuses a coordinator who moves a person into a nation they do not coordinate, as on create", async () => {
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const created = await coordinator.post("/api/people", {
      givenName: "Unlinked",
      familyName: "Officer",
      nationId: await t.nationId("AZE"),
    });
    expect(created.status).toBe(201);
    const moved = await coordinator.patch(`/api/people/${created.body.id}`, {
      nationId: await t.nationId("GEO"),
    });
    expect(moved.status).toBe(403);
    expect(moved.body.fields[0].field).toBe("body.nationId");
    // An unlinked person of the coordinator's nation may still be affiliated, as on create.
    const affiliated = await coordinator.post(`/api/people/${created.body.id}/affiliations`, {
      organisationId: await t.organisationId("AZE-NDU"),
    });
    expect(affiliated.status).toBe(201);
  });

  it("lets an administrator change a linked person's nation and affiliations, which then scope the account", async () => {
    const geoSecret = await restrictedPerson("GEO");
    const participant = await t.signIn({ role: "participant", personNation: "AZE" });
    const theirs = (await participant.get("/api/auth/session")).body.user.personId as string;
    expect((await participant.get(`/api/people/${geoSecret}`)).status).toBe(404);
    expect((await admin.patch(`/api/people/${theirs}`, { nationId: await t.nationId("GEO") })).status).toBe(
      200,
    );
    expect((await participant.get(`/api/people/${geoSecret}`)).status).toBe(200);
  });
});
