import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { readTable } from "../../platform/tabular.js";
import { LIST_EXPORTS } from "./exports.service.js";

/**
 * The generic list exports (`GET /api/exports/<kind>`, declared in each module's *.exports.ts): every declared list
 * answers CSV and XLSX; each holds exactly the rows its list answers to the same caller for the same filters; a
 * hostile cell is neutralised; bad input is a 400 naming the field.
 */

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let programmeId: string;
let qualification: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  programmeId = (await admin.get("/api/annual-programmes?limit=1")).body.items[0].id;
  qualification = (await admin.get("/api/training/qualifications")).body[0].code;
});
afterAll(() => t.close());

async function download(agent: Agent, url: string) {
  const response = await t.app.inject({
    method: "GET",
    url,
    headers: agent.cookie ? { cookie: agent.cookie } : {},
  });
  return { status: response.statusCode, headers: response.headers, data: response.rawPayload };
}

async function csvRows(agent: Agent, url: string) {
  const reply = await download(agent, url);
  expect(reply.status, `${url}: ${reply.data.toString("utf8").slice(0, 300)}`).toBe(200);
  return (await readTable({ filename: "x.csv", data: reply.data })).rows;
}

/** The filters a list cannot do without. */
const required = (kind: string) =>
  ({
    events: "from=2000-01-01&to=2030-12-31",
    registry: `qualification=${qualification}`,
    "programme-items": `programmeId=${programmeId}`,
  })[kind] ?? "";

describe("every declared list", () => {
  it.each(LIST_EXPORTS.map((list) => list.kind))("%s exports as CSV and XLSX", async (kind) => {
    const list = LIST_EXPORTS.find((l) => l.kind === kind)!;
    const query = required(kind);
    const csv = await download(admin, `/api/exports/${kind}?${query}&format=csv&lang=ru`);
    expect(csv.status, csv.data.toString("utf8").slice(0, 300)).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain(`accord-${kind}-`);
    const table = await readTable({ filename: "x.csv", data: csv.data });
    expect(table.rows[0]).toEqual(list.columns.map(([header]) => header.ru));

    const xlsx = await download(admin, `/api/exports/${kind}?${query}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe(list.columns[0]![0].en);
    expect(sheet.rowCount).toBe(table.rows.length);
  });
});

/** A paged list, a filter it takes, and the caller: the export has exactly the list's `total` rows. */
const SAME_AS_LIST: [kind: string, list: string, filter: () => Promise<string> | string][] = [
  ["partnership-goals", "/api/partnership-goals", async () => `nationId=${await t.nationId("AZE")}`],
  ["annual-programmes", "/api/annual-programmes", async () => `nationId=${await t.nationId("AZE")}`],
  ["plans", "/api/plans", async () => `nationId=${await t.nationId("AZE")}`],
  ["units", "/api/readiness/units", () => "declared=true"],
  ["evaluations", "/api/readiness/evaluations", () => "state=reported"],
  ["certificates", "/api/training/certificates", () => "status=valid"],
  ["registry", "/api/training/registry", () => `qualification=${qualification}`],
  ["exercises", "/api/exercises", () => "status=completed"],
  ["lessons", "/api/lessons", () => "status=learned"],
  ["operations", "/api/operations", () => "q=a"],
  ["contingents", "/api/contingents", async () => `nationId=${await t.nationId("AZE")}`],
  ["fund-contributions", "/api/fund-contributions", async () => `nationId=${await t.nationId("AZE")}`],
  ["meetings", "/api/meetings", () => "from=2000-01-01"],
  ["action-items", "/api/action-items", () => "status=open"],
  ["exchange-messages", "/api/exchange/messages", () => "box=inbox"],
  ["audit", "/api/audit", () => "recordType=nomination"],
  ["nominations", "/api/nominations", () => "status=accepted"],
];

describe("the rows of an export are the list's rows for the same filters and caller", () => {
  it.each(SAME_AS_LIST)("%s", async (kind, listUrl, filter) => {
    const query = await filter();
    for (const agent of [admin, azeCoordinator, geoCoordinator]) {
      const list = await agent.get(`${listUrl}?${query}&limit=1`);
      if (list.status !== 200) {
        // The export answers as the list does to a caller the list refuses.
        expect((await download(agent, `/api/exports/${kind}?${query}`)).status).toBe(list.status);
        continue;
      }
      const unfiltered = await agent.get(`${listUrl}?limit=1${kind === "registry" ? `&${query}` : ""}`);
      const rows = await csvRows(agent, `/api/exports/${kind}?${query}`);
      expect(rows.length - 1, `${kind} ${query}`).toBe(list.body.total);
      // The filter narrowed the list (or the list was all of one kind); the export followed it, not the whole list.
      expect(list.body.total).toBeLessThanOrEqual(unfiltered.body.total);
    }
  });

  it("follows the list past its page size (every page, not the first 100)", async () => {
    // The audit trail of a seeded instance plus the entries of this file's writes; the menu of several years.
    const candidates: [kind: string, list: string][] = [
      ["activities", "/api/activities"],
      ["audit", "/api/audit"],
      ["people", "/api/people"],
    ];
    const long: [string, number][] = [];
    for (const [kind, list] of candidates) {
      const total = (await admin.get(`${list}?limit=1`)).body.total as number;
      if (total > 100) long.push([kind, total]);
    }
    expect(long.length, "a seeded list longer than one page").toBeGreaterThan(0);
    for (const [kind, total] of long) {
      const rows = await csvRows(admin, `/api/exports/${kind}`);
      // The audit trail may have grown by the time the export reads it, never shrunk.
      if (kind === "audit") expect(rows.length - 1).toBeGreaterThanOrEqual(total);
      else expect(rows.length - 1).toBe(total);
    }
  });
});

describe("visibility and formula injection", () => {
  it("never exports a record the caller may not see, and neutralises formulas in CSV and XLSX", async () => {
    const aze = await t.nationId("AZE");
    const hostile = [
      '=HYPERLINK("http://evil.example","x")',
      "+SUM(1,2)",
      "-2+3",
      "@cmd",
      "\tTabbed",
      "\rReturn",
    ];
    expect(hostile).toHaveLength(6);
    for (const title of hostile) {
      const created = await azeCoordinator.post("/api/partnership-goals", {
        nationId: aze,
        code: `PG-EXP-${hostile.indexOf(title)}`,
        title,
        areaCode: "logistics",
        releasability: "restricted",
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const query = `nationId=${aze}&status=proposed`;
    const rows = await csvRows(azeCoordinator, `/api/exports/partnership-goals?${query}`);
    const titles = rows.filter((r) => r[1]?.startsWith("PG-EXP-")).map((r) => r[2]);
    expect(titles.sort()).toEqual(hostile.map((title) => `'${title}`).sort());

    const xlsx = await download(azeCoordinator, `/api/exports/partnership-goals?${query}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.data as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.formula, "no cell is a formula").toBeUndefined();
        cells.push(cell.value);
      });
    });
    expect(cells).toContain(`'${hostile[0]}`);
    expect(cells).toContain("'@cmd");

    // Georgia's coordinator sees Azerbaijan's public goals in the list, never these restricted ones.
    const theirs = await csvRows(geoCoordinator, `/api/exports/partnership-goals?${query}`);
    expect(theirs.some((r) => r[1]?.startsWith("PG-EXP-"))).toBe(false);
    expect(theirs.length - 1).toBe(
      (await geoCoordinator.get(`/api/partnership-goals?${query}&limit=1`)).body.total,
    );
  });

  it("answers a caller the list refuses as the list does", async () => {
    expect((await download(t.anonymous, "/api/exports/units")).status).toBe(401);
    expect((await download(azeCoordinator, "/api/exports/audit")).status).toBe(403);
    const participant = await t.signIn({ role: "participant", personNation: "AZE" });
    expect((await download(participant, "/api/exports/audit?format=xlsx")).status).toBe(403);
  });
});

describe("bad input", () => {
  it.each([
    ["/api/exports/units?format=pdf", "query.format"],
    ["/api/exports/units?lang=fr", "query.lang"],
    ["/api/exports/units?declared=perhaps", "query.declared"],
    ["/api/exports/units?limit=5", "query"],
    ["/api/exports/partnership-goals?nationId=not-a-uuid", "query.nationId"],
    ["/api/exports/partnership-goals?agreedYear=twenty", "query.agreedYear"],
    ["/api/exports/registry", "query.qualification"],
    ["/api/exports/events?from=2027-01-01", "query.to"],
    ["/api/exports/events?from=yesterday&to=2027-01-01", "query.from"],
    ["/api/exports/programme-items", "query.programmeId"],
    ["/api/exports/programme-items?programmeId=42", "query.programmeId"],
  ])("%s is a 400 naming %s", async (url, field) => {
    const reply = await admin.get(url);
    expect(reply.status, JSON.stringify(reply.body)).toBe(400);
    expect(reply.body.code).toBe("VALIDATION_FAILED");
    expect(reply.body.fields.map((f: { field: string }) => f.field).join(" ")).toContain(field);
  });

  it("a programme the caller may not see is a 404, as on its page", async () => {
    const reply = await admin.get(
      "/api/exports/programme-items?programmeId=00000000-0000-4000-8000-000000000000",
    );
    expect(reply.status).toBe(404);
  });
});
