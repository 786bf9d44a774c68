import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedDirectory } from "../directory/directory.seed.js";

let t: TestApp;
let organiser: Agent;
let azeCoordinator: Agent;
let serial = 0;

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
});
afterAll(() => t.close());

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function send(
  agent: Agent,
  url: string,
  filename: string,
  content: Buffer | string,
  type = "text/csv",
) {
  const boundary = `----accord${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await t.app.inject({
    method: "POST",
    url,
    headers: {
      cookie: agent.cookie!,
      "x-csrf-token": agent.csrfToken!,
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    payload,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

/** A published activity with events on the given start dates (first come, first served; capacity as given). */
async function publishedActivity(capacity: number | null, starts: string[]) {
  const code = `NOMIMP-${Date.now() % 100000}-${++serial}`;
  const created = await organiser.post("/api/activities", {
    code,
    titleEn: `Nomination import ${code}`,
    kind: "course",
    menuYear: 2027,
    capacity,
    organiserId: await t.organisationId("NATO-SCHOOL"),
  });
  expect(created.status, created.text).toBe(201);
  const published = await organiser.post(`/api/activities/${created.body.id}/status`, {
    status: "published",
  });
  expect(published.status, published.text).toBe(200);
  const events: string[] = [];
  for (const startsOn of starts) {
    const event = await organiser.post(`/api/activities/${created.body.id}/events`, {
      startsOn,
      endsOn: startsOn,
      acceptance: "first_come",
    });
    expect(event.status, event.text).toBe(201);
    events.push(event.body.id);
  }
  return { code, events };
}

async function person(nation: string, family: string, email: string | null) {
  const nationId = await t.nationId(nation);
  const row = await t.db
    .insertInto("person")
    .values({ givenName: "Nomi", familyName: family, nationId, ownerNationId: nationId, email })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

const nominations = (eventId: string) =>
  t.db.selectFrom("nomination").select(["personId", "status"]).where("eventId", "=", eventId).execute();

describe("nominations import", () => {
  it("nominates by e-mail or by nation and name, through the seat rule: past the capacity a file waitlists", async () => {
    const { code, events } = await publishedActivity(2, ["2027-10-04"]);
    const d = `n${++serial}${Date.now().toString(36)}`;
    const ids = [
      await person("AZE", `One${d}`, `one@${d}.example`),
      await person("AZE", `Two${d}`, `two@${d}.example`),
      await person("AZE", `Three${d}`, null),
    ];
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Nominations");
    sheet.addRow(["Fəaliyyət kodu", "E-poçt", "Ölkə", "Soyad", "Ad", "Prioritet"]);
    sheet.addRow([code, `one@${d}.example`, "", "", "", 1]);
    sheet.addRow([code, `TWO@${d}.example`, "", "", "", 2]);
    sheet.addRow([code, "", "AZE", `Three${d}`, "Nomi", 3]);
    const file = Buffer.from(await book.xlsx.writeBuffer());

    const preview = await send(azeCoordinator, "/api/imports/nominations/preview", "list.xlsx", file, XLSX);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.counts).toEqual({ create: 3, update: 0, unchanged: 0, invalid: 0 });
    // The preview tried the seats: the third person would wait; nothing was written.
    expect(preview.body.warnings).toEqual([
      expect.objectContaining({ row: 4, message: expect.stringContaining("waitlisted") }),
    ]);
    expect(await nominations(events[0]!)).toEqual([]);

    const committed = await send(azeCoordinator, "/api/imports/nominations/commit", "list.xlsx", file, XLSX);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ created: 3, unchanged: 0 });
    const rows = await nominations(events[0]!);
    const statusOf = (id: string) => rows.find((r) => r.personId === id)?.status;
    expect(ids.map(statusOf)).toEqual(["accepted", "accepted", "waitlisted"]);
    // accord_nominate audited each seat; the import wrote its own entry with the file.
    const audited = await t.db
      .selectFrom("auditEntry")
      .select("action")
      .where("action", "in", ["nomination.create", "import.nominations"])
      .execute();
    expect(audited.filter((a) => a.action === "import.nominations")).toHaveLength(1);
    expect(audited.filter((a) => a.action === "nomination.create").length).toBeGreaterThanOrEqual(3);

    const again = await send(azeCoordinator, "/api/imports/nominations/commit", "list.xlsx", file, XLSX);
    expect(again.body).toMatchObject({ created: 0, unchanged: 3 });
    expect(await nominations(events[0]!)).toHaveLength(3);
  });

  it("names bad rows by row and column and rolls the whole file back unless only the valid rows are asked for", async () => {
    const { code, events } = await publishedActivity(null, ["2027-11-01", "2027-12-06"]);
    const d = `n${++serial}${Date.now().toString(36)}`;
    await person("AZE", `Good${d}`, `good@${d}.example`);
    await person("GEO", `Foreign${d}`, `foreign@${d}.example`);
    const csv = [
      "Activity code,Starts on,Email,Priority",
      `${code},2027-11-01,good@${d}.example,1`,
      `${code},,good@${d}.example,1`, // two events: which one?
      `NO-SUCH-CODE,2027-11-01,good@${d}.example,1`,
      `${code},2027-12-06,nobody@${d}.example,1`,
      `${code},2027-12-06,foreign@${d}.example,1`, // the coordinator of AZE does not nominate GEO's people
      `${code},2027-12-06,good@${d}.example,0`,
    ].join("\n");
    const preview = await send(azeCoordinator, "/api/imports/nominations/preview", "list.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, "startsOn"],
      [4, "activity"],
      [5, "email"],
      [6, "email"],
      [7, "priority"],
    ]);
    expect(preview.body.errors[0].message).toContain("2 events");
    expect(preview.body.errors[0].header).toBe("Starts on");

    const refused = await send(azeCoordinator, "/api/imports/nominations/commit", "list.csv", csv);
    expect(refused.status).toBe(422);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toContain("file.rows.4.activity");
    expect(await nominations(events[0]!)).toHaveLength(0);
    expect(await nominations(events[1]!)).toHaveLength(0);

    const valid = await send(azeCoordinator, "/api/imports/nominations/commit?mode=valid", "list.csv", csv);
    expect(valid.status, JSON.stringify(valid.body)).toBe(200);
    expect(valid.body).toMatchObject({ created: 1, skipped: 5 });
    expect(await nominations(events[0]!)).toHaveLength(1);
    expect(await nominations(events[1]!)).toHaveLength(0);
  });

  it("refuses a row the service refuses: a nation not eligible, an event that no longer takes nominations", async () => {
    const { code, events } = await publishedActivity(null, ["2027-08-02"]);
    const d = `n${++serial}${Date.now().toString(36)}`;
    await person("AZE", `Late${d}`, `late@${d}.example`);
    const closed = await organiser.patch(`/api/events/${events[0]}`, { status: "closed" });
    expect(closed.status, closed.text).toBe(200);
    const csv = `Activity code,Email\n${code},late@${d}.example\n`;
    const preview = await send(azeCoordinator, "/api/imports/nominations/preview", "list.csv", csv);
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringContaining("closed") }),
    ]);
    const refused = await send(azeCoordinator, "/api/imports/nominations/commit", "list.csv", csv);
    expect(refused.status).toBe(422);
    expect(await nominations(events[0]!)).toHaveLength(0);
  });

  it("exports an event's nominations as CSV and XLSX, formulas neutralised, and the export imports back unchanged", async () => {
    const { code, events } = await publishedActivity(null, ["2027-07-05"]);
    const other = await publishedActivity(null, ["2027-07-12"]);
    const d = `n${++serial}${Date.now().toString(36)}`;
    await person("AZE", `Export${d}`, `export@${d}.example`);
    await person("AZE", `Formula${d}`, `formula@${d}.example`);
    const csv = [
      "Activity code,Email,Note",
      `${code},export@${d}.example,Plain note`,
      `${code},formula@${d}.example,"=HYPERLINK(""http://evil.example"")"`,
      `${other.code},export@${d}.example,Elsewhere`,
    ].join("\n");
    const committed = await send(azeCoordinator, "/api/imports/nominations/commit", "list.csv", csv);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body.created).toBe(3);

    const exported = await azeCoordinator.get(`/api/exports/nominations?eventId=${events[0]}`);
    expect(exported.status, exported.text).toBe(200);
    expect(exported.headers["content-type"]).toContain("text/csv");
    const lines = exported.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Activity code,Starts on,Nation,Family name,Given name,Rank,Priority,Status,Note");
    expect(lines).toHaveLength(3); // the header and this event's two nominations, not the other event's
    expect(exported.text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(exported.text).not.toMatch(/,=HYPERLINK/);

    const back = await send(azeCoordinator, "/api/imports/nominations/preview", "export.csv", exported.text);
    expect(back.body.errors).toEqual([]);
    expect(back.body.counts).toEqual({ create: 0, update: 0, unchanged: 2, invalid: 0 });

    const xlsx = await t.app.inject({
      method: "GET",
      url: `/api/exports/nominations?eventId=${events[0]}&format=xlsx&lang=az`,
      headers: { cookie: azeCoordinator.cookie! },
    });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe("Fəaliyyət kodu");
    const notes = [2, 3].map((r) => sheet.getRow(r).getCell(9).text);
    expect(notes).toContain(`'=HYPERLINK("http://evil.example")`);
    const again = await send(
      azeCoordinator,
      "/api/imports/nominations/preview",
      "export.xlsx",
      xlsx.rawPayload,
      XLSX,
    );
    expect(again.body.mapping).toMatchObject({
      activity: "Fəaliyyət kodu",
      familyName: "Soyad",
      givenName: "Ad",
    });
    expect(again.body.counts).toEqual({ create: 0, update: 0, unchanged: 2, invalid: 0 });
  });
});
