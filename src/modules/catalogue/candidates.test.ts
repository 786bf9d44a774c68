import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

/** The nomination form's people: who may be nominated, who is nominated already, who holds the qualification. */
let t: TestApp;
let eventId: string;

interface CandidateBody {
  id: string;
  nation: { code: string };
  nomination: { status: string } | null;
  certified: boolean;
  certifiedUntil: string | null;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  const event = await t.db
    .selectFrom("event as e")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .select("e.id")
    .where("a.code", "=", "CREVAL-2027")
    .executeTakeFirstOrThrow();
  eventId = event.id;
});
afterAll(() => t.close());

const personOf = (id: string) =>
  t.db
    .selectFrom("person as p")
    .innerJoin("nation as n", "n.id", "p.nationId")
    .select(["p.id", "p.familyName", "p.givenName", "n.code as nationCode"])
    .where("p.id", "=", id)
    .executeTakeFirstOrThrow();

describe("GET /api/events/:id/candidates", () => {
  it("marks a person already nominated for the event with the nomination's status", async () => {
    const nomination = await t.db
      .selectFrom("nomination")
      .select(["personId", "status"])
      .where("eventId", "=", eventId)
      .executeTakeFirstOrThrow();
    const person = await personOf(nomination.personId);
    const coordinator = await t.signIn({ role: "national_coordinator", nation: person.nationCode });
    const reply = await coordinator.get(
      `/api/events/${eventId}/candidates?q=${encodeURIComponent(person.familyName)}&limit=100`,
    );
    expect(reply.status).toBe(200);
    const items = reply.body.items as CandidateBody[];
    const found = items.find((item) => item.id === person.id);
    expect(found?.nomination).toMatchObject({ status: nomination.status });
    // Only people of the coordinator's own nation are offered.
    expect(new Set(items.map((item) => item.nation.code))).toEqual(new Set([person.nationCode]));
    // Nominating them again is refused.
    const again = await coordinator.post(`/api/events/${eventId}/nominations`, { personId: person.id });
    expect(again.status).toBe(409);
  });

  it("marks a holder of a live certificate of the course's qualification as certified", async () => {
    const certificate = await t.db
      .selectFrom("certificate")
      .select(["personId", "validUntil"])
      .where("qualificationCode", "=", "CREVAL-EVALUATOR")
      .where("revokedAt", "is", null)
      .where((eb) =>
        eb.or([eb("validUntil", "is", null), eb("validUntil", ">=", new Date().toISOString().slice(0, 10))]),
      )
      .executeTakeFirstOrThrow();
    const person = await personOf(certificate.personId);
    const coordinator = await t.signIn({ role: "national_coordinator", nation: person.nationCode });
    const reply = await coordinator.get(
      `/api/events/${eventId}/candidates?q=${encodeURIComponent(person.familyName)}&limit=100`,
    );
    expect(reply.status).toBe(200);
    const items = reply.body.items as CandidateBody[];
    const holder = items.find((item) => item.id === person.id);
    expect(holder).toMatchObject({ certified: true });
    const others = items.filter((item) => item.id !== person.id && !item.certified);
    expect(others.every((item) => item.certifiedUntil === null)).toBe(true);

    // A revoked certificate no longer counts.
    await t.db
      .updateTable("certificate")
      .set({ revokedAt: new Date().toISOString(), revokedReason: "test" })
      .where("personId", "=", person.id)
      .where("qualificationCode", "=", "CREVAL-EVALUATOR")
      .execute();
    const after = await coordinator.get(
      `/api/events/${eventId}/candidates?q=${encodeURIComponent(person.familyName)}&limit=100`,
    );
    expect((after.body.items as CandidateBody[]).find((item) => item.id === person.id)).toMatchObject({
      certified: false,
      certifiedUntil: null,
    });
  });

  it("is for those who nominate: a participant is refused, a coordinator sees no other nation's people", async () => {
    const participant = await t.signIn({ role: "participant", personNation: "AZE" });
    expect((await participant.get(`/api/events/${eventId}/candidates`)).status).toBe(403);
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const reply = await coordinator.get(`/api/events/${eventId}/candidates?limit=100`);
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBeGreaterThan(0);
    expect((reply.body.items as CandidateBody[]).filter((item) => item.nation.code !== "AZE")).toEqual([]);
    const admin = await t.signIn({ role: "administrator" });
    const all = await admin.get(`/api/events/${eventId}/candidates?limit=1`);
    expect(all.body.total).toBeGreaterThan(reply.body.total);
  });
});
