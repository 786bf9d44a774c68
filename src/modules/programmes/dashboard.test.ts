import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let auditor: Agent;
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let aze: string;
let geo: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  auditor = await t.signIn({ role: "auditor" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  aze = await t.nationId("AZE");
  geo = await t.nationId("GEO");
});
afterAll(() => t.close());

const SPAN = "fromYear=2015&toYear=2027";

async function nationBoard(agent: Agent, nationId = aze) {
  const reply = await agent.get(`/api/dashboards/nation?nationId=${nationId}&${SPAN}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
}

type Row = { year: number; areaCode: string; planned: number; done: number };

describe("nation dashboard", () => {
  it("answers the partner's figures from the demo data", async () => {
    const board = await nationBoard(azeCoordinator);
    expect(board.nation.code).toBe("AZE");
    expect([board.fromYear, board.toYear]).toEqual([2015, 2027]);
    // Programme: the 2020–2021 programme (4 items) and the 2026–2027 one (11 items).
    const planned = (rows: Row[]) => rows.reduce((total, row) => total + row.planned, 0);
    expect(planned(board.programme)).toBe(15);
    // Participation: the six CREVAL graduates of 2026, at one course; every other year of the span is zero.
    expect(board.participation).toHaveLength(13);
    expect(board.participation.find((row: { year: number }) => row.year === 2026)).toEqual({
      year: 2026,
      eventsAttended: 1,
      participants: 6,
    });
    expect(board.participation.filter((row: { participants: number }) => row.participants > 0)).toHaveLength(
      1,
    );
    expect(board.goals).toEqual([
      { status: "achieved", goals: 2 },
      { status: "agreed", goals: 1 },
      { status: "in_progress", goals: 2 },
    ]);
    expect(board.certifications).toMatchObject([{ qualificationCode: "CREVAL-EVALUATOR", held: 6 }]);
    expect(board.contributions).toEqual([
      { year: 2015, currency: "USD", pledged: 1_000_000, paid: 1_000_000 },
      { year: 2016, currency: "USD", pledged: 1_000_000, paid: 500_000 },
    ]);
  });

  it("agrees with each programme's implementation report, area by area", async () => {
    const board = await nationBoard(azeCoordinator);
    const programmes = await azeCoordinator.get(`/api/annual-programmes?nationId=${aze}&limit=100`);
    expect(programmes.body.items).toHaveLength(2);
    const fromReports = new Map<string, { planned: number; done: number }>();
    for (const programme of programmes.body.items) {
      const report = await azeCoordinator.get(`/api/annual-programmes/${programme.id}/report`);
      for (const area of report.body.areas) {
        const total = fromReports.get(area.areaCode) ?? { planned: 0, done: 0 };
        total.planned += area.plannedItems;
        total.done += area.implementedItems;
        fromReports.set(area.areaCode, total);
      }
    }
    const fromBoard = new Map<string, { planned: number; done: number }>();
    for (const row of board.programme as Row[]) {
      const total = fromBoard.get(row.areaCode) ?? { planned: 0, done: 0 };
      total.planned += row.planned;
      total.done += row.done;
      fromBoard.set(row.areaCode, total);
    }
    expect(Object.fromEntries(fromBoard)).toEqual(Object.fromEntries(fromReports));
    expect(board.areas.map((area: { code: string }) => area.code).sort()).toEqual(
      [...fromBoard.keys()].sort(),
    );
  });

  it("counts none of the partner's restricted records for another nation", async () => {
    const board = await nationBoard(geoCoordinator);
    expect(board.programme).toEqual([]);
    expect(board.goals).toEqual([]);
    expect(board.certifications).toEqual([]);
    expect(board.contributions).toEqual([]);
    expect(board.participation.every((row: { participants: number }) => row.participants === 0)).toBe(true);
  });

  it("names a bad span or an unknown nation", async () => {
    const reversed = await azeCoordinator.get(
      `/api/dashboards/nation?nationId=${aze}&fromYear=2020&toYear=2019`,
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.fields[0].field).toBe("query.fromYear");
    const unknown = await azeCoordinator.get(`/api/dashboards/nation?nationId=${crypto.randomUUID()}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0].field).toBe("query.nationId");
    expect((await t.anonymous.get(`/api/dashboards/nation?nationId=${aze}`)).status).toBe(401);
  });

  it("downloads the table behind each chart as CSV in the reader's language", async () => {
    const goals = await azeCoordinator.get(
      `/api/dashboards/nation/export?nationId=${aze}&${SPAN}&chart=goals&lang=az`,
    );
    expect(goals.status).toBe(200);
    expect(goals.headers["content-type"]).toContain("text/csv");
    expect(goals.text.replace(/^\uFEFF/, "").split("\r\n")).toEqual([
      "Status,Məqsədlər",
      "achieved,2",
      "agreed,1",
      "in_progress,2",
      "",
    ]);
    const money = await azeCoordinator.get(
      `/api/dashboards/nation/export?nationId=${aze}&${SPAN}&chart=contributions&lang=ru`,
    );
    expect(
      money.text
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .slice(0, 3),
    ).toEqual(["Год,Валюта,Обязательства,Выплачено", "2015,USD,1000000,1000000", "2016,USD,1000000,500000"]);
    const participation = await azeCoordinator.get(
      `/api/dashboards/nation/export?nationId=${aze}&${SPAN}&chart=participation`,
    );
    expect(participation.text).toContain("\r\n2026,1,6\r\n");
  });
});

describe("nations side by side", () => {
  it("shows a global reader every nation with figures, with the same figures as its own dashboard", async () => {
    const reply = await auditor.get(`/api/dashboards/nations?${SPAN}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const row = reply.body.nations.find((entry: { nation: { code: string } }) => entry.nation.code === "AZE");
    expect(row).toMatchObject({
      plannedItems: 15,
      eventsAttended: 1,
      participants: 6,
      certificationsHeld: 6,
      contributions: [{ currency: "USD", pledged: 2_000_000, paid: 1_500_000 }],
    });
    const board = await nationBoard(auditor);
    expect(row.doneItems).toBe(board.programme.reduce((total: number, r: Row) => total + r.done, 0));
    expect(row.goals).toEqual(board.goals);
  });

  it("leaves out of another nation's comparison every restricted figure of the partner", async () => {
    const reply = await geoCoordinator.get(`/api/dashboards/nations?${SPAN}`);
    expect(reply.status).toBe(200);
    expect(reply.body.nations.map((entry: { nation: { code: string } }) => entry.nation.code)).not.toContain(
      "AZE",
    );
    const asked = await geoCoordinator.get(`/api/dashboards/nations?${SPAN}&nationIds=${aze},${geo}`);
    expect(
      asked.body.nations.find((entry: { nation: { code: string } }) => entry.nation.code === "AZE"),
    ).toEqual(
      expect.objectContaining({
        plannedItems: 0,
        doneItems: 0,
        eventsAttended: 0,
        participants: 0,
        goals: [],
        certificationsHeld: 0,
        contributions: [],
      }),
    );
    const csv = await geoCoordinator.get(
      `/api/dashboards/nations/export?${SPAN}&nationIds=${aze}&chart=programme`,
    );
    expect(csv.text.replace(/^\uFEFF/, "").split("\r\n")).toEqual([
      "Nation,Planned,Done",
      "Azerbaijan,0,0",
      "",
    ]);
  });
});

describe("bad input", () => {
  it("names the list of nations when one of them is not an id or not a nation", async () => {
    for (const nationIds of ["------------------------------------", `${aze},${crypto.randomUUID()}`]) {
      const reply = await auditor.get(`/api/dashboards/nations?nationIds=${nationIds}`);
      expect(reply.status).toBe(400);
      expect(reply.body.fields[0].field).toBe("query.nationIds");
    }
  });
});
