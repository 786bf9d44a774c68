import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCount, upload, workbook } from "../../../test/support/import-upload.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let activityCode: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  const activity = await t.db
    .selectFrom("activity")
    .select("code")
    .where("releasability", "=", "public")
    // A programme picks activities of the menu: not a proposal awaiting the alliance (the demo has one).
    .where("status", "=", "published")
    .orderBy("code")
    .executeTakeFirstOrThrow();
  activityCode = activity.code;
});
afterAll(() => t.close());

let year = 2150;
/** A programme of the nation for a fresh year per test (a nation's programmes never overlap). */
async function programme(nation: string) {
  year += 2;
  const created = await admin.post("/api/annual-programmes", {
    nationId: await t.nationId(nation),
    firstYear: year,
    title: `${nation} ${year}`,
  });
  expect(created.status, created.text).toBe(201);
  return { id: created.body.id as string, year };
}

const send = (agent: Agent, step: string, filename: string, content: Buffer | string) =>
  upload(t, agent, `/api/imports/programme-items/${step}`, filename, content);

async function stored(programmeId: string) {
  const rows = await t.db
    .selectFrom("programmeItem as pi")
    .leftJoin("activity as a", "a.id", "pi.activityId")
    .select([
      "a.code",
      "pi.title",
      "pi.areaCode",
      "pi.plannedStartsOn",
      "pi.plannedParticipants",
      "pi.ownOutcome",
      "pi.note",
    ])
    .where("pi.programmeId", "=", programmeId)
    .orderBy("pi.areaCode")
    .orderBy("pi.title")
    .execute();
  return rows.map((r) => [
    r.code,
    r.title,
    r.areaCode,
    r.plannedStartsOn,
    r.plannedParticipants,
    r.ownOutcome,
    r.note,
  ]);
}

const HEADERS = ["Nation", "Year", "Activity code", "Title", "Area", "Planned start", "Planned participants"];

describe("programme items import", () => {
  it("imports an XLSX of items (a catalogue activity and the nation's own) through addItem; a re-import changes nothing", async () => {
    const { id, year: y } = await programme("AZE");
    const file = await workbook([
      HEADERS,
      ["AZE", y, activityCode, "", "cyber_defence", `01.03.${y}`, 4],
      ["AZE", y, "", "Own staff course", "education_training", "", 12],
    ]);
    const preview = await send(admin, "preview", "items.xlsx", file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.counts).toEqual({ create: 2, update: 0, unchanged: 0, invalid: 0 });
    expect(await stored(id)).toEqual([]);

    const adds = await auditCount(t, "programme.item.add");
    const committed = await send(admin, "commit", "items.xlsx", file);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await stored(id)).toEqual([
      [activityCode, null, "cyber_defence", `${y}-03-01`, 4, null, null],
      [null, "Own staff course", "education_training", null, 12, null, null],
    ]);
    expect(await auditCount(t, "programme.item.add")).toBe(adds + 2);
    const audit = await t.db
      .selectFrom("auditEntry")
      .select("diff")
      .where("action", "=", "import.programme_items")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect((audit.diff as { detail: { created: string[] } }).detail.created).toHaveLength(2);

    const again = await send(admin, "commit", "items.xlsx", file);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const moreParticipants = `${HEADERS.join(";")}\nAZE;${y};;own staff course;education_training;;20\n`;
    const updated = await send(admin, "commit", "items.csv", moreParticipants);
    expect(updated.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect((await stored(id))[1]![4]).toBe(20);
  });

  it("one bad row: nothing in all-or-nothing mode, the good rows in valid-only mode, the bad row named by column", async () => {
    const { id, year: y } = await programme("AZE");
    const csv = [
      "Ölkə;İl;Fəaliyyət kodu;Ad;Sahə",
      `AZE;${y};;Good item;cyber_defence`,
      `AZE;${y};NO-SUCH-ACTIVITY;;cyber_defence`,
      `AZE;${y + 1};;No programme;cyber_defence`,
    ].join("\n");
    const preview = await send(admin, "preview", "items.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(
      preview.body.errors.map((e: { row: number; column: string; header: string }) => [
        e.row,
        e.column,
        e.header,
      ]),
    ).toEqual([
      [3, "activity", "Fəaliyyət kodu"],
      [4, "year", "İl"],
    ]);
    const refused = await send(admin, "commit", "items.csv", csv);
    expect(refused.status).toBe(422);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual([
      "file.rows.3.activity",
      "file.rows.4.year",
    ]);
    expect(await stored(id)).toEqual([]);

    const valid = await send(admin, "commit?mode=valid", "items.csv", csv);
    expect(valid.status, JSON.stringify(valid.body)).toBe(200);
    expect(valid.body).toMatchObject({ created: 1, skipped: 2 });
    expect((await stored(id)).map((item) => item[1])).toEqual(["Good item"]);
  });

  it("holds each row to the programme's scope: a coordinator of Azerbaijan is refused Georgia's programme", async () => {
    const ours = await programme("AZE");
    const theirs = await programme("GEO");
    const csv = `Nation,Year,Title,Area\nAZE,${ours.year},Ours,cyber_defence\nGEO,${theirs.year},Theirs,cyber_defence\n`;
    const preview = await send(azeCoordinator, "preview", "items.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([expect.objectContaining({ row: 3, column: expect.any(String) })]);
    expect(preview.body.counts).toMatchObject({ create: 1, invalid: 1 });
    const refused = await send(azeCoordinator, "commit", "items.csv", csv);
    expect(refused.status).toBe(422);
    expect(await stored(ours.id)).toEqual([]);
    expect(await stored(theirs.id)).toEqual([]);
  });

  it("stores a formula-like note as text, and the export neutralises it", async () => {
    const { id, year: y } = await programme("AZE");
    const csv = `Nation,Year,Title,Area,Note\nAZE,${y},Item,cyber_defence,"@SUM(1+1)*cmd"\n`;
    const committed = await send(admin, "commit", "items.csv", csv);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect((await stored(id))[0]![6]).toBe("@SUM(1+1)*cmd");
    const exported = await admin.get(`/api/exports/programme-items?programmeId=${id}`);
    expect(exported.status, exported.text).toBe(200);
    expect(exported.text).toContain(`'@SUM(1+1)*cmd`);
  });
});
