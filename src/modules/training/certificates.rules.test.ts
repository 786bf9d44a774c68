import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let eventId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  // The run with the most certificates, so that each status below has members.
  const run = await t.db
    .selectFrom("certificate")
    .select((eb) => ["eventId", eb.fn.countAll<number>().as("n")])
    .where("revokedAt", "is", null)
    .groupBy("eventId")
    .orderBy("n", "desc")
    .executeTakeFirstOrThrow();
  eventId = run.eventId!;
});
afterAll(() => t.close());

type Item = { id: string; status: string };
const ids = (items: Item[]) => items.map((item) => item.id).sort();

describe("the certificate list's status filter", () => {
  it("gives each status exactly the certificates that have it: valid excludes revoked and expired", async () => {
    const all = await admin.get(`/api/training/certificates?eventId=${eventId}&limit=100`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    expect(all.body.total).toBeLessThanOrEqual(100);
    const [revoked, expired] = all.body.items as Item[];
    const revoke = await admin.post(`/api/training/certificates/${revoked!.id}/revoke`, { reason: "Test" });
    expect(revoke.status, revoke.text).toBe(200);
    await sql`update certificate set valid_from = least(valid_from, current_date - 1), valid_until = current_date - 1
      where id = ${expired!.id}`.execute(t.db);

    const now = (await admin.get(`/api/training/certificates?eventId=${eventId}&limit=100`)).body
      .items as Item[];
    const byStatus = (status: string) => ids(now.filter((item) => item.status === status));
    expect(byStatus("revoked")).toContain(revoked!.id);
    expect(byStatus("expired")).toContain(expired!.id);
    expect(byStatus("valid").length).toBeGreaterThan(0);
    for (const status of ["valid", "expired", "revoked"]) {
      const filtered = await admin.get(
        `/api/training/certificates?eventId=${eventId}&status=${status}&limit=100`,
      );
      expect(ids(filtered.body.items), status).toEqual(byStatus(status));
      expect(filtered.body.total, status).toBe(byStatus(status).length);
    }
  });
});

type Certificate = { id: string; number: string; personNationId: string; nationCode: string };

describe("the certificate list's search and visibility", () => {
  const list = (agent: Agent, extra = "") =>
    agent.get(`/api/training/certificates?eventId=${eventId}&limit=100${extra}`);

  it("finds a certificate by its number with spaces around it, and takes % and _ literally", async () => {
    const all = (await list(admin)).body.items as Certificate[];
    const one = all[0]!;
    const found = await list(admin, `&q=${encodeURIComponent(`  ${one.number}  `)}`);
    expect(found.body.items.map((item: Certificate) => item.id)).toEqual([one.id]);
    // No number or holder name holds these characters: as wildcards they would match every certificate.
    expect((await list(admin, "&q=_")).body.total).toBe(0);
    expect((await list(admin, "&q=%25")).body.total).toBe(0);
  });

  it("shows a national coordinator the certificates of their nation's people, no others", async () => {
    const all = (await list(admin)).body.items as Certificate[];
    const code = all[0]!.nationCode;
    const own = all.filter((item) => item.nationCode === code).map((item) => item.id);
    expect(own.length).toBeLessThan(all.length);
    const coordinator = await t.signIn({ role: "national_coordinator", nation: code });
    const seen = await list(coordinator);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((item: Certificate) => item.id).sort()).toEqual(own.sort());
  });
});

type Entry = { certificateId: string; nationCode: string; validUntil: string | null };

describe("the certified registry", () => {
  const registry = (extra = "") =>
    admin.get(`/api/training/registry?qualification=CREVAL-EVALUATOR&validOn=2027-06-01${extra}`);
  const idsOf = (items: Entry[]) => items.map((item) => item.certificateId);

  it("pages in a stable order: 25 by default, the asked limit, and the offset", async () => {
    const all = await registry("&limit=100");
    expect(all.body.total).toBeGreaterThan(25);
    const everyone = all.body.items as Entry[];
    expect(everyone).toHaveLength(Math.min(all.body.total, 100));
    expect(idsOf((await registry()).body.items)).toEqual(idsOf(everyone.slice(0, 25)));
    expect(idsOf((await registry("&limit=10&offset=10")).body.items)).toEqual(idsOf(everyone.slice(10, 20)));
  });

  it("filters by nation and by expiry, and a coordinator's view is filtered on the people it may see", async () => {
    const everyone = (await registry("&limit=100")).body.items as Entry[];
    // One holder valid for longer, so that an expiry window holds some holders and not others.
    await sql`update certificate set valid_until = '2031-01-01' where id = ${everyone[0]!.certificateId}`.execute(
      t.db,
    );
    const now = (await registry("&limit=100")).body.items as Entry[];
    const code = now[0]!.nationCode;
    const nation = await t.db
      .selectFrom("nation")
      .select("id")
      .where("code", "=", code)
      .executeTakeFirstOrThrow();
    const ofNation = await registry(`&limit=100&nationId=${nation.id}`);
    expect(idsOf(ofNation.body.items).sort()).toEqual(
      idsOf(now.filter((item) => item.nationCode === code)).sort(),
    );
    expect(ofNation.body.total).toBeLessThan(now.length);

    const soon = await registry("&limit=100&expiringWithinDays=1000");
    const within = now.filter((item) => item.validUntil !== null && item.validUntil <= "2030-02-25");
    expect(idsOf(soon.body.items).sort()).toEqual(idsOf(within).sort());
    expect(within.length).toBeGreaterThan(0);
    expect(within.length).toBeLessThan(now.length);

    const coordinator = await t.signIn({ role: "national_coordinator", nation: code });
    const theirs = await coordinator.get(
      "/api/training/registry?qualification=CREVAL-EVALUATOR&validOn=2027-06-01&limit=100",
    );
    expect(theirs.status).toBe(200);
    expect(idsOf(theirs.body.items)).toEqual(
      expect.arrayContaining(idsOf(now.filter((item) => item.nationCode === code))),
    );
  });
});
