import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let schoolOrganiser: Agent;
let azeCoordinator: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  schoolOrganiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
});
afterAll(() => t.close());

let unique = 0;
/** A fresh code prefix per test, so the tests' activities never collide. */
const tag = () => `IMP${++unique}${Date.now().toString(36).toUpperCase()}`;

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

async function workbook(rows: (string | number | Date)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Menu");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Activities and events of the test's code prefix, counted in the database. */
async function counts(prefix: string) {
  const activities = await t.db
    .selectFrom("activity")
    .select(["id"])
    .where("code", "like", `${prefix}%`)
    .execute();
  const events = activities.length
    ? await t.db
        .selectFrom("event")
        .select("id")
        .where(
          "activityId",
          "in",
          activities.map((a) => a.id),
        )
        .execute()
    : [];
  return { activities: activities.length, events: events.length };
}

const auditCount = async (action: string) =>
  Number(
    (
      await t.db
        .selectFrom("auditEntry")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("action", "=", action)
        .executeTakeFirstOrThrow()
    ).n,
  );

const HEADERS = [
  "Code",
  "Title",
  "Kind",
  "Menu year",
  "Organiser",
  "Areas",
  "Capacity",
  "Starts on",
  "Ends on",
];

describe("activities import", () => {
  it("previews an XLSX menu (one row per event), imports it in one go, and a re-import changes nothing", async () => {
    const p = tag();
    const file = await workbook([
      HEADERS,
      [
        `${p}-A`,
        "Cyber basics",
        "course",
        2027,
        "NATO-SCHOOL",
        "cyber_defence",
        20,
        new Date(Date.UTC(2027, 2, 1)),
        new Date(Date.UTC(2027, 2, 5)),
      ],
      [
        `${p}-A`,
        "Cyber basics",
        "course",
        2027,
        "NATO-SCHOOL",
        "cyber_defence",
        20,
        "01.09.2027",
        "05.09.2027",
      ],
      [
        `${p}-B`,
        "Crisis seminar",
        "Seminar",
        2027,
        "NATO-SCHOOL",
        "crisis_management, education_training",
        "",
        "",
        "",
      ],
    ]);
    const preview = await send(admin, "/api/imports/activities/preview", "menu.xlsx", file, XLSX);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.counts).toEqual({ create: 3, update: 0, unchanged: 0, invalid: 0 });
    expect(preview.body.mapping).toMatchObject({ code: "Code", titleEn: "Title", startsOn: "Starts on" });
    expect(await counts(p)).toEqual({ activities: 0, events: 0 });

    const before = await auditCount("activity.create");
    const committed = await send(admin, "/api/imports/activities/commit", "menu.xlsx", file, XLSX);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ created: 4, updated: 0, unchanged: 0 }); // 2 activities, 2 events
    expect(await counts(p)).toEqual({ activities: 2, events: 2 });
    // The catalogue's own write path ran: one activity.create entry each, and the import's own entry.
    expect(await auditCount("activity.create")).toBe(before + 2);
    const activity = await admin.get(`/api/activities?q=${p}-A&limit=10`);
    const found = activity.body.items.find((a: { code: string }) => a.code === `${p}-A`);
    expect(found).toMatchObject({ kind: "course", capacity: 20, areas: ["cyber_defence"], eventCount: 2 });
    const b = await t.db
      .selectFrom("activity")
      .select("kind")
      .where("code", "=", `${p}-B`)
      .executeTakeFirstOrThrow();
    expect(b.kind).toBe("seminar");

    const imports = await auditCount("import.activities");
    const again = await send(admin, "/api/imports/activities/commit", "menu.xlsx", file, XLSX);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await counts(p)).toEqual({ activities: 2, events: 2 });
    expect(await auditCount("import.activities")).toBe(imports);

    // A changed title updates the activity through the service; a new date adds an event.
    const changed = [
      HEADERS.join(";"),
      `${p}-A;Cyber basics II;course;2027;NATO-SCHOOL;cyber_defence;20;2027-03-01;2027-03-05`,
      `${p}-A;Cyber basics II;course;2027;NATO-SCHOOL;cyber_defence;20;2027-11-01;2027-11-05`,
    ].join("\r\n");
    const update = await send(admin, "/api/imports/activities/commit", "menu.csv", changed);
    expect(update.status, JSON.stringify(update.body)).toBe(200);
    expect(update.body).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    expect(await counts(p)).toEqual({ activities: 2, events: 3 });
    const title = await t.db
      .selectFrom("activity")
      .select("titleEn")
      .where("code", "=", `${p}-A`)
      .executeTakeFirstOrThrow();
    expect(title.titleEn).toBe("Cyber basics II");
  });

  it("names every bad row's column, rolls back all rows unless asked for the valid ones", async () => {
    const p = tag();
    const csv = [
      "Kod;Ad;Növ;Menyu ili;Təşkilatçı;Sahələr;Tutum;Ölkə kvotası;Başlama;Bitmə",
      `${p}-OK;Good one;course;2027;NATO-SCHOOL;;10;;2027-04-01;2027-04-03`,
      `${p}-X;Bad organiser;course;2027;NO-SUCH-ORG;;;;;`,
      `${p}-Y;Bad dates;course;2027;NATO-SCHOOL;;;;2027-05-10;2027-05-01`,
      `${p}-Z;Bad kind and area;party;1800;NATO-SCHOOL;moon_landing;5;9;;`,
      `${p}-OK;Other title;course;2027;NATO-SCHOOL;;10;;2027-06-01;2027-06-03`,
    ].join("\r\n");
    const preview = await send(admin, "/api/imports/activities/preview", "menu.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(
      preview.body.errors.map((e: { row: number; column: string; header: string }) => [
        e.row,
        e.column,
        e.header,
      ]),
    ).toEqual([
      [3, "organiser", "Təşkilatçı"],
      [4, "endsOn", "Bitmə"],
      [5, "kind", "Növ"],
      [5, "menuYear", "Menyu ili"],
      [5, "areas", "Sahələr"],
      [5, "nationQuota", "Ölkə kvotası"],
      [6, "titleEn", "Ad"],
    ]);
    expect(preview.body.errors[0].message).toContain("NO-SUCH-ORG");
    expect(preview.body.errors[6].message).toContain("row 2");
    expect(preview.body.counts).toMatchObject({ create: 1, invalid: 4 });

    const before = await auditCount("activity.create");
    const refused = await send(admin, "/api/imports/activities/commit", "menu.csv", csv);
    expect(refused.status).toBe(422);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toContain("file.rows.3.organiser");
    expect(await counts(p)).toEqual({ activities: 0, events: 0 });
    expect(await auditCount("activity.create")).toBe(before);

    const valid = await send(admin, "/api/imports/activities/commit?mode=valid", "menu.csv", csv);
    expect(valid.status, JSON.stringify(valid.body)).toBe(200);
    expect(valid.body).toMatchObject({ created: 2, skipped: 4 });
    expect(await counts(p)).toEqual({ activities: 1, events: 1 });
  });

  it("reads several events from one row's Event dates, names an unreadable span, and a re-import changes nothing", async () => {
    const p = tag();
    const csv = [
      "Code,Title,Kind,Menu year,Organiser,First start,Last end,Event dates",
      `${p}-M,Many runs,course,2028,NATO-SCHOOL,2028-01-10,2028-09-14,2028-01-10/2028-01-14; 2028-05-08/2028-05-12;2028-09-10/2028-09-14`,
      `${p}-B,Bad runs,course,2028,NATO-SCHOOL,,,2028-02-01/2028-02-05; next spring`,
    ].join("\n");
    const preview = await send(admin, "/api/imports/activities/preview", "menu.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ row: 3, column: "eventDates", header: "Event dates" }),
    ]);
    const committed = await send(admin, "/api/imports/activities/commit?mode=valid", "menu.csv", csv);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ created: 4, updated: 0 });
    const events = await t.db
      .selectFrom("event as e")
      .innerJoin("activity as a", "a.id", "e.activityId")
      .select(["e.startsOn", "e.endsOn"])
      .where("a.code", "like", `${p}%`)
      .orderBy("e.startsOn")
      .execute();
    expect(events.map((e) => `${e.startsOn}/${e.endsOn}`)).toEqual([
      "2028-01-10/2028-01-14",
      "2028-05-08/2028-05-12",
      "2028-09-10/2028-09-14",
    ]);
    const again = await send(admin, "/api/imports/activities/commit?mode=valid", "menu.csv", csv);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it("holds each row to the catalogue's access rules: an organiser imports only for the organisation they run", async () => {
    const p = tag();
    const csv = [
      "Code,Title,Kind,Menu year,Organiser",
      `${p}-MINE,School course,course,2027,NATO-SCHOOL`,
      `${p}-THEIRS,Other course,course,2027,AZE-MOD`,
    ].join("\n");
    const preview = await send(schoolOrganiser, "/api/imports/activities/preview", "menu.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ row: 3, message: expect.stringContaining("not allowed") }),
    ]);
    expect(preview.body.counts).toMatchObject({ create: 1, invalid: 1 });
    const refused = await send(schoolOrganiser, "/api/imports/activities/commit", "menu.csv", csv);
    expect(refused.status).toBe(422);
    expect(await counts(p)).toEqual({ activities: 0, events: 0 });

    // A national coordinator may run imports (people, nominations) but creates no activities.
    const coordinator = await send(azeCoordinator, "/api/imports/activities/preview", "menu.csv", csv);
    expect(coordinator.body.counts).toMatchObject({ create: 0, invalid: 2 });
  });

  it("makes a partner's imported activities proposals, and tells alliance staff of each, as the form does", async () => {
    const partner = await t.signIn({ role: "organiser", organisation: "AZE-NDU" });
    const staff = await t.signIn({ role: "organiser", organisation: "NATO" });
    const p = tag();
    const csv = [
      "Code,Title,Kind,Menu year,Organiser",
      `${p}-P1,Defence English,course,2031,AZE-NDU`,
      `${p}-P2,Military history,course,2031,AZE-NDU`,
    ].join("\n");
    const committed = await send(partner, "/api/imports/activities/commit", "menu.csv", csv);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    const made = await t.db
      .selectFrom("activity")
      .select(["id", "status"])
      .where("code", "like", `${p}-%`)
      .orderBy("code")
      .execute();
    expect(made.map((a) => a.status)).toEqual(["proposed", "proposed"]);
    const notices = await t.db
      .selectFrom("notification")
      .select(["recordId", "userId"])
      .where("kind", "=", "activity.proposed")
      .where(
        "recordId",
        "in",
        made.map((a) => a.id),
      )
      .execute();
    for (const user of [staff.userId, admin.userId])
      expect(
        notices
          .filter((n) => n.userId === user)
          .map((n) => n.recordId)
          .sort(),
      ).toEqual(made.map((a) => a.id).sort());
    expect(notices.map((n) => n.userId)).not.toContain(partner.userId);
  });

  it("stores a formula-like title as text and neutralises it in the activities export", async () => {
    const p = tag();
    const csv = `Code,Title,Kind,Menu year,Organiser\n${p}-F,"=HYPERLINK(""http://evil.example"")",course,2027,NATO-SCHOOL\n`;
    const committed = await send(admin, "/api/imports/activities/commit", "menu.csv", csv);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    const stored = await t.db
      .selectFrom("activity")
      .select("titleEn")
      .where("code", "=", `${p}-F`)
      .executeTakeFirstOrThrow();
    expect(stored.titleEn).toBe('=HYPERLINK("http://evil.example")');
    const exported = await admin.get(`/api/exports/activities?q=${p}-F&status=draft`);
    expect(exported.status, exported.text).toBe(200);
    expect(exported.text).toContain(`'=HYPERLINK`);
    expect(exported.text).not.toMatch(/,=HYPERLINK/);
  });
});
