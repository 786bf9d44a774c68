import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

/** An auditor scoped to a nation or an organisation reads that scope's restricted records, not everyone's. */
let t: TestApp;
let globalAuditor: Agent;
let azeAuditor: Agent;
let geoAuditor: Agent;
let organisationAuditor: Agent;
let aze: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  aze = await t.nationId("AZE");
  globalAuditor = await t.signIn({ role: "auditor" });
  azeAuditor = await t.signIn({ role: "auditor", nation: "AZE" });
  geoAuditor = await t.signIn({ role: "auditor", nation: "GEO" });
  organisationAuditor = await t.signIn({ role: "auditor", organisation: "TUR-TGS" });
});
afterAll(() => t.close());

const ids = (reply: { body: { items: { id: string }[] } }) => reply.body.items.map((item) => item.id).sort();

describe("a scoped auditor", () => {
  for (const path of ["/api/annual-programmes", "/api/partnership-goals"]) {
    it(`reads the restricted ${path.slice(5)} of their own nation only`, async () => {
      const url = `${path}?nationId=${aze}&limit=100`;
      const everything = await globalAuditor.get(url);
      expect(everything.status).toBe(200);
      expect(everything.body.total).toBeGreaterThan(0);
      expect(everything.body.total).toBeLessThanOrEqual(100);
      const restricted = await t.db
        .selectFrom(path === "/api/annual-programmes" ? "annualProgramme" : "partnershipGoal")
        .select("id")
        .where("releasability", "=", "restricted")
        .where("id", "in", ids(everything))
        .execute();
      expect(restricted.length).toBeGreaterThan(0);
      const hidden = new Set(restricted.map((row) => row.id));

      expect(ids(await azeAuditor.get(url))).toEqual(ids(everything));
      for (const outsider of [geoAuditor, organisationAuditor]) {
        const seen = await outsider.get(url);
        expect(seen.status).toBe(200);
        expect(ids(seen)).toEqual(ids(everything).filter((id) => !hidden.has(id)));
        expect((await outsider.get(`${path}/${[...hidden][0]}`)).status).toBe(404);
      }
    });
  }
});
