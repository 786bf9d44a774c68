import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCount, upload, workbook } from "../../../test/support/import-upload.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
});
afterAll(() => t.close());

let unique = 0;
/** A fresh code prefix per test, so the tests' goals never collide. */
const tag = () => `PG${++unique}${Date.now().toString(36).toUpperCase()}`;

const send = (agent: Agent, step: string, filename: string, content: Buffer | string) =>
  upload(t, agent, `/api/imports/goals/${step}`, filename, content);

async function stored(prefix: string) {
  const rows = await t.db
    .selectFrom("partnershipGoal as g")
    .innerJoin("nation as n", "n.id", "g.nationId")
    .select(["n.code as nation", "g.code", "g.title", "g.areaCode", "g.status", "g.agreedYear", "g.targetOn"])
    .where("g.code", "like", `${prefix}%`)
    .orderBy("g.code")
    .execute();
  return rows.map((r) => [r.nation, r.code, r.title, r.areaCode, r.status, r.agreedYear, r.targetOn]);
}

const HEADERS = ["Nation", "Code", "Title", "Area", "Status", "Agreed in", "Target date"];

describe("partnership goals import", () => {
  it("imports an XLSX of goals through createGoal, a re-import changes nothing, a new status updates", async () => {
    const p = tag();
    const file = await workbook([
      HEADERS,
      ["AZE", `${p}-1`, "Cyber incident response team", "cyber_defence", "agreed", 2026, "31.12.2028"],
      ["aze", `${p.toLowerCase()}-2`, "Crisis cell", "crisis_management", "", "", ""],
    ]);
    const preview = await send(admin, "preview", "goals.xlsx", file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.counts).toEqual({ create: 2, update: 0, unchanged: 0, invalid: 0 });
    expect(await stored(p)).toEqual([]);

    const creates = await auditCount(t, "goal.create");
    const committed = await send(admin, "commit", "goals.xlsx", file);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await stored(p)).toEqual([
      ["AZE", `${p}-1`, "Cyber incident response team", "cyber_defence", "agreed", 2026, "2028-12-31"],
      ["AZE", `${p}-2`, "Crisis cell", "crisis_management", "proposed", null, null],
    ]);
    expect(await auditCount(t, "goal.create")).toBe(creates + 2);

    const again = await send(admin, "commit", "goals.xlsx", file);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });

    const progressed = `${HEADERS.join(";")}\nAZE;${p}-1;Cyber incident response team;cyber_defence;in progress;2026;2028-12-31\n`;
    const updated = await send(admin, "commit", "goals.csv", progressed);
    expect(updated.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect((await stored(p))[0]![4]).toBe("in_progress");
  });

  it("one bad row: nothing in all-or-nothing mode, the good rows in valid-only mode, the bad row named by column", async () => {
    const p = tag();
    const csv = [
      "Ölkə;Kod;Ad;Sahə;Razılaşdırılıb",
      `AZE;${p}-OK;Good goal;cyber_defence;2026`,
      `AZE;${p}-ODD;Odd year;cyber_defence;2027`,
      `AZE;${p}-AREA;Unknown area;moon_landing;`,
    ].join("\n");
    const preview = await send(admin, "preview", "goals.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(
      preview.body.errors.map((e: { row: number; column: string; header: string }) => [
        e.row,
        e.column,
        e.header,
      ]),
    ).toEqual([
      [3, "agreedYear", "Razılaşdırılıb"],
      [4, "area", "Sahə"],
    ]);
    expect(preview.body.errors[0].message).toContain("even");
    const refused = await send(admin, "commit", "goals.csv", csv);
    expect(refused.status).toBe(422);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual([
      "file.rows.3.agreedYear",
      "file.rows.4.area",
    ]);
    expect(await stored(p)).toEqual([]);

    const valid = await send(admin, "commit?mode=valid", "goals.csv", csv);
    expect(valid.status, JSON.stringify(valid.body)).toBe(200);
    expect(valid.body).toMatchObject({ created: 1, skipped: 2 });
    expect((await stored(p)).map((g) => g[1])).toEqual([`${p}-OK`]);
  });

  it("holds each row to the nation's scope: a coordinator of Azerbaijan is refused Georgia's goal", async () => {
    const p = tag();
    const csv = `Nation,Code,Title,Area\nAZE,${p}-A,Ours,cyber_defence\nGEO,${p}-G,Theirs,cyber_defence\n`;
    const preview = await send(azeCoordinator, "preview", "goals.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ row: 3, column: "nation", header: "Nation" }),
    ]);
    expect(preview.body.counts).toMatchObject({ create: 1, invalid: 1 });
    const refused = await send(azeCoordinator, "commit", "goals.csv", csv);
    expect(refused.status).toBe(422);
    expect(await stored(p)).toEqual([]);
  });

  it("stores a formula-like title as text, and the export neutralises it", async () => {
    const p = tag();
    const csv = `Nation,Code,Title,Area\nAZE,${p}-F,"=HYPERLINK(""http://evil.example"")",cyber_defence\n`;
    const committed = await send(admin, "commit", "goals.csv", csv);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect((await stored(p))[0]![2]).toBe('=HYPERLINK("http://evil.example")');
    const nationId = await t.nationId("AZE");
    const exported = await admin.get(`/api/exports/partnership-goals?nationId=${nationId}`);
    expect(exported.status, exported.text).toBe(200);
    expect(exported.text).toContain(`'=HYPERLINK`);
  });
});
