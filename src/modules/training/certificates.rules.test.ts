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
