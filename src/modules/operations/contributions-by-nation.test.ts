import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let aze: string;
let geo: string;

interface Row {
  nation: { code: string };
  year: number;
  currency: string;
  pledged: string;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  aze = await t.nationId("AZE");
  geo = await t.nationId("GEO");
  const fund = (await admin.get("/api/trust-funds")).body.items[0];
  const created = await admin.post("/api/fund-contributions", {
    trustFundId: fund.id,
    nationId: geo,
    year: 2017,
    currency: "EUR",
    pledged: "250000.00",
    releasability: "restricted",
    releaseNationIds: [geo],
  });
  expect(created.status).toBe(201);
});
afterAll(() => t.close());

const listOf = (agent: Agent, nationId: string) =>
  agent.get<{ total: number; items: Row[] }>(`/api/fund-contributions?nationId=${nationId}&limit=100`);
const totalsOf = (agent: Agent, nationId: string) =>
  agent.get<{ totals: { year: number; currency: string; pledged: string }[] }>(
    `/api/fund-contributions/totals?nationId=${nationId}`,
  );

describe("contributions filtered by nation", () => {
  it("lists and totals one nation's contributions only", async () => {
    const azeList = await listOf(admin, aze);
    expect(azeList.body.total).toBe(2);
    expect(azeList.body.items.map((row) => [row.nation.code, row.year])).toEqual([
      ["AZE", 2016],
      ["AZE", 2015],
    ]);
    const geoList = await listOf(admin, geo);
    expect(geoList.body.items.map((row) => [row.nation.code, row.year, row.currency])).toEqual([
      ["GEO", 2017, "EUR"],
    ]);
    expect((await totalsOf(admin, aze)).body.totals.map((row) => [row.year, row.currency])).toEqual([
      [2015, "USD"],
      [2016, "USD"],
    ]);
    expect((await totalsOf(admin, geo)).body.totals).toEqual([
      { year: 2017, currency: "EUR", pledged: "250000.00", paid: "0.00" },
    ]);
  });

  it("leaves out, in the count and the totals too, another nation's contributions the viewer may not see", async () => {
    expect((await listOf(azeCoordinator, aze)).body.total).toBe(2);
    expect((await listOf(azeCoordinator, geo)).body).toMatchObject({ total: 0, items: [] });
    expect((await totalsOf(azeCoordinator, geo)).body.totals).toEqual([]);
  });
});
