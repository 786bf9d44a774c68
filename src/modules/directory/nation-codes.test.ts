import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

/**
 * Issue 16, finding 4: a nation's code is an ISO 3166-1 alpha-3 code, current or formerly used (historical
 * records), or the nation carries the explicit, audited flag `nonIsoCode`.
 */
let t: TestApp;
let admin: Agent;
let auditor: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signIn({ role: "administrator" });
  auditor = await t.signIn({ role: "auditor" });
});
afterAll(() => t?.close());

const nation = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  nameEn: `Nation ${code}`,
  nameAz: code,
  nameRu: code,
  ...extra,
});

describe("nation codes", () => {
  it("refuses a code outside ISO 3166-1 without the flag, naming body.code", async () => {
    const refused = await admin.post("/api/nations", nation("XXX"));
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ field: "body.code" }] });
    expect((await t.anonymous.get("/api/nations?q=XXX")).body.total).toBe(0);
  });

  it("keeps the list of the standard: 249 current codes and the formerly used ones", async () => {
    const counts = await t.db
      .selectFrom("iso_3166")
      .select(["former", (eb) => eb.fn.countAll<string>().as("n")])
      .groupBy("former")
      .orderBy("former")
      .execute();
    expect(counts.map((row) => [row.former, Number(row.n)])).toEqual([
      [false, 249],
      [true, expect.any(Number)],
    ]);
  });

  it("accepts current and formerly used ISO codes without the flag", async () => {
    for (const code of ["AND", "ZWE", "YUG", "SUN", "CSK", "DDR", "SCG", "ZAR", "TMP", "ANT", "BUR"]) {
      const created = await admin.post("/api/nations", nation(code));
      expect(created.status, `${code}: ${created.text}`).toBe(201);
      expect(created.body).toMatchObject({ code, nonIsoCode: false });
    }
  });

  it("accepts a code outside the standard with the explicit flag, audited and shown", async () => {
    const created = await admin.post("/api/nations", nation("XKX", { nonIsoCode: true }));
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ code: "XKX", nonIsoCode: true });
    expect((await t.anonymous.get(`/api/nations/${created.body.id}`)).body.nonIsoCode).toBe(true);
    const audit = await auditor.get(`/api/audit?recordType=nation&recordId=${created.body.id}`);
    expect(audit.status, audit.text).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: "nation.create" });
    expect(JSON.stringify(audit.body.items[0])).toMatch(/"nonIsoCode":true|"non_iso_code":true/);
  });

  it("refuses the flag on an ISO code, and checks the code and the flag on every change", async () => {
    const flagged = await admin.post("/api/nations", nation("ALB", { nonIsoCode: true }));
    expect(flagged.status).toBe(400);
    expect(flagged.body.fields).toEqual([{ field: "body.nonIsoCode", message: expect.any(String) }]);

    const created = await admin.post("/api/nations", nation("MLT"));
    expect(created.status, created.text).toBe(201);
    const renamed = await admin.patch(`/api/nations/${created.body.id}`, { code: "XQZ" });
    expect(renamed.status).toBe(400);
    expect(renamed.body.fields).toEqual([{ field: "body.code", message: expect.any(String) }]);
    const withFlag = await admin.patch(`/api/nations/${created.body.id}`, { code: "XQZ", nonIsoCode: true });
    expect(withFlag.status, withFlag.text).toBe(200);
    expect(withFlag.body).toMatchObject({ code: "XQZ", nonIsoCode: true });
    const unflagged = await admin.patch(`/api/nations/${created.body.id}`, { nonIsoCode: false });
    expect(unflagged.status).toBe(400);
    const names = await admin.patch(`/api/nations/${created.body.id}`, { nameEn: "Still non-ISO" });
    expect(names.status, names.text).toBe(200);
    const audit = await auditor.get(
      `/api/audit?recordType=nation&recordId=${created.body.id}&action=nation.update`,
    );
    expect(audit.body.total).toBe(2);
  });
});
