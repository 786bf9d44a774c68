import ExcelJS from "exceljs";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedProgrammes } from "./programmes.seed.js";

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let natoStaff: Agent;
let aze: string;
let geo: string;
let nato: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  natoStaff = await t.signIn({ role: "organiser", organisation: "NATO" });
  aze = await t.nationId("AZE");
  geo = await t.nationId("GEO");
  nato = await t.organisationId("NATO");
});
afterAll(() => t.close());

async function ipap(agent: Agent) {
  const list = await agent.get(`/api/plans?nationId=${aze}`);
  const summary = list.body.items.find((p: { code: string }) => p.code === "AZE-IPAP");
  return (await agent.get(`/api/plans/${summary.id}`)).body;
}

describe("multi-year plans and their periods", () => {
  it("keeps both sources of period III and shows the disagreement instead of merging them", async () => {
    const plan = await ipap(azeCoordinator);
    expect(plan.periods.map((p: { label: string }) => p.label)).toEqual(["I", "II", "III", "IV", "V", "VI"]);
    const third = plan.periods.find((p: { label: string }) => p.label === "III");
    expect(third.discrepancy).toBe(true);
    expect(
      third.statements.map((s: { startsOn: string; endsOn: string }) => `${s.startsOn}/${s.endsOn}`).sort(),
    ).toEqual(["2011-01-01/2013-12-31", "2012-01-01/2013-12-31"]);
    expect(third.widest).toEqual({ startsOn: "2011-01-01", endsOn: "2013-12-31" });
    expect(plan.discrepancies).toEqual([{ periodId: third.id, label: "III" }]);
  });

  it("shows the gap of 2011 between II and III as depending on the source, and contiguous periods elsewhere", async () => {
    const plan = await ipap(azeCoordinator);
    const byPair = Object.fromEntries(
      plan.joins.map((j: { earlierLabel: string; laterLabel: string }) => [
        `${j.earlierLabel}-${j.laterLabel}`,
        j,
      ]),
    );
    expect(byPair["I-II"].kind).toBe("contiguous");
    expect(byPair["III-IV"].kind).toBe("contiguous");
    expect(byPair["V-VI"].kind).toBe("contiguous");
    expect(byPair["II-III"].kind).toBe("depends_on_source");
    const readings = byPair["II-III"].readings;
    expect(readings).toHaveLength(2);
    const gap = readings.find((r: { kind: string }) => r.kind === "gap");
    expect(gap).toMatchObject({ from: "2011-01-01", to: "2011-12-31", days: 365 });
    expect(gap.laterSource).toMatch(/^Overview of Azerbaijan's cooperation with NATO/);
    expect(readings.find((r: { kind: string }) => r.kind === "contiguous").laterSource).toMatch(
      /second public overview.*2011–2013/,
    );
  });

  it("computes an overlap between periods recorded through the API", async () => {
    const created = await azeCoordinator.post("/api/plans", {
      code: "AZE-TEST-PLAN",
      title: "Test plan",
      kind: "cooperation_programme",
      nationId: aze,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ownerNationId: aze, releasability: "restricted" });
    const one = await azeCoordinator.post(`/api/plans/${created.body.id}/periods`, { number: 1, label: "I" });
    const two = await azeCoordinator.post(`/api/plans/${created.body.id}/periods`, {
      number: 2,
      label: "II",
    });
    expect(two.status).toBe(201);
    await azeCoordinator.post(`/api/plan-periods/${one.body.id}/statements`, {
      startsOn: "2010-01-01",
      endsOn: "2012-06-30",
      source: "Test source A",
    });
    const period = await azeCoordinator.post(`/api/plan-periods/${two.body.id}/statements`, {
      startsOn: "2012-01-01",
      endsOn: "2014-12-31",
      source: "Test source A",
    });
    expect(period.status).toBe(201);
    expect(period.body.joins).toEqual([
      expect.objectContaining({
        kind: "overlap",
        readings: [
          expect.objectContaining({ kind: "overlap", from: "2012-01-01", to: "2012-06-30", days: 182 }),
        ],
      }),
    ]);
    const duplicate = await azeCoordinator.post(`/api/plans/${created.body.id}/periods`, {
      number: 2,
      label: "II",
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.fields[0].field).toBe("body.number");
    const backwards = await azeCoordinator.post(`/api/plan-periods/${two.body.id}/statements`, {
      startsOn: "2015-01-01",
      endsOn: "2014-01-01",
      source: "Test source B",
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields[0].field).toBe("body.endsOn");
  });

  it("records the succession of plan kinds: the action plan is replaced by the tailored programme since 2021", async () => {
    const kinds = await azeCoordinator.get("/api/plan-kinds");
    const ipapKind = kinds.body.find(
      (k: { code: string }) => k.code === "individual_partnership_action_plan",
    );
    expect(ipapKind).toMatchObject({
      replacedBy: "individually_tailored_partnership_programme",
      replacedSinceYear: 2021,
    });
  });

  it("dates only the coordination centre programmes the source dates, and the last for 2014–2016", async () => {
    const list = await admin.get("/api/plans?kind=cooperation_programme&limit=100");
    const centre = list.body.items.find((p: { code: string }) => p.code === "CIS-ATC-CT-PROGRAMMES");
    const plan = (await admin.get(`/api/plans/${centre.id}`)).body;
    expect(plan.periods).toHaveLength(6);
    expect(plan.periods[5].statements[0]).toMatchObject({ startsOn: "2014-01-01", endsOn: "2016-12-31" });
    expect(plan.periods.slice(1, 5).every((p: { statements: unknown[] }) => p.statements.length === 0)).toBe(
      true,
    );
    expect(plan.periods[0].statements[0]).toMatchObject({ startsOn: "2000-01-01", endsOn: null });
  });
});

describe("objectives, actions and the period report", () => {
  it("answers what is late in a period, and the report equals the underlying actions", async () => {
    const plan = await ipap(azeCoordinator);
    const six = plan.periods.find((p: { label: string }) => p.label === "VI");
    const report = await azeCoordinator.get(`/api/plan-periods/${six.id}/report?asOf=2022-01-01`);
    expect(report.status).toBe(200);
    const actions = await t.db
      .selectFrom("planAction as a")
      .innerJoin("planObjective as o", "o.id", "a.objectiveId")
      .select(["a.status", "a.dueOn", "o.areaCode"])
      .where("o.periodId", "=", six.id)
      .execute();
    const late = actions.filter((a) => a.dueOn! < "2022-01-01" && !["done", "cancelled"].includes(a.status));
    expect(report.body.totals.actions).toBe(actions.length);
    expect(report.body.totals.done).toBe(actions.filter((a) => a.status === "done").length);
    expect(report.body.totals.late).toBe(late.length);
    expect(report.body.lateActions).toHaveLength(late.length);
    expect(late.length).toBeGreaterThan(0);
    const logistics = report.body.areas.find((a: { areaCode: string }) => a.areaCode === "logistics");
    expect(logistics).toMatchObject({ actions: 2, done: 1, late: 1 });

    const earlier = await azeCoordinator.get(`/api/plan-periods/${six.id}/report?asOf=2020-01-01`);
    expect(earlier.body.totals.late).toBe(0);
  });

  it("adds an objective, an action and its evidence, and marks the action late after its due date", async () => {
    const plan = await ipap(azeCoordinator);
    const six = plan.periods.find((p: { label: string }) => p.label === "VI");
    const objective = await azeCoordinator.post(`/api/plans/${plan.id}/objectives`, {
      code: "VI-T1",
      areaCode: "maritime_security",
      title: "Maritime situational awareness",
      periodId: six.id,
    });
    expect(objective.status).toBe(201);
    const withAction = await azeCoordinator.post(`/api/plan-objectives/${objective.body.id}/actions`, {
      title: "Coastal radar data shared",
      dueOn: "2021-03-31",
      status: "in_progress",
      progress: 40,
    });
    expect(withAction.status).toBe(201);
    const action = withAction.body.actions[0];
    expect(action).toMatchObject({ late: true, progress: 40 });
    const goals = await azeCoordinator.get(`/api/partnership-goals?nationId=${aze}&limit=1`);
    const evidence = await azeCoordinator.post(`/api/plan-actions/${action.id}/evidence`, {
      goalId: goals.body.items[0].id,
    });
    expect(evidence.status).toBe(201);
    expect(evidence.body.actions[0].evidence[0]).toMatchObject({ kind: "goal" });
    expect(evidence.body.goals.map((g: { id: string }) => g.id)).toEqual([goals.body.items[0].id]);
    const two = await azeCoordinator.post(`/api/plan-actions/${action.id}/evidence`, {
      url: "https://example.org/x",
      goalId: goals.body.items[0].id,
    });
    expect(two.status).toBe(400);
    const done = await azeCoordinator.patch(`/api/plan-actions/${action.id}`, { status: "done" });
    expect(done.body.actions[0]).toMatchObject({ status: "done", progress: 100, late: false });

    const foreign = await geoCoordinator.post(`/api/plan-objectives/${objective.body.id}/actions`, {
      title: "x",
    });
    expect(foreign.status).toBe(404);
  });
});

describe("annual programme: plan vs actual from nominations", () => {
  let programmeId: string;
  let activityIds: string[];

  beforeAll(async () => {
    const organiserId = await t.organisationId("NATO-SCHOOL");
    activityIds = [];
    for (const [code, area] of [
      ["T-PRG-LOG", "logistics"],
      ["T-PRG-CT", "counter_terrorism"],
      ["T-PRG-CT2", "counter_terrorism"],
    ] as const) {
      const activity = await t.db
        .insertInto("activity")
        .values({
          code,
          titleEn: `Activity ${code}`,
          kind: "course",
          menuYear: 2030,
          organiserId,
          ownerOrganisationId: organiserId,
          status: "published",
          prerequisites: "{}",
          externalRefs: "[]",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await t.db.insertInto("activityArea").values({ activityId: activity.id, areaCode: area }).execute();
      activityIds.push(activity.id);
    }
    const event = async (activityId: string, startsOn: string, status = "completed") =>
      (
        await t.db
          .insertInto("event")
          .values({ activityId, startsOn, endsOn: startsOn, status })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const person = async (nationId: string) =>
      (
        await t.db
          .insertInto("person")
          .values({ givenName: "P", familyName: "Q", nationId, ownerNationId: nationId })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const nominate = async (
      eventId: string,
      nationId: string,
      status: string,
      attendance: string | null,
      completed: boolean | null,
    ) =>
      t.db
        .insertInto("nomination")
        .values({ eventId, personId: await person(nationId), nationId, status, attendance, completed })
        .execute();
    const logistics = await event(activityIds[0]!, "2030-03-01");
    await nominate(logistics, aze, "accepted", "attended", true);
    await nominate(logistics, aze, "accepted", "partly", false);
    await nominate(logistics, aze, "accepted", "absent", null);
    await nominate(logistics, aze, "declined", null, null);
    await nominate(logistics, geo, "accepted", "attended", true);
    // Outside the programme span: not counted.
    const later = await event(activityIds[0]!, "2032-02-01");
    await nominate(later, aze, "accepted", "attended", true);
    // The second counter-terrorism activity was planned but nobody attended.
    const ct2 = await event(activityIds[2]!, "2030-05-01");
    await nominate(ct2, aze, "waitlisted", null, null);
    // An event the nation attended without planning it.
    const ct = await event(activityIds[1]!, "2030-06-01");
    await nominate(ct, aze, "accepted", "attended", true);

    const created = await azeCoordinator.post("/api/annual-programmes", {
      nationId: aze,
      firstYear: 2030,
      title: "Azərbaycan — программа 2030",
      releaseOrganisationIds: [nato],
    });
    expect(created.status).toBe(201);
    programmeId = created.body.id;
    const plan = await ipap(azeCoordinator);
    const objectiveId = plan.objectives[0].id;
    for (const activityId of [activityIds[0], activityIds[2]]) {
      const added = await azeCoordinator.post(`/api/annual-programmes/${programmeId}/items`, {
        activityId,
        plannedParticipants: 3,
        objectiveIds: [objectiveId],
      });
      expect(added.status).toBe(201);
    }
    const own = await azeCoordinator.post(`/api/annual-programmes/${programmeId}/items`, {
      title: "Own logistics exercise",
      areaCode: "logistics",
      plannedParticipants: 10,
      ownOutcome: "done",
      ownParticipants: 8,
    });
    expect(own.status).toBe(201);
  });

  it("counts accepted nominations that attended, within the span, by area, and the implementation rate", async () => {
    const report = await azeCoordinator.get(`/api/annual-programmes/${programmeId}/report`);
    expect(report.status).toBe(200);
    const byArea = Object.fromEntries(report.body.areas.map((a: { areaCode: string }) => [a.areaCode, a]));
    expect(byArea.logistics).toMatchObject({
      plannedItems: 2,
      implementedItems: 2,
      plannedParticipants: 13,
      attended: 2 + 8,
      completed: 1,
      implementationRate: 1,
    });
    expect(byArea.counter_terrorism).toMatchObject({
      plannedItems: 1,
      implementedItems: 0,
      attended: 0,
      implementationRate: 0,
    });
    expect(report.body.totals).toMatchObject({
      plannedItems: 3,
      implementedItems: 2,
      implementationRate: 0.667,
      unplannedEventsAttended: 1,
    });

    // The same figure straight from the nominations.
    const fromRecords = await t.db
      .selectFrom("nomination as n")
      .innerJoin("event as e", "e.id", "n.eventId")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("e.activityId", "=", activityIds[0]!)
      .where("n.nationId", "=", aze)
      .where("n.status", "=", "accepted")
      .where("n.attendance", "in", ["attended", "partly"])
      .where("e.startsOn", ">=", "2030-01-01")
      .where("e.startsOn", "<=", "2030-12-31")
      .executeTakeFirstOrThrow();
    const item = report.body.items.find((i: { activityId: string }) => i.activityId === activityIds[0]);
    expect(item.attended).toBe(fromRecords.n);
  });

  it("exports the report as CSV, XLSX and PDF with the same numbers", async () => {
    const json = (await azeCoordinator.get(`/api/annual-programmes/${programmeId}/report`)).body;
    const csv = await azeCoordinator.get(`/api/annual-programmes/${programmeId}/report/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = csv.text
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));
    expect(lines[0]).toEqual([
      "Area",
      "Area code",
      "Planned items",
      "Implemented items",
      "Implementation rate %",
      "Planned participants",
      "Attended",
      "Completed",
    ]);
    const logistics = lines.find((line) => line[1] === "logistics")!;
    const jsonLogistics = json.areas.find((a: { areaCode: string }) => a.areaCode === "logistics");
    expect(logistics.slice(2).map(Number)).toEqual([
      jsonLogistics.plannedItems,
      jsonLogistics.implementedItems,
      100,
      jsonLogistics.plannedParticipants,
      jsonLogistics.attended,
      jsonLogistics.completed,
    ]);
    expect(lines.at(-1)!.slice(0, 4)).toEqual(["Total", "", "3", "2"]);

    const xlsx = await t.app.inject({
      method: "GET",
      url: `/api/annual-programmes/${programmeId}/report/export?format=xlsx`,
      headers: { cookie: azeCoordinator.cookie! },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("By area")!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const total = rows.find((row) => row[0] === "Total")!;
    expect(total.slice(2)).toEqual([
      3,
      2,
      66.7,
      json.totals.plannedParticipants,
      json.totals.attended,
      json.totals.completed,
    ]);
    expect(workbook.getWorksheet("Items")!.rowCount).toBe(1 + json.items.length);

    const pdf = await t.app.inject({
      method: "GET",
      url: `/api/annual-programmes/${programmeId}/report/export?format=pdf`,
      headers: { cookie: azeCoordinator.cookie! },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain("Azərbaycan — программа 2030");
    expect(text).toContain("Logistics");
    // People read the PDF: area names, no codes such as `armed_forces_development`.
    expect(text.match(/\b[a-z]+(?:_[a-z]+)+\b/g)).toBeNull();

    const russian = await t.app.inject({
      method: "GET",
      url: `/api/annual-programmes/${programmeId}/report/export?format=pdf&language=ru`,
      headers: { cookie: azeCoordinator.cookie! },
    });
    const ruParser = new PDFParse({ data: new Uint8Array(russian.rawPayload) });
    const ruText = (await ruParser.getText()).text;
    await ruParser.destroy();
    expect(ruText).toContain("По областям");
    expect(ruText).toContain("Логистика");
    expect(ruText).not.toContain("Planned items");
  });

  it("keeps one programme per nation and year, and refuses a span of more than two years", async () => {
    const overlap = await azeCoordinator.post("/api/annual-programmes", {
      nationId: aze,
      firstYear: 2029,
      lastYear: 2030,
      title: "Overlapping",
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.fields[0].field).toBe("body.firstYear");
    const long = await azeCoordinator.post("/api/annual-programmes", {
      nationId: aze,
      firstYear: 2040,
      lastYear: 2042,
      title: "Too long",
    });
    expect(long.status).toBe(400);
    expect(long.body.fields[0].field).toBe("body.lastYear");
    const foreign = await geoCoordinator.post("/api/annual-programmes", {
      nationId: aze,
      firstYear: 2050,
      title: "x",
    });
    expect(foreign.status).toBe(403);
  });

  it("compares years: attended events from nominations beside the figures recorded for 2001 and 2002", async () => {
    const years = await azeCoordinator.get(
      `/api/annual-programmes/comparison?nationId=${aze}&fromYear=2000&toYear=2032`,
    );
    expect(years.status).toBe(200);
    const byYear = Object.fromEntries(years.body.map((y: { year: number }) => [y.year, y]));
    expect(byYear[2001].recorded).toEqual([
      expect.objectContaining({ eventCount: 250, qualifier: "more_than" }),
    ]);
    expect(byYear[2002].recorded[0]).toMatchObject({ eventCount: 200, qualifier: "more_than" });
    expect(byYear[2030]).toMatchObject({ plannedItems: 3, implementedItems: 2, eventsAttended: 2 });
    expect(byYear[2032].eventsAttended).toBe(1);
    const foreign = await geoCoordinator.get(
      `/api/annual-programmes/comparison?nationId=${aze}&fromYear=2000&toYear=2032`,
    );
    const foreignByYear = Object.fromEntries(foreign.body.map((y: { year: number }) => [y.year, y]));
    expect(foreignByYear[2030]).toMatchObject({ plannedItems: null, eventsAttended: 0 });
    expect(foreignByYear[2001].recorded).toEqual([]);
  });

  it("shows the programme's items under the objective they serve", async () => {
    const plan = await ipap(azeCoordinator);
    const objective = await azeCoordinator.get(`/api/plan-objectives/${plan.objectives[0].id}`);
    const codes = objective.body.activities.map((a: { code: string | null }) => a.code);
    expect(codes).toEqual(expect.arrayContaining(["T-PRG-LOG", "T-PRG-CT2"]));
    expect(objective.body.activities.find((a: { code: string }) => a.code === "T-PRG-LOG")).toMatchObject({
      attended: 2,
      implemented: true,
    });
  });
});

describe("partnership goals and the review cycle", () => {
  it("agrees a goal in an even year, assesses it in an odd year, once per cycle, and keeps its history", async () => {
    const created = await admin.post("/api/partnership-goals", {
      nationId: aze,
      code: "PG-T-01",
      title: "Test goal",
      areaCode: "logistics",
      agreedYear: 2024,
      status: "agreed",
      targetOn: "2026-12-31",
      releaseOrganisationIds: [nato],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ assessmentYear: 2025, releasability: "restricted" });
    const id = created.body.id;
    const odd = await azeCoordinator.post("/api/partnership-goals", {
      nationId: aze,
      code: "PG-T-02",
      title: "x",
      areaCode: "logistics",
      agreedYear: 2023,
    });
    expect(odd.status).toBe(400);
    expect(odd.body.fields[0].field).toBe("body.agreedYear");

    const even = await natoStaff.post(`/api/partnership-goals/${id}/assessments`, {
      cycleYear: 2024,
      rating: "fully_met",
    });
    expect(even.status).toBe(400);
    expect(even.body.fields[0].field).toBe("body.cycleYear");
    const assessed = await natoStaff.post(`/api/partnership-goals/${id}/assessments`, {
      cycleYear: 2025,
      rating: "partially_met",
      comments: "Stocks short",
    });
    expect(assessed.status).toBe(201);
    expect(assessed.body).toMatchObject({ latestRating: "partially_met" });
    const again = await natoStaff.post(`/api/partnership-goals/${id}/assessments`, {
      cycleYear: 2025,
      rating: "fully_met",
    });
    expect(again.status).toBe(409);
    const notAllowed = await geoCoordinator.post(`/api/partnership-goals/${id}/assessments`, {
      cycleYear: 2027,
      rating: "fully_met",
    });
    expect(notAllowed.status).toBe(404);

    await azeCoordinator.patch(`/api/partnership-goals/${id}`, {
      status: "in_progress",
      statusNote: "Work started",
    });
    const detail = await azeCoordinator.patch(`/api/partnership-goals/${id}`, { status: "achieved" });
    expect(detail.body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      "agreed",
      "in_progress",
      "achieved",
    ]);
    expect(detail.body.history[1]).toMatchObject({ fromStatus: "agreed", note: "Work started" });
    expect(detail.body.assessments).toEqual([
      expect.objectContaining({ cycleYear: 2025, rating: "partially_met" }),
    ]);

    // A status note without a status changes nothing and writes nothing; an empty patch is refused.
    const audits = async () =>
      Number(
        (
          await t.db
            .selectFrom("auditEntry")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .where("recordId", "=", id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const auditsBefore = await audits();
    const noteOnly = await azeCoordinator.patch(`/api/partnership-goals/${id}`, {
      statusNote: "Just a note",
    });
    expect(noteOnly.status, noteOnly.text).toBe(200);
    expect(noteOnly.body.status).toBe("achieved");
    expect(noteOnly.body.history).toHaveLength(3);
    expect(await audits()).toBe(auditsBefore);
    const empty = await azeCoordinator.patch(`/api/partnership-goals/${id}`, {});
    expect(empty.status).toBe(400);
    expect(await audits()).toBe(auditsBefore);
  });

  it("refuses to assess a goal that has not been agreed", async () => {
    const proposed = await azeCoordinator.post("/api/partnership-goals", {
      nationId: aze,
      code: "PG-T-03",
      title: "Proposed goal",
      areaCode: "defence_planning",
    });
    const reply = await natoStaff.post(`/api/partnership-goals/${proposed.body.id}/assessments`, {
      cycleYear: 2025,
      rating: "not_met",
    });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe("INVALID_STATE");
  });

  it("counts goals by status and area, and late goals, equal to the list", async () => {
    const counts = await azeCoordinator.get(`/api/partnership-goals/counts?nationId=${aze}`);
    const list = await azeCoordinator.get(`/api/partnership-goals?nationId=${aze}&limit=100`);
    expect(counts.body.total).toBe(list.body.total);
    expect(counts.body.late).toBe(list.body.items.filter((g: { late: boolean }) => g.late).length);
    expect(counts.body.byArea.logistics).toBe(
      list.body.items.filter((g: { areaCode: string }) => g.areaCode === "logistics").length,
    );
    const late = await azeCoordinator.get(`/api/partnership-goals?nationId=${aze}&late=true&limit=100`);
    expect(late.body.total).toBe(counts.body.late);
    expect(late.body.items.map((g: { code: string }) => g.code)).toContain("PG-EQP-01");
  });
});

describe("releasability between nations", () => {
  it("hides the partner's restricted goals, plans and programmes from another nation's coordinator", async () => {
    const goals = await geoCoordinator.get(`/api/partnership-goals?nationId=${aze}`);
    expect(goals.body).toMatchObject({ total: 0, items: [] });
    const counts = await geoCoordinator.get(`/api/partnership-goals/counts?nationId=${aze}`);
    expect(counts.body).toEqual({ total: 0, late: 0, byStatus: {}, byArea: {} });
    const plans = await geoCoordinator.get(`/api/plans?nationId=${aze}`);
    expect(plans.body.total).toBe(0);
    const programmes = await azeCoordinator.get(`/api/annual-programmes?nationId=${aze}`);
    expect(programmes.body.total).toBeGreaterThan(0);
    const id = programmes.body.items[0].id;
    expect((await geoCoordinator.get(`/api/annual-programmes/${id}/report`)).status).toBe(404);
    expect((await geoCoordinator.get(`/api/annual-programmes/${id}/report/export?format=csv`)).status).toBe(
      404,
    );
    expect((await geoCoordinator.get(`/api/annual-programmes?nationId=${aze}`)).body.total).toBe(0);
  });

  it("releases them to the alliance organisation", async () => {
    const goals = await natoStaff.get(`/api/partnership-goals?nationId=${aze}`);
    const own = await azeCoordinator.get(`/api/partnership-goals?nationId=${aze}`);
    expect(goals.body.total).toBe(own.body.total);
    expect((await natoStaff.get(`/api/plans?nationId=${aze}`)).body.total).toBeGreaterThan(0);
    const hidden = await azeCoordinator.post("/api/partnership-goals", {
      nationId: aze,
      code: "PG-T-04",
      title: "Not released",
      areaCode: "logistics",
      releaseOrganisationIds: [],
    });
    expect(hidden.body.releaseOrganisationIds).toEqual([]);
    expect((await natoStaff.get(`/api/partnership-goals/${hidden.body.id}`)).status).toBe(404);
    expect((await natoStaff.get(`/api/partnership-goals?nationId=${aze}`)).body.total).toBe(own.body.total);
    // Released to read, not to change.
    const goal = goals.body.items[0];
    expect((await natoStaff.patch(`/api/partnership-goals/${goal.id}`, { title: "Changed" })).status).toBe(
      403,
    );
  });

  it("releases a goal to a named nation when its owner says so", async () => {
    const goal = (await azeCoordinator.get(`/api/partnership-goals?nationId=${aze}&limit=1`)).body.items[0];
    await azeCoordinator.patch(`/api/partnership-goals/${goal.id}`, { releaseNationIds: [geo] });
    const seen = await geoCoordinator.get(`/api/partnership-goals?nationId=${aze}`);
    expect(seen.body.items.map((g: { id: string }) => g.id)).toEqual([goal.id]);
    await azeCoordinator.patch(`/api/partnership-goals/${goal.id}`, { releaseNationIds: [] });
  });
});

describe("partnership timeline", () => {
  it("puts the milestones, plan periods, programmes and goals of the partner in date order", async () => {
    const reply = await azeCoordinator.get(`/api/partnership-timeline?nationId=${aze}`);
    expect(reply.status).toBe(200);
    const entries = reply.body.entries as {
      kind: string;
      startsOn: string;
      title: string;
      precision: string;
      discrepancy: boolean;
    }[];
    expect(entries.map((e) => e.startsOn)).toEqual([...entries.map((e) => e.startsOn)].sort());
    expect(entries.find((e) => e.startsOn === "1994-05-04" && e.kind === "milestone")).toMatchObject({
      precision: "day",
    });
    expect(entries.find((e) => e.kind === "milestone" && e.startsOn === "1992-03-01")).toMatchObject({
      precision: "month",
    });
    const periods = entries.filter((e) => e.kind === "plan_period" && e.title.startsWith("Individual"));
    expect(periods).toHaveLength(6);
    expect(periods.filter((e) => e.discrepancy).map((e) => e.title)).toEqual([
      "Individual Partnership Action Plan of Azerbaijan III",
    ]);
    const kinds = new Set(entries.map((e) => e.kind));
    const expected = "milestone framework plan_period programme goal deployment exercise".split(" ");
    expect(expected.filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it("shows every annual programme of the nation, and only those, as programme entries", async () => {
    const timeline = await azeCoordinator.get(`/api/partnership-timeline?nationId=${aze}`);
    const shown = timeline.body.entries
      .filter((e: { kind: string }) => e.kind === "programme")
      .map((e: { id: string }) => e.id)
      .sort();
    const programmes = await azeCoordinator.get(`/api/annual-programmes?nationId=${aze}&limit=100`);
    expect(programmes.body.total).toBeGreaterThan(0);
    expect(programmes.body.total).toBeLessThanOrEqual(100);
    expect(shown).toEqual(programmes.body.items.map((p: { id: string }) => p.id).sort());
  });

  it("filters by kind and years, and shows another nation only the public milestones", async () => {
    const filtered = await azeCoordinator.get(
      `/api/partnership-timeline?nationId=${aze}&kinds=milestone&fromYear=1999&toYear=2002`,
    );
    expect(filtered.body.entries.every((e: { kind: string }) => e.kind === "milestone")).toBe(true);
    expect(filtered.body.entries.map((e: { startsOn: string }) => e.startsOn.slice(0, 4))).toEqual([
      "1999",
      "2001",
      "2002",
      "2002",
    ]);
    const foreign = await geoCoordinator.get(`/api/partnership-timeline?nationId=${aze}`);
    const kinds = new Set(foreign.body.entries.map((e: { kind: string }) => e.kind));
    expect(kinds.has("goal")).toBe(false);
    expect(kinds.has("plan_period")).toBe(false);
    expect(kinds.has("milestone")).toBe(true);
  });
});

describe("framework documents and their files", () => {
  const multipart = (filename: string, type: string, content: Buffer) => {
    const boundary = "----accordtest";
    return {
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    };
  };

  it("stores an attached PDF and refuses a file whose content is not what it claims", async () => {
    const list = await azeCoordinator.get(`/api/frameworks?nationId=${aze}`);
    const pfp = list.body.items.find((d: { title: string }) => d.title.startsWith("Partnership for Peace"));
    expect(pfp).toMatchObject({ signedOn: "1994-05-04", kind: "framework_document" });
    const pdf = Buffer.from("%PDF-1.4\n% test\n");
    const body = multipart("framework.pdf", "application/pdf", pdf);
    const upload = await t.app.inject({
      method: "POST",
      url: `/api/frameworks/${pfp.id}/files`,
      payload: body.payload,
      headers: { ...body.headers, cookie: azeCoordinator.cookie!, "x-csrf-token": azeCoordinator.csrfToken! },
    });
    expect(upload.statusCode).toBe(201);
    const file = JSON.parse(upload.body).files[0];
    expect(file).toMatchObject({
      filename: "framework.pdf",
      contentType: "application/pdf",
      sizeBytes: pdf.length,
    });
    const download = await azeCoordinator.get(`/api/frameworks/${pfp.id}/files/${file.id}`);
    expect(download.status).toBe(200);
    expect(download.text).toBe(pdf.toString());

    const fake = multipart("fake.pdf", "application/pdf", Buffer.from("not a pdf"));
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/frameworks/${pfp.id}/files`,
      payload: fake.payload,
      headers: { ...fake.headers, cookie: azeCoordinator.cookie!, "x-csrf-token": azeCoordinator.csrfToken! },
    });
    expect(refused.statusCode).toBe(400);
    const foreign = await t.app.inject({
      method: "POST",
      url: `/api/frameworks/${pfp.id}/files`,
      payload: body.payload,
      headers: { ...body.headers, cookie: geoCoordinator.cookie!, "x-csrf-token": geoCoordinator.csrfToken! },
    });
    expect(foreign.statusCode).toBe(403);
  });

  it("creates a document that replaces an earlier one and names unknown fields", async () => {
    const list = await azeCoordinator.get(`/api/frameworks?nationId=${aze}`);
    const presentation = list.body.items.find((d: { title: string }) => d.title === "Presentation document");
    const created = await azeCoordinator.post("/api/frameworks", {
      nationId: aze,
      title: "Presentation document (revised)",
      kind: "presentation_document",
      signedOn: "1998-02-01",
      signedPrecision: "month",
      parties: ["Azerbaijan", "NATO"],
      replacesId: presentation.id,
    });
    expect(created.status).toBe(201);
    const earlier = await azeCoordinator.get(`/api/frameworks/${presentation.id}`);
    expect(earlier.body.replacedById).toBe(created.body.id);
    const bad = await azeCoordinator.post("/api/frameworks", { title: "x", kind: "nope_kind", colour: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe("body.colour");
  });
});

describe("demo data", () => {
  it("loads again without adding anything", async () => {
    const count = async () =>
      Promise.all(
        (
          [
            "plan",
            "planPeriod",
            "periodStatement",
            "planObjective",
            "planAction",
            "partnershipGoal",
            "goalAssessment",
            "partnershipMilestone",
            "programmeItem",
            "frameworkDocument",
          ] as const
        ).map(
          async (table) =>
            (
              await t.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll<number>().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
        ),
      );
    const before = await count();
    await seedProgrammes(t.db);
    expect(await count()).toEqual(before);
  });
});

describe("demo programme from the catalogue", () => {
  it("computes the 2026–2027 programme's CREVAL attendance from the catalogue's nominations", async () => {
    const list = await azeCoordinator.get(`/api/annual-programmes?nationId=${aze}&year=2026`);
    const programme = list.body.items[0];
    const report = (await azeCoordinator.get(`/api/annual-programmes/${programme.id}/report`)).body;
    const creval = report.items.find(
      (item: { activity: { code: string } | null }) => item.activity?.code === "CREVAL-2026",
    );
    const attended = await t.db
      .selectFrom("nomination as n")
      .innerJoin("event as e", "e.id", "n.eventId")
      .innerJoin("activity as a", "a.id", "e.activityId")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("a.code", "=", "CREVAL-2026")
      .where("n.nationId", "=", aze)
      .where("n.status", "=", "accepted")
      .where("n.attendance", "in", ["attended", "partly"])
      .executeTakeFirstOrThrow();
    expect(attended.n).toBeGreaterThan(0);
    expect(creval).toMatchObject({ attended: attended.n, implemented: true });
  });
});

describe("period report export", () => {
  it("exports the plan period report as CSV with the same figures as the JSON report", async () => {
    const plan = await ipap(azeCoordinator);
    const five = plan.periods.find((p: { label: string }) => p.label === "V");
    const json = (await azeCoordinator.get(`/api/plan-periods/${five.id}/report?asOf=2020-06-30`)).body;
    const csv = await azeCoordinator.get(
      `/api/plan-periods/${five.id}/report/export?format=csv&asOf=2020-06-30`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers["content-disposition"]).toContain("AZE-IPAP-V-report.csv");
    const rows = csv.text
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));
    const total = rows.at(-1)!;
    expect(total[0]).toBe("Total");
    expect(total.slice(2, 7).map(Number)).toEqual([
      json.totals.objectives,
      json.totals.actions,
      json.totals.done,
      json.totals.inProgress,
      json.totals.late,
    ]);
    expect(json.totals).toMatchObject({ objectives: 3, actions: 4, done: 2, late: 2 });
    const pdf = await t.app.inject({
      method: "GET",
      url: `/api/plan-periods/${five.id}/report/export?format=pdf`,
      headers: { cookie: azeCoordinator.cookie! },
    });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    // Statuses in words and sources as a person cites them: no `in_progress`, no internal files.
    expect(text.match(/\b[a-z]+(?:_[a-z]+)+\b/g)).toBeNull();
    expect(text).not.toMatch(/DOMAIN\.md|domain brief|Accord issue/i);
    expect(text).toContain("Overview of Azerbaijan");
    const azerbaijani = await t.app.inject({
      method: "GET",
      url: `/api/plan-periods/${five.id}/report/export?format=pdf&language=az`,
      headers: { cookie: azeCoordinator.cookie! },
    });
    const azParser = new PDFParse({ data: new Uint8Array(azerbaijani.rawPayload) });
    const azText = (await azParser.getText()).text;
    await azParser.destroy();
    expect(azText).toContain("Gecikən tədbirlər");
    const bad = await azeCoordinator.get(`/api/plan-periods/${five.id}/report/export?format=doc`);
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe("query.format");
  });
});
