import type { JobHelpers } from "graphile-worker";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedDirectory } from "../directory/directory.seed.js";
import { crontab, taskList } from "../notifications/worker.js";
import { reallocateDue } from "./allocations.service.js";

/**
 * Per-nation seat allocations (issue 22, item 1): a coordinator requests seats, the organiser grants them, a nation
 * never holds more than its allocation before the re-allocation date, seats granted and not held are reserved for
 * their nation, and the re-allocation returns them to the pool and offers them to the waiting list, once.
 */
let t: TestApp;
let organiser: Agent;
const coordinators = new Map<string, Agent>();
let serial = 0;

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
});
afterAll(() => t.close());

async function coordinatorOf(nation: string) {
  if (!coordinators.has(nation))
    coordinators.set(nation, await t.signIn({ role: "national_coordinator", nation }));
  return coordinators.get(nation)!;
}

/** A published activity with one event of the given capacity. */
async function newEvent(
  capacity: number,
  acceptance: "first_come" | "manual",
  extra: { nationQuota?: number; reallocationDate?: string } = {},
) {
  const code = `ALLOC-${Date.now() % 100000}-${++serial}`;
  const activity = await organiser.post("/api/activities", {
    code,
    titleEn: `Allocation test ${code}`,
    kind: "course",
    menuYear: 2027,
    organiserId: await t.organisationId("NATO-SCHOOL"),
    capacity,
    nationQuota: extra.nationQuota ?? null,
  });
  expect(activity.status, activity.text).toBe(201);
  const published = await organiser.post(`/api/activities/${activity.body.id}/status`, {
    status: "published",
  });
  expect(published.status, published.text).toBe(200);
  const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
    startsOn: "2027-09-06",
    endsOn: "2027-09-10",
    acceptance,
    ...(extra.reallocationDate ? { reallocationDate: extra.reallocationDate } : {}),
  });
  expect(event.status, event.text).toBe(201);
  return event.body.id as string;
}

async function newPerson(nation: string) {
  const nationId = await t.nationId(nation);
  return (
    await t.db
      .insertInto("person")
      .values({ givenName: "Alloc", familyName: `${nation}${++serial}`, nationId, ownerNationId: nationId })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** A nomination by the nation's coordinator; its status and reason as filed. */
async function nominate(eventId: string, nation: string, priority = 100) {
  const reply = await (await coordinatorOf(nation)).post(`/api/events/${eventId}/nominations`, {
    personId: await newPerson(nation),
    priority,
  });
  expect(reply.status, reply.text).toBe(201);
  return {
    id: reply.body.id as string,
    status: reply.body.status as string,
    reason: reply.body.statusReason,
  };
}

async function grant(eventId: string, nation: string, granted: number | null) {
  return organiser.post(`/api/events/${eventId}/seat-allocations/grant`, {
    nationId: await t.nationId(nation),
    granted,
  });
}

const offersOf = async (nominationId: string) =>
  (
    await t.db
      .selectFrom("seatOffer")
      .select("status")
      .where("nominationId", "=", nominationId)
      .orderBy("offeredAt")
      .execute()
  ).map((row) => row.status);

const auditCount = async (action: string, recordId: string) =>
  (
    await t.db
      .selectFrom("auditEntry")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("action", "=", action)
      .where("recordId", "=", recordId)
      .executeTakeFirstOrThrow()
  ).n;

describe("a nation's request and the organiser's grant", () => {
  it("records the request, shows a coordinator only its own nation and the organiser every nation", async () => {
    const eventId = await newEvent(6, "manual");
    const aze = await coordinatorOf("AZE");
    const requested = await aze.post(`/api/events/${eventId}/seat-allocations/request`, {
      nationId: await t.nationId("AZE"),
      requested: 3,
      note: "Three officers of the staff college",
    });
    expect(requested.status, requested.text).toBe(200);
    expect(requested.body.items).toMatchObject([
      { nation: { code: "AZE" }, requested: 3, granted: null, held: 0, limit: null },
    ]);
    const tur = await coordinatorOf("TUR");
    expect(
      (
        await tur.post(`/api/events/${eventId}/seat-allocations/request`, {
          nationId: await t.nationId("TUR"),
          requested: 2,
        })
      ).status,
    ).toBe(200);
    // Another nation's coordinator may not ask for AZE.
    const foreign = await tur.post(`/api/events/${eventId}/seat-allocations/request`, {
      nationId: await t.nationId("AZE"),
      requested: 5,
    });
    expect(foreign.status).toBe(403);
    const seenByAze = await aze.get(`/api/events/${eventId}/seat-allocations`);
    expect(seenByAze.status).toBe(200);
    expect(seenByAze.body.items.map((row: { nation: { code: string } }) => row.nation.code)).toEqual(["AZE"]);
    expect(seenByAze.body.totals).toMatchObject({ requested: 5, granted: 0 });
    expect(seenByAze.body.canGrant).toBe(false);
    const seenByOrganiser = await organiser.get(`/api/events/${eventId}/seat-allocations`);
    expect(seenByOrganiser.body.items.map((row: { nation: { code: string } }) => row.nation.code)).toEqual([
      "AZE",
      "TUR",
    ]);
    expect(seenByOrganiser.body.canGrant).toBe(true);
    expect(await auditCount("seat_allocation.request", `${eventId}:${await t.nationId("AZE")}`)).toBe(1);
  });

  it("grants within the capacity and refuses a grant beyond it, naming the field", async () => {
    const eventId = await newEvent(5, "manual");
    const granted = await grant(eventId, "AZE", 3);
    expect(granted.status, granted.text).toBe(200);
    expect(granted.body.items).toMatchObject([{ nation: { code: "AZE" }, granted: 3, limit: 3 }]);
    const over = await grant(eventId, "TUR", 3);
    expect(over.status).toBe(422);
    expect(over.body.fields).toEqual([expect.objectContaining({ field: "body.granted" })]);
    expect((await grant(eventId, "TUR", 2)).status).toBe(200);
    // Changing AZE's grant counts only the other nations.
    expect((await grant(eventId, "AZE", 4)).status).toBe(422);
    expect((await grant(eventId, "AZE", 2)).status).toBe(200);
    expect(await auditCount("seat_allocation.grant", `${eventId}:${await t.nationId("AZE")}`)).toBe(2);
    // A coordinator does not grant.
    const byCoordinator = await (await coordinatorOf("AZE")).post(
      `/api/events/${eventId}/seat-allocations/grant`,
      {
        nationId: await t.nationId("AZE"),
        granted: 4,
      },
    );
    expect(byCoordinator.status).toBe(403);
    // The capacity cannot go below the seats granted.
    const shrink = await organiser.patch(`/api/events/${eventId}`, { capacity: 3 });
    expect(shrink.status).toBe(409);
    expect(shrink.body.fields).toEqual([expect.objectContaining({ field: "body.capacity" })]);
    // The database holds the sum itself for any other writer.
    await expect(
      sql`update event_seat_allocation set granted = 5 where event_id = ${eventId}`.execute(t.db),
    ).rejects.toThrow(/exceed the capacity/);
  });
});

describe("seats under allocations", () => {
  it("waitlists a first-come nomination beyond its nation's allocation and keeps granted seats for their nation", async () => {
    const eventId = await newEvent(4, "first_come");
    expect((await grant(eventId, "AZE", 1)).status).toBe(200);
    expect((await grant(eventId, "TUR", 2)).status).toBe(200);
    expect(await nominate(eventId, "AZE")).toMatchObject({ status: "accepted" });
    expect(await nominate(eventId, "AZE")).toMatchObject({
      status: "waitlisted",
      reason: "The nation's allocation is used",
    });
    // One seat is neither granted nor held: a nation without an allocation takes it, then the rest is reserved.
    expect(await nominate(eventId, "GEO")).toMatchObject({ status: "accepted" });
    expect(await nominate(eventId, "GEO")).toMatchObject({
      status: "waitlisted",
      reason: "The free seats are allocated to other nations",
    });
    expect(await nominate(eventId, "TUR")).toMatchObject({ status: "accepted" });
    expect(await nominate(eventId, "TUR")).toMatchObject({ status: "accepted" });
    expect(await nominate(eventId, "TUR")).toMatchObject({
      status: "waitlisted",
      reason: "All seats are taken",
    });
    // The event's seat gauge shows each nation's limit: its allocation, else the single quota (none here).
    const gauge = await organiser.get(`/api/events/${eventId}`);
    const limits = Object.fromEntries(
      gauge.body.seats.byNation.map((row: { nation: { code: string }; quota: number | null }) => [
        row.nation.code,
        row.quota,
      ]),
    );
    expect(limits).toEqual({ AZE: 1, GEO: null, TUR: 2 });
  });

  it("refuses the organiser's acceptance beyond the allocation; a larger grant offers the seat", async () => {
    const eventId = await newEvent(3, "manual");
    expect((await grant(eventId, "AZE", 1)).status).toBe(200);
    const first = await nominate(eventId, "AZE");
    const second = await nominate(eventId, "AZE");
    expect(
      (await organiser.post(`/api/nominations/${first.id}/decision`, { decision: "accept" })).status,
    ).toBe(200);
    const refused = await organiser.post(`/api/nominations/${second.id}/decision`, { decision: "accept" });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain("allocation");
    expect(
      (await organiser.post(`/api/nominations/${second.id}/decision`, { decision: "waitlist" })).status,
    ).toBe(200);
    expect(await offersOf(second.id)).toEqual([]);
    // Raising the grant offers the waitlisted nomination its seat at once.
    const raised = await grant(eventId, "AZE", 2);
    expect(raised.status, raised.text).toBe(200);
    expect(await offersOf(second.id)).toEqual(["offered"]);
    // The grant cannot go below what the nation holds (the accepted seat and the open offer).
    const lowered = await grant(eventId, "AZE", 1);
    expect(lowered.status).toBe(409);
    expect(lowered.body.fields).toEqual([expect.objectContaining({ field: "body.granted" })]);
  });
});

describe("the re-allocation", () => {
  /** Capacity 3, AZE granted 2 and holding 1, GEO holding the last free seat and two more waiting. */
  async function reservedEvent() {
    const eventId = await newEvent(3, "first_come", { reallocationDate: "2026-01-15" });
    expect((await grant(eventId, "AZE", 2)).status).toBe(200);
    expect(await nominate(eventId, "AZE")).toMatchObject({ status: "accepted" });
    expect(await nominate(eventId, "GEO", 5)).toMatchObject({ status: "accepted" });
    const waiting = [await nominate(eventId, "GEO", 2), await nominate(eventId, "GEO", 1)];
    expect(waiting.map((n) => n.status)).toEqual(["waitlisted", "waitlisted"]);
    return { eventId, waiting };
  }

  it("returns the allocated seats not held to the pool and offers them to the waiting list, once", async () => {
    const { eventId, waiting } = await reservedEvent();
    // Before its date nothing happens.
    expect(await reallocateDue(t.db, t.config, new Date("2026-01-14T12:00:00Z"))).not.toContain(eventId);
    expect(await reallocateDue(t.db, t.config, new Date("2026-01-15T00:10:00Z"))).toContain(eventId);
    expect(await reallocateDue(t.db, t.config, new Date("2026-01-15T00:20:00Z"))).not.toContain(eventId);
    // Priority 1 first: the second waiting nomination gets the returned seat.
    expect(await offersOf(waiting[1]!.id)).toEqual(["offered"]);
    expect(await offersOf(waiting[0]!.id)).toEqual([]);
    const { rows: entries } = await sql<{
      detail: unknown;
    }>`select diff -> 'detail' as detail from audit_entry
      where action = 'event.reallocate' and record_id = ${eventId}`.execute(t.db);
    expect(entries).toEqual([{ detail: { reallocationDate: "2026-01-15", returnedSeats: 1, offers: 1 } }]);
    const list = await organiser.get(`/api/events/${eventId}/seat-allocations`);
    expect(list.body.reallocatedAt).not.toBeNull();
    expect(
      list.body.items.find((row: { nation: { code: string } }) => row.nation.code === "AZE").limit,
    ).toBeNull();
    // After the re-allocation the grants are settled.
    expect((await grant(eventId, "AZE", 1)).status).toBe(409);
  });

  it("runs once when two instances run the scheduled job at the same time", async () => {
    expect(crontab(t.config)).toContain("seats_reallocate");
    const events = [await reservedEvent(), await reservedEvent(), await reservedEvent()];
    const helpers = { addJob: async () => ({}) } as unknown as JobHelpers;
    const tasks = [0, 1].map((i) =>
      taskList({
        db: t.db,
        config: t.config,
        transport: { send: async () => {}, close: () => {} } as never,
        workerId: `instance-${i}`,
      }),
    );
    await Promise.all(tasks.map((task) => task.seats_reallocate!({}, helpers)));
    const ids = events.map((e) => e.eventId);
    const { rows } = await sql<{ audited: number; offers: number }>`
      select (select count(*)::int from audit_entry a where a.action = 'event.reallocate'
                and a.record_id = any(${ids}::text[])) as audited,
             (select count(*)::int from seat_offer o where o.event_id = any(${ids}::uuid[])) as offers`.execute(
      t.db,
    );
    expect(rows).toEqual([{ audited: 3, offers: 3 }]);
  });
});
