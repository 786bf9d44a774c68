import type { JobHelpers } from "graphile-worker";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedDirectory } from "../directory/directory.seed.js";
import { crontab, taskList } from "../notifications/worker.js";
import { expireDueOffers } from "./offers.service.js";

/**
 * Seat offers (issue 22, item 2): a freed seat is offered to the next waitlisted nomination, held while the offer
 * is open, and taken by an accept; a decline or an expiry moves it on. Participants leave the waiting list
 * themselves; a change of priority needs a reason.
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

/** A published activity with one event decided by the organiser. */
async function manualEvent(capacity: number | null, nationQuota: number | null) {
  const code = `OFFER-${Date.now() % 100000}-${++serial}`;
  const activity = await organiser.post("/api/activities", {
    code,
    titleEn: `Offer test ${code}`,
    kind: "course",
    menuYear: 2027,
    organiserId: await t.organisationId("NATO-SCHOOL"),
    capacity,
    nationQuota,
  });
  expect(activity.status, activity.text).toBe(201);
  const published = await organiser.post(`/api/activities/${activity.body.id}/status`, {
    status: "published",
  });
  expect(published.status, published.text).toBe(200);
  const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
    startsOn: "2027-09-06",
    endsOn: "2027-09-10",
    acceptance: "manual",
  });
  expect(event.status, event.text).toBe(201);
  return event.body.id as string;
}

async function newPerson(nation: string) {
  const nationId = await t.nationId(nation);
  return (
    await t.db
      .insertInto("person")
      .values({ givenName: "Offer", familyName: `${nation}${++serial}`, nationId, ownerNationId: nationId })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** Nominates a person (a new one unless given) and decides: accepted or waitlisted. */
async function nominate(
  eventId: string,
  nation: string,
  decision: "accept" | "waitlist",
  priority = 100,
  personId?: string,
) {
  const reply = await (await coordinatorOf(nation)).post(`/api/events/${eventId}/nominations`, {
    personId: personId ?? (await newPerson(nation)),
    priority,
  });
  expect(reply.status, reply.text).toBe(201);
  const decided = await organiser.post(`/api/nominations/${reply.body.id}/decision`, { decision });
  expect(decided.status, decided.text).toBe(200);
  return reply.body.id as string;
}

const withdraw = async (id: string, nation: string) => {
  const reply = await (await coordinatorOf(nation)).post(`/api/nominations/${id}/withdraw`, {
    reason: "Ill",
  });
  expect(reply.status, reply.text).toBe(200);
};

const statusOf = async (id: string) =>
  (await t.db.selectFrom("nomination").select("status").where("id", "=", id).executeTakeFirstOrThrow())
    .status;

const offersOf = (nominationId: string) =>
  t.db
    .selectFrom("seatOffer")
    .select(["id", "status"])
    .where("nominationId", "=", nominationId)
    .orderBy("offeredAt")
    .execute();

const openOffer = async (nominationId: string) =>
  (await offersOf(nominationId)).find((offer) => offer.status === "offered");

const auditActions = async (recordType: string, recordId: string) =>
  (
    await t.db
      .selectFrom("auditEntry")
      .select("action")
      .where("recordType", "=", recordType)
      .where("recordId", "=", recordId)
      .orderBy("seq")
      .execute()
  ).map((row) => row.action);

/** Moves every open offer of the event into the past, as if its time had run out. */
const backdate = (eventId: string) =>
  sql`update seat_offer set offered_at = now() - interval '80 hours', expires_at = now() - interval '1 minute'
      where event_id = ${eventId} and status = 'offered'`.execute(t.db);

/** Seats held (accepted and open offers) in all and by nation. */
async function held(eventId: string) {
  const { rows } = await sql<{ nationCode: string; n: number }>`
    select x.code as nation_code, count(*)::int as n from (
      select n.nation_id from nomination n where n.event_id = ${eventId} and n.status = 'accepted'
      union all
      select n.nation_id from seat_offer o join nomination n on n.id = o.nomination_id
        where o.event_id = ${eventId} and o.status = 'offered') s join nation x on x.id = s.nation_id
    group by x.code`.execute(t.db);
  return {
    total: rows.reduce((sum, row) => sum + row.n, 0),
    max: Math.max(0, ...rows.map((row) => row.n)),
  };
}

describe("a freed seat", () => {
  it("is offered to the first waiting nomination, held by the offer, and announced", async () => {
    const eventId = await manualEvent(1, null);
    const holder = await nominate(eventId, "AZE", "accept");
    const first = await nominate(eventId, "TUR", "waitlist", 1);
    const second = await nominate(eventId, "GEO", "waitlist", 2);
    await withdraw(holder, "AZE");
    // Not promoted silently: the nomination waits for its answer, holding the seat.
    expect(await statusOf(first)).toBe("waitlisted");
    expect((await offersOf(first)).map((o) => o.status)).toEqual(["offered"]);
    expect(await offersOf(second)).toEqual([]);
    const offer = (await openOffer(first))!;
    const row = await t.db
      .selectFrom("seatOffer")
      .select(sql<number>`extract(epoch from expires_at - offered_at)::int`.as("seconds"))
      .where("id", "=", offer.id)
      .executeTakeFirstOrThrow();
    expect(row.seconds).toBe(72 * 3600);
    expect(await auditActions("seat_offer", offer.id)).toEqual(["seat_offer.offer"]);
    const notices = await t.db
      .selectFrom("notification")
      .select("userId")
      .where("recordId", "=", first)
      .where("kind", "=", "nomination.offered")
      .execute();
    expect(notices.map((n) => n.userId).sort()).toEqual(
      [(await coordinatorOf("TUR")).userId, organiser.userId].sort(),
    );
    // The held seat counts: the organiser cannot give it to the second nomination over the offer.
    const refused = await organiser.post(`/api/nominations/${second}/decision`, { decision: "accept" });
    expect(refused.status).toBe(409);
    // The event's offers, as the organiser sees them.
    const listed = await organiser.get(`/api/events/${eventId}/seat-offers`);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items).toMatchObject([{ id: offer.id, status: "offered", canAnswer: true }]);
    // The gauge counts the held seat: none is free.
    const gauge = await organiser.get(`/api/events/${eventId}`);
    expect(gauge.body.seats).toMatchObject({ accepted: 0, offered: 1, free: 0 });
  });

  it("is offered when the activity's capacity, which the event takes, is raised", async () => {
    const eventId = await manualEvent(1, null);
    await nominate(eventId, "AZE", "accept");
    const waiting = await nominate(eventId, "TUR", "waitlist", 1);
    const { activityId } = await t.db
      .selectFrom("event")
      .select("activityId")
      .where("id", "=", eventId)
      .executeTakeFirstOrThrow();
    const raised = await organiser.patch(`/api/activities/${activityId}`, { capacity: 2 });
    expect(raised.status, raised.text).toBe(200);
    const offer = await openOffer(waiting);
    expect(offer).toBeDefined();
    expect(await auditActions("seat_offer", offer!.id)).toEqual(["seat_offer.offer"]);
    expect((await organiser.get(`/api/events/${eventId}`)).body.seats).toMatchObject({
      accepted: 1,
      offered: 1,
      free: 0,
    });
  });

  it("is taken by the participant's accept", async () => {
    const eventId = await manualEvent(1, null);
    const participant = await t.signIn({ role: "participant", personNation: "AZE" });
    const person = await t.db
      .selectFrom("appUser")
      .select("personId")
      .where("id", "=", participant.userId!)
      .executeTakeFirstOrThrow();
    const holder = await nominate(eventId, "TUR", "accept");
    const mine = await nominate(eventId, "AZE", "waitlist", 1, person.personId!);
    await withdraw(holder, "TUR");
    const offers = await participant.get("/api/seat-offers/mine");
    expect(offers.status, offers.text).toBe(200);
    expect(offers.body.items).toMatchObject([{ nominationId: mine, status: "offered", canAnswer: true }]);
    // Another nation's coordinator may not answer it (nor see it).
    const other = await (await coordinatorOf("GEO")).post(
      `/api/seat-offers/${offers.body.items[0].id}/accept`,
    );
    expect(other.status).toBe(404);
    const accepted = await participant.post(`/api/seat-offers/${offers.body.items[0].id}/accept`);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({
      status: "accepted",
      nominationStatus: "accepted",
      canAnswer: false,
    });
    expect(await statusOf(mine)).toBe("accepted");
    expect(await auditActions("nomination", mine)).toContain("nomination.accept");
    const again = await participant.post(`/api/seat-offers/${offers.body.items[0].id}/accept`);
    expect(again.status).toBe(409);
  });

  it("is not taken by an accept of a person already committed over the dates; the organiser may override", async () => {
    const busy = await newPerson("TUR");
    await nominate(await manualEvent(5, null), "TUR", "accept", 100, busy);
    const eventId = await manualEvent(1, null);
    const holder = await nominate(eventId, "AZE", "accept");
    const waiting = await nominate(eventId, "TUR", "waitlist", 1, busy);
    await withdraw(holder, "AZE");
    const offer = (await openOffer(waiting))!;
    const refused = await (await coordinatorOf("TUR")).post(`/api/seat-offers/${offer.id}/accept`);
    expect([refused.status, refused.body.code]).toEqual([409, "DOUBLE_BOOKING"]);
    expect(await statusOf(waiting)).toBe("waitlisted");
    const overridden = await organiser.post(`/api/nominations/${waiting}/decision`, {
      decision: "accept",
      override: true,
      overrideReason: "Only the first day overlaps",
    });
    expect(overridden.status, overridden.text).toBe(200);
    expect((await offersOf(waiting)).map((o) => o.status)).toEqual(["accepted"]);
  });

  it("moves on when the offer is declined: the nomination is withdrawn, the next one is offered the seat", async () => {
    const eventId = await manualEvent(1, null);
    const holder = await nominate(eventId, "AZE", "accept");
    const first = await nominate(eventId, "TUR", "waitlist", 1);
    const second = await nominate(eventId, "GEO", "waitlist", 2);
    await withdraw(holder, "AZE");
    const offer = (await openOffer(first))!;
    const declined = await (await coordinatorOf("TUR")).post(`/api/seat-offers/${offer.id}/decline`, {
      reason: "Posted abroad",
    });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body).toMatchObject({ status: "declined", reason: "Posted abroad" });
    expect(await statusOf(first)).toBe("withdrawn");
    expect((await offersOf(second)).map((o) => o.status)).toEqual(["offered"]);
    expect(await auditActions("seat_offer", offer.id)).toEqual(["seat_offer.offer", "seat_offer.decline"]);
  });

  it("moves on when the offer expires; the expired nomination stays waitlisted and is passed over", async () => {
    const eventId = await manualEvent(1, null);
    const holder = await nominate(eventId, "AZE", "accept");
    const first = await nominate(eventId, "TUR", "waitlist", 1);
    const second = await nominate(eventId, "GEO", "waitlist", 2);
    await withdraw(holder, "AZE");
    const offer = (await openOffer(first))!;
    // Not yet due: nothing happens.
    expect(await expireDueOffers(t.db, t.config)).toBe(0);
    await backdate(eventId);
    // A late answer is refused before the job has run.
    const late = await (await coordinatorOf("TUR")).post(`/api/seat-offers/${offer.id}/accept`);
    expect(late.status).toBe(409);
    expect(await expireDueOffers(t.db, t.config)).toBe(1);
    expect(await expireDueOffers(t.db, t.config)).toBe(0);
    expect((await offersOf(first)).map((o) => o.status)).toEqual(["expired"]);
    expect(await statusOf(first)).toBe("waitlisted");
    expect((await offersOf(second)).map((o) => o.status)).toEqual(["offered"]);
    expect(await held(eventId)).toEqual({ total: 1, max: 1 });
  });

  it("expires each offer once when two instances run the scheduled job at the same time", async () => {
    expect(crontab(t.config)).toContain("* * * * * seat_offers_expire");
    const events = [await manualEvent(2, null), await manualEvent(2, null), await manualEvent(2, null)];
    for (const eventId of events) {
      const holders = [await nominate(eventId, "AZE", "accept"), await nominate(eventId, "TUR", "accept")];
      for (const nation of ["GEO", "USA", "GEO", "USA"]) await nominate(eventId, nation, "waitlist");
      await withdraw(holders[0]!, "AZE");
      await withdraw(holders[1]!, "TUR");
      await backdate(eventId);
    }
    const helpers = { addJob: async () => ({}) } as unknown as JobHelpers;
    const tasks = [0, 1].map((i) =>
      taskList({
        db: t.db,
        config: t.config,
        transport: { send: async () => {}, close: () => {} } as never,
        workerId: `instance-${i}`,
      }),
    );
    await Promise.all(tasks.map((task) => task.seat_offers_expire!({}, helpers)));
    const { rows } = await sql<{ status: string; n: number; audited: number }>`
      select o.status, count(*)::int as n,
        sum((select count(*) from audit_entry a where a.record_type = 'seat_offer' and a.record_id = o.id::text
                and a.action = 'seat_offer.expire'))::int as audited
      from seat_offer o where o.event_id = any(${events}::uuid[]) group by o.status order by o.status`.execute(
      t.db,
    );
    // Six offers expired, each audited once; six new offers made to the rest of the waitlists.
    expect(rows).toEqual([
      { status: "expired", n: 6, audited: 6 },
      { status: "offered", n: 6, audited: 0 },
    ]);
    const holdings = await Promise.all(events.map(held));
    expect(holdings).toEqual(events.map(() => ({ total: 2, max: 1 })));
  });
});

describe("the waiting list", () => {
  it("is left by the participant themselves; an open offer of theirs moves on", async () => {
    const eventId = await manualEvent(1, null);
    const participant = await t.signIn({ role: "participant", personNation: "AZE" });
    const person = await t.db
      .selectFrom("appUser")
      .select("personId")
      .where("id", "=", participant.userId!)
      .executeTakeFirstOrThrow();
    const holder = await nominate(eventId, "TUR", "accept");
    const mine = await nominate(eventId, "AZE", "waitlist", 1, person.personId!);
    const next = await nominate(eventId, "GEO", "waitlist", 2);
    // Only the person themselves: their coordinator withdraws instead.
    const byCoordinator = await (await coordinatorOf("AZE")).post(
      `/api/nominations/${mine}/leave-waitlist`,
      {},
    );
    expect(byCoordinator.status).toBe(403);
    await withdraw(holder, "TUR");
    expect(await openOffer(mine)).toBeDefined();
    const left = await participant.post(`/api/nominations/${mine}/leave-waitlist`, {
      reason: "Other duties",
    });
    expect(left.status, left.text).toBe(200);
    expect(left.body.status).toBe("withdrawn");
    expect((await offersOf(mine)).map((o) => o.status)).toEqual(["withdrawn"]);
    expect((await offersOf(next)).map((o) => o.status)).toEqual(["offered"]);
    expect(await auditActions("nomination", mine)).toContain("nomination.leave_waitlist");
    const twice = await participant.post(`/api/nominations/${mine}/leave-waitlist`, {});
    expect(twice.status).toBe(409);
  });

  it("changes a priority only with a reason, kept in the audit trail", async () => {
    const eventId = await manualEvent(1, null);
    const waiting = await nominate(eventId, "AZE", "waitlist", 5);
    const coordinator = await coordinatorOf("AZE");
    const bare = await coordinator.patch(`/api/nominations/${waiting}`, { priority: 1 });
    expect(bare.status).toBe(422);
    expect(bare.body.fields).toEqual([
      { field: "body.reason", message: "a change of priority needs a reason" },
    ]);
    const blank = await coordinator.patch(`/api/nominations/${waiting}`, { priority: 1, reason: "  " });
    // A blank reason is refused by the schema's text rule, before the service's own check.
    expect([blank.status, blank.body.fields?.[0]?.field]).toEqual([400, "body.reason"]);
    // A reason alone changes nothing: refused, naming the priority it should come with.
    const alone = await coordinator.patch(`/api/nominations/${waiting}`, { reason: "Command post" });
    expect([alone.status, alone.body.fields]).toEqual([
      400,
      [{ field: "body.priority", message: "a reason goes with the new priority it explains" }],
    ]);
    // A note alone needs none.
    expect((await coordinator.patch(`/api/nominations/${waiting}`, { note: "Speaks Russian" })).status).toBe(
      200,
    );
    const given = await coordinator.patch(`/api/nominations/${waiting}`, {
      priority: 1,
      reason: "Command post",
    });
    expect(given.status, given.text).toBe(200);
    expect(given.body.priority).toBe(1);
    const entry = await t.db
      .selectFrom("auditEntry")
      .select("diff")
      .where("recordId", "=", waiting)
      .where("action", "=", "nomination.update")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.diff).toEqual({
      before: { priority: 5 },
      after: { priority: 1 },
      detail: { reason: "Command post" },
    });
  });
});

describe("under concurrency", () => {
  it("never holds more seats than the capacity or a nation's quota while frees, accepts, declines and expiries race", async () => {
    const eventId = await manualEvent(3, 2);
    const nations = ["AZE", "TUR", "GEO", "USA"];
    const accepted = [
      await nominate(eventId, "AZE", "accept"),
      await nominate(eventId, "TUR", "accept"),
      await nominate(eventId, "GEO", "accept"),
    ];
    const waiting: string[] = [];
    for (let i = 0; i < 12; i++) waiting.push(await nominate(eventId, nations[i % 4]!, "waitlist", 1 + i));
    const observed: { total: number; max: number }[] = [];
    const statuses: number[] = [];
    const organiserAccept = async (id: string) =>
      (await organiser.post(`/api/nominations/${id}/decision`, { decision: "accept" })).status;
    for (let round = 0; round < 4; round++) {
      const open = await t.db
        .selectFrom("seatOffer")
        .select(["id", "nominationId"])
        .where("eventId", "=", eventId)
        .where("status", "=", "offered")
        .execute();
      if (round === 2) await backdate(eventId);
      const replies = await Promise.all([
        ...accepted.splice(0, 1).map(async (id) => {
          const row = await t.db
            .selectFrom("nomination")
            .innerJoin("nation", "nation.id", "nomination.nationId")
            .select("nation.code")
            .where("nomination.id", "=", id)
            .executeTakeFirstOrThrow();
          return (
            await (await coordinatorOf(row.code)).post(`/api/nominations/${id}/withdraw`, { reason: "Race" })
          ).status;
        }),
        ...open.map(async (offer, i) =>
          i % 2 === 0
            ? (await organiser.post(`/api/seat-offers/${offer.id}/accept`)).status
            : (await organiser.post(`/api/seat-offers/${offer.id}/decline`, { reason: "Race" })).status,
        ),
        // The organiser tries to seat waiting nominations directly, over the offers.
        ...waiting.slice(round * 3, round * 3 + 3).map(organiserAccept),
        expireDueOffers(t.db, t.config).then(() => 200),
        expireDueOffers(t.db, t.config).then(() => 200),
      ]);
      statuses.push(...replies);
      observed.push(await held(eventId));
    }
    // Every answer is a success or a refusal of a rule (a full event, an offer already settled), never a failure.
    expect(statuses.filter((status) => ![200, 409].includes(status))).toEqual([]);
    expect(observed.filter((h) => h.total > 3 || h.max > 2)).toEqual([]);
    // No free seat is left while a waiting nomination that was never passed over, of a nation below its quota,
    // has no offer.
    const { rows } = await sql<{ free: number; eligible: number }>`
      with holding as (
        select n.nation_id from nomination n where n.event_id = ${eventId} and n.status = 'accepted'
        union all
        select n.nation_id from seat_offer o join nomination n on n.id = o.nomination_id
          where o.event_id = ${eventId} and o.status = 'offered')
      select 3 - (select count(*) from holding) as free,
             (select count(*) from nomination n where n.event_id = ${eventId} and n.status = 'waitlisted'
                and (select count(*) from holding h where h.nation_id = n.nation_id) < 2
                and not exists (select 1 from seat_offer o where o.nomination_id = n.id
                                and o.status in ('offered', 'declined', 'expired'))) as eligible`.execute(
      t.db,
    );
    const { free, eligible } = rows[0]!;
    expect({ free: Number(free) > 0, eligible: Number(eligible) > 0 }).not.toEqual({
      free: true,
      eligible: true,
    });
  });
});
