import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedOperations } from "./index.js";

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let atcOrganiser: Agent;

const byCode = async (agent: Agent, url: string, code: string) => {
  const page = await agent.get(url);
  expect(page.status).toBe(200);
  return page.body.items.find((item: { code: string }) => item.code === code);
};

const contingentOf = async (agent: Agent, operationCode: string) => {
  const operation = await byCode(agent, "/api/operations", operationCode);
  const page = await agent.get(`/api/contingents?operationId=${operation.id}`);
  return page.body.items[0];
};

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  atcOrganiser = await t.signIn({ role: "organiser", organisation: "CIS-ATC" });
});
afterAll(() => t.close());

describe("exercises", () => {
  it("counts 9 member and 10 partner nations in Cooperative Determination 2001, for anyone", async () => {
    const exercise = await byCode(t.anonymous, "/api/exercises?q=Cooperative", "CD-2001");
    expect(exercise).toMatchObject({
      name: "Cooperative Determination 2001",
      startsOn: "2001-11-01",
      participation: { member: 9, partner: 10, observer: 0, total: 19 },
      hostNations: [{ code: "AZE" }],
    });
    // Linked to the catalogue's activity of the same code, which the catalogue seeds first.
    const activities = await t.anonymous.get("/api/activities?q=CD-2001");
    const activity = activities.body.items.find((a: { code: string }) => a.code === "CD-2001");
    expect(exercise.activityId).toBe(activity.id);
    const counts = await t.anonymous.get(`/api/exercises/${exercise.id}/participation`);
    expect(counts.body).toEqual({ member: 9, partner: 10, observer: 0, total: 19 });
    const detail = await t.anonymous.get(`/api/exercises/${exercise.id}`);
    expect(detail.body.participants.filter((p: { role: string }) => p.role === "partner")).toHaveLength(10);
    expect(detail.body.participants.every((p: { sample: boolean }) => p.sample)).toBe(true);
    expect(detail.body.canEdit).toBe(false);
  });

  it("keeps the coordination centre's two-stage exercises internal: signed-in users see them, the public does not", async () => {
    const anonymous = await t.anonymous.get("/api/exercises?q=Antiterror");
    expect(anonymous.body.total).toBe(0);
    const page = await geoCoordinator.get("/api/exercises?q=Antiterror");
    expect(page.body.total).toBeGreaterThanOrEqual(5);
    expect(page.body.items.map((e: { startsOn: string }) => e.startsOn).at(-1)).toBe("2001-10-09");
    const issykKul = page.body.items.find((e: { code: string }) => e.code === "ISSYK-KUL-ANTITERROR-2005");
    expect(issykKul.hostNations.map((n: { code: string }) => n.code)).toEqual(["KGZ", "KAZ"]);
    expect(issykKul).toMatchObject({ sample: true, leadOrganisation: { code: "CIS-ATC" } });
  });

  it("lets the lead organisation's organiser plan an exercise: stages, nations, conferences, milestones", async () => {
    const created = await atcOrganiser.post("/api/exercises", {
      code: "BAKU-ANTITERROR-2028",
      name: "Baku-Antiterror-2028",
      kind: "live",
      status: "planning",
      leadOrganisationId: await t.organisationId("CIS-ATC"),
      startsOn: "2028-05-10",
      endsOn: "2028-05-20",
      stages: [
        { stageNo: 1, hostNationId: await t.nationId("AZE"), startsOn: "2028-05-10", endsOn: "2028-05-13" },
        { stageNo: 2, hostNationId: await t.nationId("KAZ"), startsOn: "2028-05-17", endsOn: "2028-05-20" },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ownerOrganisationId: await t.organisationId("CIS-ATC"),
      releasability: "internal",
      canEdit: true,
    });
    expect(created.body.stages.map((s: { hostNation: { code: string } }) => s.hostNation.code)).toEqual([
      "AZE",
      "KAZ",
    ]);
    const id = created.body.id;

    const joined = await atcOrganiser.post(`/api/exercises/${id}/participants`, {
      nationId: await t.nationId("KGZ"),
      role: "member",
      contributions: [
        { kind: "personnel", category: "special forces", quantity: 40 },
        { kind: "personnel", category: "staff officers", quantity: 8 },
        { kind: "unit", category: "Special unit", quantity: 1 },
      ],
    });
    expect(joined.status).toBe(201);
    expect(joined.body.participants[0]).toMatchObject({ nation: { code: "KGZ" }, personnel: 48 });
    await atcOrganiser.post(`/api/exercises/${id}/participants`, {
      nationId: await t.nationId("ARM"),
      role: "observer",
    });
    const twice = await atcOrganiser.post(`/api/exercises/${id}/participants`, {
      nationId: await t.nationId("KGZ"),
      role: "partner",
    });
    expect(twice.status).toBe(409);
    expect(twice.body.fields[0].field).toBe("body.nationId");
    expect((await atcOrganiser.get(`/api/exercises/${id}/participation`)).body).toEqual({
      member: 1,
      partner: 0,
      observer: 1,
      total: 2,
    });

    const initial = await atcOrganiser.post(`/api/exercises/${id}/conferences`, {
      kind: "initial",
      startsOn: "2027-10-05",
      endsOn: "2027-10-06",
      place: "Baku",
    });
    expect(initial.status).toBe(201);
    const conferenceId = initial.body.conferences[0].id;
    const again = await atcOrganiser.post(`/api/exercises/${id}/conferences`, {
      kind: "initial",
      startsOn: "2027-11-05",
      endsOn: "2027-11-06",
    });
    expect(again.status).toBe(409);
    expect(again.body.fields[0].field).toBe("body.kind");
    const attended = await atcOrganiser.put(`/api/exercises/${id}/conferences/${conferenceId}/attendance`, {
      entries: [
        { nationId: await t.nationId("AZE"), attendees: 5 },
        { nationId: await t.nationId("KGZ"), attendees: 3 },
      ],
    });
    expect(attended.status).toBe(200);
    expect(attended.body.conferences[0].totalAttendees).toBe(8);

    const milestone = await atcOrganiser.post(`/api/exercises/${id}/milestones`, {
      title: "Host nation support agreement",
      ownerNationId: await t.nationId("AZE"),
      dueOn: "2020-01-01",
    });
    expect(milestone.body.milestones[0]).toMatchObject({ overdue: true, ownerNation: { code: "AZE" } });
    const done = await atcOrganiser.patch(
      `/api/exercises/${id}/milestones/${milestone.body.milestones[0].id}`,
      {
        doneOn: "2019-12-20",
      },
    );
    expect(done.body.milestones[0]).toMatchObject({ overdue: false, doneOn: "2019-12-20" });

    expect((await geoCoordinator.patch(`/api/exercises/${id}`, { name: "Hijacked" })).status).toBe(403);
    const otherOrganiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
    expect((await otherOrganiser.post(`/api/exercises/${id}/objectives`, { text: "x" })).status).toBe(403);
  });

  it("names the field of reversed dates, a duplicate code and an unknown field", async () => {
    const base = {
      code: "CD-2001",
      name: "Copy",
      kind: "table_top",
      leadOrganisationId: await t.organisationId("NATO"),
      startsOn: "2001-11-01",
      endsOn: "2001-11-30",
    };
    const duplicate = await admin.post("/api/exercises", base);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.fields[0].field).toBe("body.code");
    const reversed = await admin.post("/api/exercises", { ...base, code: "X-1", endsOn: "2001-10-01" });
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields[0].field).toBe("body.endsOn");
    const extra = await admin.post("/api/exercises", { ...base, code: "X-2", budget: 1 });
    expect(extra.status).toBe(400);
    expect(extra.body.fields[0].field).toBe("body.budget");
    const outside = await admin.post("/api/exercises", {
      ...base,
      code: "X-4",
      stages: [
        { stageNo: 1, hostNationId: await t.nationId("AZE"), startsOn: "2001-12-01", endsOn: "2001-12-02" },
      ],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.fields[0].field).toBe("body.stages.0.startsOn");
    const kind = await admin.post("/api/exercises", { ...base, code: "X-3", kind: "naval" });
    expect(kind.status).toBe(400);
    expect(kind.body.fields[0].field).toBe("body.kind");
  });
});

describe("lessons", () => {
  it("moves a lesson from identified through analysed to learned only with the plan that takes it up", async () => {
    const exercise = await byCode(admin, "/api/exercises?q=Cooperative", "CD-2001");
    const created = await admin.post(`/api/exercises/${exercise.id}/lessons`, {
      title: "Medical evacuation drills need a common form",
      ownerNationId: await t.nationId("AZE"),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "identified", ownerNation: { code: "AZE" } });
    const id = created.body.id;

    const skip = await azeCoordinator.post(`/api/lessons/${id}/transition`, { to: "learned" });
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe("ILLEGAL_TRANSITION");

    const stranger = await geoCoordinator.post(`/api/lessons/${id}/transition`, { to: "analysed" });
    expect(stranger.status).toBe(403);

    // The lesson's owner (the partner nation) may move it on, though the exercise belongs to the alliance.
    const analysed = await azeCoordinator.post(`/api/lessons/${id}/transition`, { to: "analysed" });
    expect(analysed.status).toBe(200);
    expect(analysed.body.status).toBe("analysed");

    const noPlan = await azeCoordinator.post(`/api/lessons/${id}/transition`, { to: "learned" });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.fields[0].field).toBe("body.followUpReference");

    const learned = await azeCoordinator.post(`/api/lessons/${id}/transition`, {
      to: "learned",
      followUpReference: "Annual programme 2002, medical line",
    });
    expect(learned.status).toBe(200);
    expect(learned.body).toMatchObject({
      status: "learned",
      followUpReference: "Annual programme 2002, medical line",
    });

    const board = await azeCoordinator.get(`/api/lessons?exerciseId=${exercise.id}&status=learned`);
    expect(board.body.items.map((l: { id: string }) => l.id)).toContain(id);
    expect(board.body.items.every((l: { status: string }) => l.status === "learned")).toBe(true);

    const closed = await admin.post(`/api/lessons/${id}/transition`, { to: "closed" });
    expect(closed.body.status).toBe("closed");
    expect((await admin.post(`/api/lessons/${id}/transition`, { to: "analysed" })).status).toBe(409);
  });

  it("asks why a lesson is rejected", async () => {
    const exercise = await byCode(admin, "/api/exercises?q=Cooperative", "CD-2001");
    const created = await admin.post(`/api/exercises/${exercise.id}/lessons`, { title: "Too many slides" });
    expect(created.body.ownerOrganisation.code).toBe("NATO");
    const bare = await admin.post(`/api/lessons/${created.body.id}/transition`, { to: "rejected" });
    expect(bare.status).toBe(400);
    expect(bare.body.fields[0].field).toBe("body.note");
    const rejected = await admin.post(`/api/lessons/${created.body.id}/transition`, {
      to: "rejected",
      note: "Not a capability gap",
    });
    expect(rejected.body).toMatchObject({ status: "rejected", statusNote: "Not a capability gap" });
  });
});

describe("operations and contingents", () => {
  it("totals Resolute Support from January 2015 as 120 + 2 + 6 = 128", async () => {
    const contingent = await contingentOf(azeCoordinator, "RSM");
    expect(contingent).toMatchObject({
      nation: { code: "AZE" },
      firstStartsOn: "2015-01-01",
      peakStrength: 128,
    });
    const detail = await azeCoordinator.get(`/api/contingents/${contingent.id}`);
    const [rotation] = detail.body.rotations;
    expect(rotation.total).toBe(128);
    expect(rotation.strength).toEqual([
      { category: "military_personnel", count: 120 },
      { category: "staff_officers", count: 6 },
      { category: "military_doctors", count: 2 },
    ]);
    expect(detail.body.canEdit).toBe(true);
  });

  it("records the Kosovo platoon of September 1999 within a Turkish battalion, and the 2002 unit", async () => {
    const kosovo = await contingentOf(azeCoordinator, "KFOR");
    expect(kosovo).toMatchObject({
      frameworkUnit: "Turkish battalion",
      frameworkNation: { code: "TUR" },
      firstStartsOn: "1999-09-01",
    });
    const detail = await azeCoordinator.get(`/api/contingents/${kosovo.id}`);
    expect(detail.body.rotations[0]).toMatchObject({ startPrecision: "month", sample: true });
    const afghanistan = await contingentOf(azeCoordinator, "ISAF");
    expect(afghanistan.firstStartsOn).toBe("2002-01-01");
  });

  it("refuses a rotation that overlaps another in the same slot, naming the field, and accepts another slot", async () => {
    const contingent = await contingentOf(azeCoordinator, "RSM");
    const overlap = await azeCoordinator.post(`/api/contingents/${contingent.id}/rotations`, {
      slot: "main",
      startsOn: "2016-01-01",
      endsOn: "2016-06-30",
      strength: [{ category: "military_personnel", count: 100 }],
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.fields).toEqual([
      { field: "body.startsOn", message: "overlaps another rotation of the same slot of this contingent" },
    ]);

    const medical = await azeCoordinator.post(`/api/contingents/${contingent.id}/rotations`, {
      slot: "medical team",
      startsOn: "2016-01-01",
      endsOn: "2016-06-30",
      strength: [
        { category: "military_doctors", count: 3 },
        { category: "medical_personnel", count: 5 },
      ],
    });
    expect(medical.status).toBe(201);
    const added = medical.body.rotations.find((r: { slot: string }) => r.slot === "medical team");
    expect(added.total).toBe(8);
    expect(medical.body.peakStrength).toBe(136);

    const twice = await azeCoordinator.post(`/api/contingents/${contingent.id}/rotations`, {
      slot: "medical team",
      startsOn: "2016-06-30",
      endsOn: "2016-12-31",
    });
    expect(twice.status).toBe(409);
    const next = await azeCoordinator.post(`/api/contingents/${contingent.id}/rotations`, {
      slot: "medical team",
      startsOn: "2016-07-01",
      endsOn: "2016-12-31",
      strength: [{ category: "military_doctors", count: 2 }],
    });
    expect(next.status).toBe(201);

    const series = await azeCoordinator.get(
      `/api/contingents/strength?operationId=${contingent.operation.id}`,
    );
    const at = (date: string) => series.body.points.find((p: { date: string }) => p.date === date);
    expect(at("2015-01-01").total).toBe(128);
    expect(at("2016-01-01").total).toBe(136);
    expect(at("2016-07-01").total).toBe(130);
    expect(at("2017-01-01").total).toBe(128);

    const reversed = await azeCoordinator.post(`/api/contingents/${contingent.id}/rotations`, {
      slot: "other",
      startsOn: "2018-01-01",
      endsOn: "2017-01-01",
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields[0].field).toBe("body.endsOn");
  });

  it("hides a restricted contingent from another nation's coordinator in list, detail and strength over time", async () => {
    const contingent = await contingentOf(azeCoordinator, "RSM");
    const azeSeries = await azeCoordinator.get(
      `/api/contingents/strength?nationId=${await t.nationId("AZE")}`,
    );
    expect(azeSeries.body.points.length).toBeGreaterThan(0);

    const list = await geoCoordinator.get(`/api/contingents?nationId=${await t.nationId("AZE")}`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: [], total: 0 });
    expect((await geoCoordinator.get(`/api/contingents/${contingent.id}`)).status).toBe(404);
    const series = await geoCoordinator.get(`/api/contingents/strength?nationId=${await t.nationId("AZE")}`);
    expect(series.body.points).toEqual([]);
    const operation = await geoCoordinator.get(`/api/operations/${contingent.operation.id}`);
    expect(operation.body.contingentCount).toBe(0);
    expect((await geoCoordinator.patch(`/api/contingents/${contingent.id}`, { name: "x" })).status).toBe(404);

    // Released to the alliance organisation: its staff see it, but cannot change it.
    const allianceAuditor = await t.signIn({ role: "auditor", organisation: "NATO" });
    const seen = await allianceAuditor.get(`/api/contingents/${contingent.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.canEdit).toBe(false);
    expect((await t.anonymous.get("/api/contingents")).status).toBe(401);
  });

  it("lets a nation record only its own contingents", async () => {
    const operation = await byCode(geoCoordinator, "/api/operations", "RSM");
    const foreign = await geoCoordinator.post("/api/contingents", {
      operationId: operation.id,
      nationId: await t.nationId("AZE"),
      name: "Not ours",
    });
    expect(foreign.status).toBe(403);
    const own = await geoCoordinator.post("/api/contingents", {
      operationId: operation.id,
      nationId: await t.nationId("GEO"),
      name: "Georgian contingent",
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ releasability: "restricted", ownerNationId: await t.nationId("GEO") });
    expect((await azeCoordinator.get(`/api/contingents/${own.body.id}`)).status).toBe(404);
  });
});

describe("trust fund contributions", () => {
  it("shows pledged and paid by year and currency to the owner and the alliance, not to another nation", async () => {
    const mine = await azeCoordinator.get("/api/fund-contributions");
    expect(mine.body.items.map((c: { year: number }) => c.year)).toEqual([2016, 2015]);
    expect(mine.body.items[0]).toMatchObject({
      trustFund: { code: "ANA-TF" },
      currency: "USD",
      pledged: "1000000.00",
      paid: "500000.00",
      outstanding: "500000.00",
      sample: true,
    });
    const totals = await azeCoordinator.get("/api/fund-contributions/totals");
    expect(totals.body.totals).toEqual([
      { year: 2015, currency: "USD", pledged: "1000000.00", paid: "1000000.00" },
      { year: 2016, currency: "USD", pledged: "1000000.00", paid: "500000.00" },
    ]);
    const other = await geoCoordinator.get("/api/fund-contributions/totals");
    expect(other.body.totals).toEqual([]);
  });

  it("refuses paid above pledged, a bad currency and a duplicate year", async () => {
    const funds = await azeCoordinator.get("/api/trust-funds");
    const trustFundId = funds.body.items[0].id;
    const nationId = await t.nationId("AZE");
    const over = await azeCoordinator.post("/api/fund-contributions", {
      trustFundId,
      nationId,
      year: 2017,
      currency: "EUR",
      pledged: "100.00",
      paid: "200.00",
    });
    expect(over.status).toBe(400);
    expect(over.body.fields[0].field).toBe("body.paid");
    const currency = await azeCoordinator.post("/api/fund-contributions", {
      trustFundId,
      nationId,
      year: 2017,
      currency: "usd",
      pledged: "100",
    });
    expect(currency.status).toBe(400);
    expect(currency.body.fields[0].field).toBe("body.currency");
    const duplicate = await azeCoordinator.post("/api/fund-contributions", {
      trustFundId,
      nationId,
      year: 2015,
      currency: "USD",
      pledged: "5.50",
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.fields[0].field).toBe("body.year");
    const created = await azeCoordinator.post("/api/fund-contributions", {
      trustFundId,
      nationId,
      year: 2017,
      currency: "EUR",
      pledged: "250000.5",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ pledged: "250000.50", paid: "0.00", releasability: "restricted" });
  });
});

describe("API description", () => {
  it("documents the capability's routes with their parameters", async () => {
    const reply = await t.anonymous.get("/api/docs/json");
    expect(reply.status).toBe(200);
    const paths = Object.keys(reply.body.paths);
    for (const path of [
      "/api/exercises/{id}/participants/{participantId}",
      "/api/exercises/{id}/conferences/{conferenceId}/attendance",
      "/api/lessons/{id}/transition",
      "/api/contingents/strength",
      "/api/fund-contributions/totals",
    ]) {
      expect(paths).toContain(path);
    }
  });
});

describe("demo data", () => {
  it("seeds idempotently", async () => {
    const count = async () =>
      Promise.all(
        (
          ["exercise", "exerciseParticipant", "contingent", "contingentRotation", "fundContribution"] as const
        ).map(async (table) =>
          Number(
            (
              await t.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const before = await count();
    await seedOperations(t.db);
    expect(await count()).toEqual(before);
  });
});
