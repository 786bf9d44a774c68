import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
});
afterAll(() => t.close());

const codes = (reply: { body: { items: { code: string }[] } }) => reply.body.items.map((item) => item.code);

describe("searching nations and organisations on the server (the parties picker)", () => {
  it("finds an organisation by part of its code or name, paged, and keeps short terms to prefixes", async () => {
    for (const [code, name] of [
      ["QX-SEARCH-1", "Alpha signals centre"],
      ["QX-SEARCH-2", "Beta signals centre"],
      ["QX-SEARCH-3", "Gamma depot"],
    ]) {
      const created = await admin.post("/api/organisations", { code, nameEn: name, kind: "ministry" });
      expect(created.status).toBe(201);
    }
    const infix = await t.anonymous.get("/api/organisations?q=SEARCH-2");
    expect(infix.status).toBe(200);
    expect(codes(infix)).toEqual(["QX-SEARCH-2"]);

    const byName = await t.anonymous.get("/api/organisations?q=signals&sort=code&limit=1");
    expect(byName.body.total).toBe(2);
    expect(codes(byName)).toEqual(["QX-SEARCH-1"]);
    const second = await t.anonymous.get("/api/organisations?q=signals&sort=code&limit=1&offset=1");
    expect(codes(second)).toEqual(["QX-SEARCH-2"]);

    // Two letters match the start of a code or name only: "EA" is inside "Beta" and "ZZ-SEARCH", not at a start.
    const short = await t.anonymous.get("/api/organisations?q=EA&limit=100");
    expect(codes(short).filter((code) => code.startsWith("QX-SEARCH"))).toEqual([]);
    const nation = await t.anonymous.get("/api/nations?q=baijan");
    expect(codes(nation)).toContain("AZE");
  });

  it("refuses a search term longer than 200 characters, naming the field", async () => {
    const reply = await t.anonymous.get(`/api/organisations?q=${"x".repeat(201)}`);
    expect(reply.status).toBe(400);
    expect(reply.body.fields?.[0]?.field ?? JSON.stringify(reply.body)).toContain("query.q");
  });
});

describe("a person's page lists what each list route shows the viewer", () => {
  it("shows another nation's participant none of a person's restricted nominations, certificates and teams", async () => {
    // A seeded evaluator: on the team of a restricted evaluation and holding certificates.
    const member = await t.db
      .selectFrom("evaluationTeamMember as tm")
      .innerJoin("evaluation as e", "e.id", "tm.evaluationId")
      .innerJoin("person as p", "p.id", "tm.personId")
      .where("e.releasability", "=", "restricted")
      .where(sql<boolean>`exists (select 1 from certificate c where c.person_id = tm.person_id)`)
      .select(["tm.personId", "p.nationId", "e.ownerNationId", "e.releaseNations"])
      .executeTakeFirstOrThrow();
    const certificates = await t.db
      .selectFrom("certificate")
      .where("personId", "=", member.personId)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(certificates.n)).toBeGreaterThan(0);

    const candidates = await Promise.all(["GEO", "ARM", "MDA", "UKR"].map((code) => t.nationId(code)));
    const excluded = [member.nationId, member.ownerNationId, ...(member.releaseNations ?? [])];
    const other = candidates.find((id) => !excluded.includes(id));
    expect(other).toBeDefined();
    const otherCode = ["GEO", "ARM", "MDA", "UKR"][candidates.indexOf(other!)];
    const outsider = await t.signIn({ role: "participant", personNation: otherCode });

    // The person is internal: the outsider opens the page…
    expect((await outsider.get(`/api/people/${member.personId}`)).status).toBe(200);
    // …and its lists stay empty for them.
    const lists = [
      `/api/nominations?personId=${member.personId}`,
      `/api/training/certificates?personId=${member.personId}`,
      `/api/readiness/evaluations?personId=${member.personId}`,
    ];
    const seen = await Promise.all(lists.map((url) => outsider.get(url)));
    expect(seen.map((reply) => [reply.status, reply.body.total])).toEqual([
      [200, 0],
      [200, 0],
      [200, 0],
    ]);

    // An administrator sees them, paged.
    const all = await admin.get(`/api/training/certificates?personId=${member.personId}&limit=1`);
    expect(all.body.total).toBe(Number(certificates.n));
    expect(all.body.items).toHaveLength(1);
    expect(all.body.items[0].personId).toBe(member.personId);
    const teams = await admin.get(`/api/readiness/evaluations?personId=${member.personId}`);
    expect(teams.body.total).toBeGreaterThan(0);
    const teamMembers = await t.db
      .selectFrom("evaluationTeamMember")
      .where("personId", "=", member.personId)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(teams.body.total).toBe(Number(teamMembers.n));
  });

  it("counts a nation's people for the nation page without the restricted ones of another nation", async () => {
    const aze = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const geo = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    const nationId = await t.nationId("AZE");
    const before = await Promise.all(
      [aze, geo].map((agent) => agent.get(`/api/people?nationId=${nationId}&limit=1`)),
    );
    const created = await aze.post("/api/people", {
      givenName: "Counted",
      familyName: "Restrictedperson",
      nationId,
      releasability: "restricted",
    });
    expect(created.status).toBe(201);
    const after = await Promise.all(
      [aze, geo].map((agent) => agent.get(`/api/people?nationId=${nationId}&limit=1`)),
    );
    expect(after.map((reply, i) => reply.body.total - before[i]!.body.total)).toEqual([1, 0]);
  });
});
