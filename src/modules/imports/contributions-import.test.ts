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

let year = 2100;
/** A fresh year per test, so the tests' contributions (unique by fund, nation, year, currency) never collide. */
const nextYear = () => ++year;

const send = (agent: Agent, step: string, filename: string, content: Buffer | string) =>
  upload(t, agent, `/api/imports/contributions/${step}`, filename, content);

async function stored(y: number) {
  const rows = await t.db
    .selectFrom("fundContribution as c")
    .innerJoin("nation as n", "n.id", "c.nationId")
    .select(["n.code", "c.currency", "c.note"])
    .select((eb) => [
      eb.cast<string>("c.pledged", "text").as("pledged"),
      eb.cast<string>("c.paid", "text").as("paid"),
    ])
    .where("c.year", "=", y)
    .orderBy("n.code")
    .orderBy("c.currency")
    .execute();
  return rows.map((r) => [r.code, r.currency, r.pledged, r.paid, r.note]);
}

describe("contributions import", () => {
  it("imports an XLSX of contributions through the module's service, and a re-import changes nothing", async () => {
    const y = nextYear();
    const file = await workbook([
      ["Trust fund", "Nation", "Year", "Currency", "Pledged", "Paid", "Note"],
      ["ANA-TF", "AZE", y, "USD", 250000, 100000, "first tranche"],
      ["ana-tf", "GEO", y, "eur", "1 500,50", "", ""],
    ]);
    const preview = await send(admin, "preview", "funds.xlsx", file);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.counts).toEqual({ create: 2, update: 0, unchanged: 0, invalid: 0 });
    expect(await stored(y)).toEqual([]);

    const creates = await auditCount(t, "contribution.create");
    const committed = await send(admin, "commit", "funds.xlsx", file);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(committed.body.fileId).toEqual(expect.any(String));
    expect(await stored(y)).toEqual([
      ["AZE", "USD", "250000.00", "100000.00", "first tranche"],
      ["GEO", "EUR", "1500.50", "0.00", null],
    ]);
    expect(await auditCount(t, "contribution.create")).toBe(creates + 2);

    const imports = await auditCount(t, "import.contributions");
    const again = await send(admin, "commit", "funds.xlsx", file);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await auditCount(t, "import.contributions")).toBe(imports);

    const paidMore = `Trust fund;Nation;Year;Currency;Pledged;Paid\nANA-TF;AZE;${y};USD;250000;200000\n`;
    const updated = await send(admin, "commit", "funds.csv", paidMore);
    expect(updated.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect((await stored(y))[0]).toEqual(["AZE", "USD", "250000.00", "200000.00", "first tranche"]);
  });

  it("one bad row: nothing in all-or-nothing mode, the good rows in valid-only mode, the bad row named by column", async () => {
    const y = nextYear();
    const csv = [
      "Etimad fondu,Ölkə,İl,Valyuta,Vəd edilib,Ödənilib",
      `ANA-TF,AZE,${y},USD,1000,0`,
      `ANA-TF,GEO,${y},USD,1000,5000`,
      `NO-FUND,ARM,${y},USD,1000,`,
    ].join("\n");
    const preview = await send(admin, "preview", "funds.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(
      preview.body.errors.map((e: { row: number; column: string; header: string }) => [
        e.row,
        e.column,
        e.header,
      ]),
    ).toEqual([
      [3, "paid", "Ödənilib"],
      [4, "trustFund", "Etimad fondu"],
    ]);
    const refused = await send(admin, "commit", "funds.csv", csv);
    expect(refused.status).toBe(422);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual([
      "file.rows.3.paid",
      "file.rows.4.trustFund",
    ]);
    expect(await stored(y)).toEqual([]);

    const valid = await send(admin, "commit?mode=valid", "funds.csv", csv);
    expect(valid.status, JSON.stringify(valid.body)).toBe(200);
    expect(valid.body).toMatchObject({ created: 1, skipped: 2 });
    expect(valid.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [3, "paid"],
      [4, "trustFund"],
    ]);
    expect(await stored(y)).toEqual([["AZE", "USD", "1000.00", "0.00", null]]);
  });

  it("holds each row to the owner-nation scope: a coordinator of Azerbaijan is refused Georgia's row", async () => {
    const y = nextYear();
    const csv = `Trust fund,Nation,Year,Currency,Pledged\nANA-TF,AZE,${y},USD,10\nANA-TF,GEO,${y},USD,20\n`;
    const preview = await send(azeCoordinator, "preview", "funds.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ row: 3, column: "nation", header: "Nation" }),
    ]);
    const refused = await send(azeCoordinator, "commit", "funds.csv", csv);
    expect(refused.status).toBe(422);
    expect(await stored(y)).toEqual([]);
    const participant = await t.signIn({ role: "participant" });
    const none = await send(participant, "preview", "funds.csv", csv);
    expect(none.status).toBe(403);
  });

  it("stores a formula-like note as text, and the export neutralises it", async () => {
    const y = nextYear();
    const csv = `Trust fund,Nation,Year,Currency,Pledged,Note\nANA-TF,AZE,${y},USD,10,"=HYPERLINK(""http://evil.example"")"\n`;
    const committed = await send(admin, "commit", "funds.csv", csv);
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect((await stored(y))[0]![4]).toBe('=HYPERLINK("http://evil.example")');
    const exported = await admin.get(`/api/exports/fund-contributions?year=${y}`);
    expect(exported.status, exported.text).toBe(200);
    expect(exported.text).toContain(`'=HYPERLINK`);
  });
});
