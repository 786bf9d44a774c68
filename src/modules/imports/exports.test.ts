import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { readTable } from "../../platform/tabular.js";

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
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

async function person(fields: Record<string, unknown>) {
  const reply = await admin.post("/api/people", fields);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

describe("people export", () => {
  it("exports exactly the list's filter as CSV, with a hostile value neutralised, and reads back", async () => {
    const aze = await t.nationId("AZE");
    await person({ givenName: '=HYPERLINK("http://evil")', familyName: "Exportson", nationId: aze });
    await person({ givenName: "+Plus", familyName: "Exportson", nationId: aze, rankTitle: "@cmd" });
    await person({ givenName: "Other", familyName: "Unrelated", nationId: aze });
    const list = await admin.get("/api/people?q=Exportson&limit=100");
    const reply = await download(admin, "/api/exports/people?q=Exportson&format=csv");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toContain("text/csv");
    expect(reply.headers["content-disposition"]).toMatch(/attachment; filename="accord-people-.*\.csv"/);
    const table = await readTable({ filename: "x.csv", data: reply.data });
    expect(table.rows[0]).toEqual([
      "Given name",
      "Family name",
      "Nation",
      "Rank",
      "Email",
      "Phone",
      "Languages",
      "Organisation",
    ]);
    expect(table.rows).toHaveLength(list.body.total + 1);
    expect(
      table.rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(["'+Plus", `'=HYPERLINK("http://evil")`]);
    expect(table.rows.find((r) => r[0] === "'+Plus")![3]).toBe("'@cmd");
  });

  it("exports XLSX with headers in Russian, and never a record the caller may not see", async () => {
    const geo = await t.nationId("GEO");
    await person({
      givenName: "Visible",
      familyName: "Hiddentest",
      nationId: geo,
      releasability: "internal",
    });
    await person({
      givenName: "Secret",
      familyName: "Hiddentest",
      nationId: geo,
      releasability: "restricted",
    });
    const outsider = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const list = await outsider.get("/api/people?q=Hiddentest");
    expect(list.body.items.map((p: { givenName: string }) => p.givenName)).toEqual(["Visible"]);

    const reply = await download(outsider, "/api/exports/people?q=Hiddentest&format=xlsx&lang=ru");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Имя");
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe("Visible");
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain("Secret");

    const all = await download(admin, "/api/exports/people?q=Hiddentest&format=csv");
    expect(all.data.toString("utf8")).toContain("Secret");

    expect((await download(t.anonymous, "/api/exports/people")).status).toBe(401);
    const badFormat = await admin.get("/api/exports/people?format=pdf");
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.fields[0].field).toBe("query.format");
  });

  it("round trip: an exported file imports back with nothing to change", async () => {
    const aze = await t.nationId("AZE");
    await person({
      givenName: "Round",
      familyName: "Tripper",
      nationId: aze,
      email: "round.tripper@roundtrip.example",
      languages: ["en", "az"],
      rankTitle: "Major",
    });
    const exported = await download(admin, "/api/exports/people?q=Tripper&format=xlsx&lang=az");
    const boundary = "----roundtrip";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="people.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      exported.data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/imports/people/preview",
      headers: {
        cookie: admin.cookie!,
        "x-csrf-token": admin.csrfToken!,
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    const preview = JSON.parse(response.body);
    expect(response.statusCode, response.body).toBe(200);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: 1, invalid: 0 });
  });
});

describe("activities export", () => {
  it("exports the menu search's filter to everyone, in the caller's language", async () => {
    const list = await t.anonymous.get("/api/activities?kind=course&limit=100");
    const reply = await download(t.anonymous, "/api/exports/activities?kind=course&format=csv&lang=az");
    expect(reply.status).toBe(200);
    const table = await readTable({ filename: "x.csv", data: reply.data });
    expect(table.rows[0]!.slice(0, 3)).toEqual(["Kod", "Ad", "Növ"]);
    expect(table.rows).toHaveLength(list.body.total + 1);
    expect(new Set(table.rows.slice(1).map((r) => r[2]))).toEqual(new Set(["course"]));
    expect(
      table.rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(list.body.items.map((a: { code: string }) => a.code).sort());
  });
});
