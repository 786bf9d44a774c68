import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIVITY_STATUS_MOVES, ACTIVITY_STATUSES, PATH_FROM_DRAFT } from "../../../test/support/rules.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedDirectory } from "../directory/directory.seed.js";

/**
 * One test per seat and status rule, each built so that the rule under test is the only one that can stop the
 * request: nominees of several nations when the capacity is tested, a quota below the capacity when the quota is.
 */
let t: TestApp;
let organiser: Agent;
const coordinators = new Map<string, Agent>();
let serial = 0;

beforeAll(async () => {
  t = await createTestApp();
  // Nations and organisations only: the rules need no demo activities, and mutation testing reruns this setup.
  await seedDirectory(t.db);
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
});
afterAll(() => t.close());

async function coordinatorOf(nation: string) {
  if (!coordinators.has(nation))
    coordinators.set(nation, await t.signIn({ role: "national_coordinator", nation }));
  return coordinators.get(nation)!;
}

async function newActivity(fields: Record<string, unknown> = {}) {
  const code = `RULE-${Date.now() % 100000}-${++serial}`;
  const reply = await organiser.post("/api/activities", {
    code,
    titleEn: `Rule test ${code}`,
    kind: "course",
    menuYear: 2027,
    organiserId: await t.organisationId("NATO-SCHOOL"),
    ...fields,
  });
  expect(reply.status, reply.text).toBe(201);
  return { id: reply.body.id as string, code };
}

/** A published activity with one event taking nominations by organiser decision. */
async function manualEvent(capacity: number | null, nationQuota: number | null) {
  return (await manualActivityEvent(capacity, nationQuota)).eventId;
}

async function manualActivityEvent(capacity: number | null, nationQuota: number | null) {
  const activity = await newActivity({ capacity, nationQuota });
  const published = await organiser.post(`/api/activities/${activity.id}/status`, { status: "published" });
  expect(published.status, published.text).toBe(200);
  const event = await organiser.post(`/api/activities/${activity.id}/events`, {
    startsOn: "2027-09-06",
    endsOn: "2027-09-10",
    acceptance: "manual",
  });
  expect(event.status, event.text).toBe(201);
  return { eventId: event.body.id as string, code: activity.code, title: `Rule test ${activity.code}` };
}

/** Nominates a new person of the nation; returns the nomination id (still "nominated": acceptance is manual). */
async function nominate(eventId: string, nation: string, priority = 100) {
  const nationId = await t.nationId(nation);
  const person = await t.db
    .insertInto("person")
    .values({ givenName: "Rule", familyName: `${nation}${++serial}`, nationId, ownerNationId: nationId })
    .returning("id")
    .executeTakeFirstOrThrow();
  const reply = await (await coordinatorOf(nation)).post(`/api/events/${eventId}/nominations`, {
    personId: person.id,
    priority,
  });
  expect(reply.status, reply.text).toBe(201);
  expect(reply.body.status).toBe("nominated");
  return reply.body.id as string;
}

const decide = (id: string, decision: "accept" | "waitlist") =>
  organiser.post(`/api/nominations/${id}/decision`, { decision });

const statusOf = async (id: string) =>
  (await t.db.selectFrom("nomination").select("status").where("id", "=", id).executeTakeFirstOrThrow())
    .status;
/** A nomination's status, or "offered" while it waits with an open seat offer (a freed seat is offered, not given). */
const stateOf = async (id: string) =>
  (await t.db
    .selectFrom("seatOffer")
    .where("nominationId", "=", id)
    .where("status", "=", "offered")
    .select("id")
    .executeTakeFirst())
    ? "offered"
    : statusOf(id);

describe("organiser acceptance", () => {
  it("refuses an acceptance beyond the event's capacity when no nation has used its quota", async () => {
    // Capacity 2, no quota at all, nominees of three nations: only the capacity can refuse the third.
    const eventId = await manualEvent(2, null);
    const [aze, tur, geo] = [
      await nominate(eventId, "AZE"),
      await nominate(eventId, "TUR"),
      await nominate(eventId, "GEO"),
    ];
    expect((await decide(aze, "accept")).status).toBe(200);
    expect((await decide(tur, "accept")).status).toBe(200);
    const refused = await decide(geo, "accept");
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe("All 2 seats of the event are taken; waitlist the nomination instead");
    expect(await statusOf(geo)).toBe("nominated");
  });

  it("accepts every nominee of an event without a capacity or a quota", async () => {
    const eventId = await manualEvent(null, null);
    for (const nation of ["AZE", "AZE", "TUR"])
      expect((await decide(await nominate(eventId, nation), "accept")).status).toBe(200);
  });

  it("refuses an acceptance beyond the nation's quota while seats are free", async () => {
    // Capacity 10, quota 1: the second Azerbaijani is refused by the quota, a Turk still gets a seat.
    const eventId = await manualEvent(10, 1);
    const first = await nominate(eventId, "AZE");
    const second = await nominate(eventId, "AZE");
    const other = await nominate(eventId, "TUR");
    expect((await decide(first, "accept")).status).toBe(200);
    const refused = await decide(second, "accept");
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      "The nation's quota of 1 seats is used; waitlist the nomination instead",
    );
    expect(await statusOf(second)).toBe("nominated");
    expect((await decide(other, "accept")).status).toBe(200);
  });

  it("offers a freed seat past a nominee whose nation has used its quota", async () => {
    // Capacity 2, quota 1. AZE and TUR hold the seats; a Turk waits first (priority 1), a Georgian second.
    const eventId = await manualEvent(2, 1);
    const aze = await nominate(eventId, "AZE");
    const tur = await nominate(eventId, "TUR");
    const turWaiting = await nominate(eventId, "TUR", 1);
    const geoWaiting = await nominate(eventId, "GEO", 2);
    for (const id of [aze, tur]) expect((await decide(id, "accept")).status).toBe(200);
    for (const id of [turWaiting, geoWaiting]) expect((await decide(id, "waitlist")).status).toBe(200);

    const withdrawn = await (await coordinatorOf("AZE")).post(`/api/nominations/${aze}/withdraw`, {
      reason: "Ill",
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    // The freed seat goes to the Georgian: Türkiye's quota of one is already used by `tur`.
    expect(await stateOf(geoWaiting)).toBe("offered");
    expect(await stateOf(turWaiting)).toBe("waitlisted");
  });

  it("reports each refused item of a bulk decision as refused, with its reason, and the others as done", async () => {
    const eventId = await manualEvent(1, null);
    const ids = [
      await nominate(eventId, "AZE"),
      await nominate(eventId, "TUR"),
      await nominate(eventId, "GEO"),
    ];
    const reply = await organiser.post("/api/nominations/decisions", {
      nominationIds: ids,
      decision: "accept",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.results).toEqual([
      { nominationId: ids[0], ok: true, status: "accepted", error: null },
      {
        nominationId: ids[1],
        ok: false,
        status: null,
        error: "All 1 seats of the event are taken; waitlist the nomination instead",
      },
      {
        nominationId: ids[2],
        ok: false,
        status: null,
        error: "All 1 seats of the event are taken; waitlist the nomination instead",
      },
    ]);
    expect([await statusOf(ids[0]!), await statusOf(ids[1]!), await statusOf(ids[2]!)]).toEqual([
      "accepted",
      "nominated",
      "nominated",
    ]);
  });
});

describe("an event's capacity", () => {
  it("may not drop below the seats already accepted, and may drop to exactly that", async () => {
    const eventId = await manualEvent(3, null);
    for (const nation of ["AZE", "TUR"])
      expect((await decide(await nominate(eventId, nation), "accept")).status).toBe(200);
    const below = await organiser.patch(`/api/events/${eventId}`, { capacity: 1 });
    expect(below.status).toBe(409);
    expect(below.body.fields).toEqual([
      {
        field: "body.capacity",
        message: "2 seats are already accepted or offered; the capacity cannot go below that",
      },
    ]);
    expect((await organiser.get(`/api/events/${eventId}`)).body.seats.capacity).toBe(3);
    const exact = await organiser.patch(`/api/events/${eventId}`, { capacity: 2 });
    expect(exact.status, exact.text).toBe(200);
    expect(exact.body.seats).toMatchObject({ capacity: 2, accepted: 2, free: 0 });
  });

  it("offers added seats to the waitlist at once", async () => {
    const eventId = await manualEvent(1, null);
    const holder = await nominate(eventId, "AZE");
    const waiting = await nominate(eventId, "TUR");
    expect((await decide(holder, "accept")).status).toBe(200);
    expect((await decide(waiting, "waitlist")).status).toBe(200);
    const more = await organiser.patch(`/api/events/${eventId}`, { capacity: 2 });
    expect(more.status, more.text).toBe(200);
    expect(await stateOf(waiting)).toBe("offered");
    expect(more.body.seats).toMatchObject({ capacity: 2, accepted: 1, waitlisted: 1 });
  });
});

describe("activity status moves", () => {
  it("allows exactly the moves of the table, from every status to every status", async () => {
    const seen: string[] = [];
    // loop runs: the count is asserted below
    for (const from of ACTIVITY_STATUSES.filter((status) => PATH_FROM_DRAFT[status])) {
      for (const to of ACTIVITY_STATUSES) {
        const activity = await newActivity();
        // loop runs: the count is asserted below
        for (const step of PATH_FROM_DRAFT[from]!) {
          const reply = await organiser.post(`/api/activities/${activity.id}/status`, {
            status: step,
            reason: "Test",
          });
          expect(reply.status, `draft path to ${from}: ${reply.text}`).toBe(200);
        }
        const reply = await organiser.post(`/api/activities/${activity.id}/status`, {
          status: to,
          reason: "Test",
        });
        const allowed = ACTIVITY_STATUS_MOVES[from].includes(to);
        expect(reply.status, `${from} -> ${to}: ${reply.text}`).toBe(allowed ? 200 : 409);
        const stored = (await organiser.get(`/api/activities/${activity.id}`)).body.status;
        expect(stored, `${from} -> ${to}`).toBe(allowed ? to : from);
        seen.push(`${from}->${to}`);
      }
    }
    expect(seen).toHaveLength(5 * 7); // from the 5 statuses a draft reaches (not proposed, rejected) to all 7
  });
});

describe("an activity's cancellation", () => {
  const pick = ["status", "cancelReason"] as const;
  const activityRow = (id: string) =>
    t.db.selectFrom("activity").select(pick).where("id", "=", id).executeTakeFirstOrThrow();
  const eventRow = (id: string) =>
    t.db.selectFrom("event").select(pick).where("id", "=", id).executeTakeFirstOrThrow();
  const move = (id: string, body: Record<string, unknown>) =>
    organiser.post(`/api/activities/${id}/status`, body);

  it("needs a reason, keeps it, cancels the running events only, and is audited; other moves need none", async () => {
    const activity = await newActivity();
    // Other moves need no reason, and a reason given to them is not a cancellation reason.
    expect((await move(activity.id, { status: "published", reason: "Ready" })).status).toBe(200);
    expect((await move(activity.id, { status: "draft" })).status).toBe(200);
    expect((await move(activity.id, { status: "published" })).status).toBe(200);
    expect(await activityRow(activity.id)).toEqual({ status: "published", cancelReason: null });
    const events: string[] = [];
    for (const startsOn of ["2027-09-06", "2027-10-04", "2027-11-01"]) {
      const event = await organiser.post(`/api/activities/${activity.id}/events`, {
        startsOn,
        endsOn: startsOn,
      });
      expect(event.status, event.text).toBe(201);
      events.push(event.body.id);
    }
    const [running, completed, cancelled] = events as [string, string, string];
    expect((await organiser.patch(`/api/events/${completed}`, { status: "completed" })).status).toBe(200);
    expect((await organiser.post(`/api/events/${cancelled}/cancel`, { reason: "Venue lost" })).status).toBe(
      200,
    );

    // Closing the activity (and opening it again) leaves its events as they are: only a cancellation reaches them.
    expect((await move(activity.id, { status: "closed" })).status).toBe(200);
    expect((await move(activity.id, { status: "published" })).status).toBe(200);
    expect(await eventRow(running)).toEqual({ status: "planned", cancelReason: null });

    const noReason = await move(activity.id, { status: "cancelled" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([
      { field: "body.reason", message: "a cancellation needs a reason" },
    ]);
    expect(await activityRow(activity.id)).toEqual({ status: "published", cancelReason: null });

    expect((await move(activity.id, { status: "cancelled", reason: "Budget cut" })).status).toBe(200);
    expect(await activityRow(activity.id)).toEqual({ status: "cancelled", cancelReason: "Budget cut" });
    expect(await eventRow(running)).toEqual({ status: "cancelled", cancelReason: "Budget cut" });
    expect(await eventRow(completed)).toEqual({ status: "completed", cancelReason: null });
    expect(await eventRow(cancelled)).toEqual({ status: "cancelled", cancelReason: "Venue lost" });
    const audit = await t.db
      .selectFrom("auditEntry")
      .select(["actorUserId", "diff"])
      .where("recordType", "=", "activity")
      .where("recordId", "=", activity.id)
      .where("action", "=", "activity.status")
      .orderBy("seq")
      .execute();
    expect(audit.map((entry) => entry.diff)).toEqual([
      { before: { status: "draft" }, after: { status: "published" }, detail: { reason: "Ready" } },
      { before: { status: "published" }, after: { status: "draft" } },
      { before: { status: "draft" }, after: { status: "published" } },
      { before: { status: "published" }, after: { status: "closed" } },
      { before: { status: "closed" }, after: { status: "published" } },
      { before: { status: "published" }, after: { status: "cancelled" }, detail: { reason: "Budget cut" } },
    ]);
    expect(new Set(audit.map((entry) => entry.actorUserId))).toEqual(new Set([organiser.userId]));

    const refused = await move(activity.id, { status: "published" });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe("The activity is cancelled; it cannot become published");
  });
});

describe("calendar feeds", () => {
  it("are built with their owner's view, not the anonymous requester's", async () => {
    // A draft activity is visible to its organiser only; the organiser's saved-search feed must list it.
    const draft = await newActivity({ titleEn: "Draft only the organiser sees" });
    const event = await organiser.post(`/api/activities/${draft.id}/events`, {
      startsOn: "2027-10-04",
      endsOn: "2027-10-08",
    });
    expect(event.status, event.text).toBe(201);
    expect((await t.anonymous.get(`/api/activities/${draft.id}`)).status).toBe(404);
    const token = await organiser.post("/api/calendar/tokens", {
      scope: "search",
      search: { q: draft.code },
      label: "Drafts",
    });
    expect(token.status, token.text).toBe(201);
    const feed = await t.anonymous.get(token.body.url);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain("BEGIN:VCALENDAR");
    expect(feed.text).toContain(draft.code);
  });
});

describe("the waitlist", () => {
  async function withdraw(id: string, nation: string, reason = "Ill") {
    const reply = await (await coordinatorOf(nation)).post(`/api/nominations/${id}/withdraw`, { reason });
    expect(reply.status, reply.text).toBe(200);
  }
  const waitlistAll = async (ids: string[]) => {
    for (const id of ids) expect((await decide(id, "waitlist")).status).toBe(200);
  };
  const nomination = (id: string) =>
    t.db
      .selectFrom("nomination")
      .select(["status", "statusReason", "decidedBy"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const noticesOf = (recordId: string, kind: string) =>
    t.db
      .selectFrom("notification")
      .select(["userId", "title", "body"])
      .where("recordId", "=", recordId)
      .where("kind", "=", kind)
      .orderBy("userId")
      .execute();
  const auditOf = (recordType: string, recordId: string, action: string) =>
    t.db
      .selectFrom("auditEntry")
      .select(["actorUserId", "diff"])
      .where("recordType", "=", recordType)
      .where("recordId", "=", recordId)
      .where("action", "=", action)
      .orderBy("seq")
      .execute();
  const sorted = (ids: (string | null)[]) => [...ids].sort();
  it("offers a freed seat to the first waiting nominee only, and records and announces the offer", async () => {
    // Capacity 1, no quota, the waiting nominees of two other nations: only the capacity holds back the second.
    const { eventId, code, title } = await manualActivityEvent(1, null);
    const holder = await nominate(eventId, "AZE");
    const first = await nominate(eventId, "TUR", 1);
    const second = await nominate(eventId, "GEO", 2);
    expect((await decide(holder, "accept")).status).toBe(200);
    await waitlistAll([first, second]);
    await withdraw(holder, "AZE");
    const azeCoordinator = (await coordinatorOf("AZE")).userId;
    const offer = await t.db
      .selectFrom("seatOffer")
      .selectAll()
      .where("nominationId", "=", first)
      .executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ eventId, status: "offered", decidedBy: null, decidedAt: null });
    expect(await nomination(first)).toMatchObject({ status: "waitlisted" });
    expect(await stateOf(second)).toBe("waitlisted");
    const expiresAt = offer.expiresAt.toISOString();
    expect(await auditOf("seat_offer", offer.id, "seat_offer.offer")).toMatchObject([
      {
        actorUserId: azeCoordinator,
        diff: {
          after: { nominationId: first, status: "offered", expiresAt },
          detail: { reason: "seat freed on the event" },
        },
      },
    ]);
    // The nominee's side and the organisers hear of it, with the offer's deadline.
    expect(await noticesOf(first, "nomination.offered")).toEqual(
      sorted([(await coordinatorOf("TUR")).userId, organiser.userId]).map((userId) => ({
        userId,
        title: `${code}: a seat is offered until ${expiresAt.slice(0, 16).replace("T", " ")} UTC`,
        body: title,
      })),
    );
  });

  it("shares added seats out in waitlist order within each nation's quota", async () => {
    // Capacity 1 → 3, quota 1: the second Turk is held back by the quota, the American by the capacity.
    const eventId = await manualEvent(1, 1);
    const holder = await nominate(eventId, "AZE");
    const waiting = [
      await nominate(eventId, "TUR", 1),
      await nominate(eventId, "TUR", 2),
      await nominate(eventId, "GEO", 3),
      await nominate(eventId, "USA", 4),
    ];
    expect((await decide(holder, "accept")).status).toBe(200);
    await waitlistAll(waiting);
    const more = await organiser.patch(`/api/events/${eventId}`, { capacity: 3 });
    expect(more.status, more.text).toBe(200);
    expect(await Promise.all(waiting.map(stateOf))).toEqual([
      "offered",
      "waitlisted",
      "offered",
      "waitlisted",
    ]);
  });

  it("does not offer a seat back to the nominee just moved from it to the waitlist; the next one gets it", async () => {
    const eventId = await manualEvent(1, null);
    const moved = await nominate(eventId, "AZE");
    const next = await nominate(eventId, "TUR");
    expect((await decide(moved, "accept")).status).toBe(200);
    await waitlistAll([next, moved]);
    expect(await stateOf(moved)).toBe("waitlisted");
    expect(await stateOf(next)).toBe("offered");
  });

  it("lets nobody wait for a seat of an event without a capacity once the event changes", async () => {
    const eventId = await manualEvent(null, null);
    const waiting = await nominate(eventId, "AZE");
    await waitlistAll([waiting]);
    const changed = await organiser.patch(`/api/events/${eventId}`, { venue: "Hall B" });
    expect(changed.status, changed.text).toBe(200);
    expect(await stateOf(waiting)).toBe("offered");
  });

  it("is served while the event is planned, open or closed, not once it is completed", async () => {
    for (const status of ["planned", "open", "closed", "completed"] as const) {
      const eventId = await manualEvent(1, null);
      const holder = await nominate(eventId, "AZE");
      const waiting = await nominate(eventId, "TUR");
      expect((await decide(holder, "accept")).status).toBe(200);
      await waitlistAll([waiting]);
      const reply = await organiser.patch(`/api/events/${eventId}`, { status, capacity: 2 });
      expect(reply.status, `${status}: ${reply.text}`).toBe(200);
      expect(await stateOf(waiting), status).toBe(status === "completed" ? "waitlisted" : "offered");
    }
  });

  it("records and announces each decision and withdrawal to the nominee's side", async () => {
    const { eventId, code, title } = await manualActivityEvent(5, null);
    const accepted = await nominate(eventId, "AZE");
    const declined = await nominate(eventId, "TUR");
    const azeCoordinator = (await coordinatorOf("AZE")).userId;
    const turCoordinator = (await coordinatorOf("TUR")).userId;
    expect((await decide(accepted, "accept")).status).toBe(200);
    const decline = await organiser.post(`/api/nominations/${declined}/decision`, {
      decision: "decline",
      reason: "No seat for this rank",
    });
    expect(decline.status, decline.text).toBe(200);
    // Decisions: the nominee's side hears of them, not the organisers; the reason is the body when given.
    expect(await noticesOf(accepted, "nomination.accepted")).toEqual([
      { userId: azeCoordinator, title: `${code}: nomination accepted`, body: title },
    ]);
    expect(await noticesOf(declined, "nomination.declined")).toEqual([
      { userId: turCoordinator, title: `${code}: nomination declined`, body: "No seat for this rank" },
    ]);
    expect(await auditOf("nomination", accepted, "nomination.accept")).toEqual([
      {
        actorUserId: organiser.userId,
        diff: { before: { status: "nominated" }, after: { status: "accepted" } },
      },
    ]);
    expect(await auditOf("nomination", declined, "nomination.decline")).toEqual([
      {
        actorUserId: organiser.userId,
        diff: {
          before: { status: "nominated" },
          after: { status: "declined" },
          detail: { reason: "No seat for this rank" },
        },
      },
    ]);
    // A withdrawal: the organisers hear of it, the coordinator who withdrew does not.
    await withdraw(accepted, "AZE", "Posted abroad");
    expect(await nomination(accepted)).toEqual({
      status: "withdrawn",
      statusReason: "Posted abroad",
      decidedBy: azeCoordinator,
    });
    expect(await noticesOf(accepted, "nomination.withdrawn")).toEqual([
      { userId: organiser.userId, title: `${code}: nomination withdrawn`, body: "Posted abroad" },
    ]);
    expect(await auditOf("nomination", accepted, "nomination.withdraw")).toEqual([
      {
        actorUserId: azeCoordinator,
        diff: {
          before: { status: "accepted" },
          after: { status: "withdrawn" },
          detail: { reason: "Posted abroad" },
        },
      },
    ]);
  });

  it("tells those holding or waiting for a seat when the event's dates or place change", async () => {
    const { eventId, code } = await manualActivityEvent(1, null);
    const holder = await nominate(eventId, "AZE");
    const waiting = await nominate(eventId, "TUR");
    const undecided = await nominate(eventId, "GEO");
    expect((await decide(holder, "accept")).status).toBe(200);
    await waitlistAll([waiting]);
    const moved = await organiser.patch(`/api/events/${eventId}`, { startsOn: "2027-09-07", city: "Baku" });
    expect(moved.status, moved.text).toBe(200);
    const title = `${code}: the event changed (startsOn, city)`;
    expect(await noticesOf(holder, "event.changed")).toEqual([
      { userId: (await coordinatorOf("AZE")).userId, title, body: null },
    ]);
    expect(await noticesOf(waiting, "event.changed")).toEqual([
      { userId: (await coordinatorOf("TUR")).userId, title, body: null },
    ]);
    expect(await noticesOf(undecided, "event.changed")).toEqual([]);
    const audit = await auditOf("event", eventId, "event.update");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: organiser.userId,
      diff: {
        before: { startsOn: "2027-09-06", city: null },
        after: { startsOn: "2027-09-07", city: "Baku" },
      },
    });
    // A change of nothing the nominees care about tells no one.
    expect((await organiser.patch(`/api/events/${eventId}`, { capacity: 1 })).status).toBe(200);
    expect(await noticesOf(holder, "event.changed")).toHaveLength(1);
  });
});
