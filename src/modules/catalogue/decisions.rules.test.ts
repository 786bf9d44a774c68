import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedDirectory } from "../directory/directory.seed.js";

/**
 * The organiser's decisions, the coordinator's withdrawals and the organiser's changes to an event, each rule on
 * its own: the statuses a decision or a withdrawal may start from, the event's own state, dates and seats, and who
 * hears of it.
 */
let t: TestApp;
let organiser: Agent;
let colleague: Agent;
let coordinator: Agent;
let serial = 0;

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  colleague = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  coordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
});
afterAll(() => t.close());

/** A published activity's event without capacity, taking nominations by the organiser's decision. */
async function openEvent() {
  const code = `DEC-${Date.now() % 100000}-${++serial}`;
  const activity = await organiser.post("/api/activities", {
    code,
    titleEn: `Decision test ${code}`,
    kind: "course",
    menuYear: 2027,
    organiserId: await t.organisationId("NATO-SCHOOL"),
  });
  expect(activity.status, activity.text).toBe(201);
  expect(
    (await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" })).status,
  ).toBe(200);
  const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
    startsOn: "2027-10-04",
    endsOn: "2027-10-08",
    acceptance: "manual",
  });
  expect(event.status, event.text).toBe(201);
  return event.body.id as string;
}

async function nominee(eventId: string) {
  const nationId = await t.nationId("GEO");
  const person = await t.db
    .insertInto("person")
    .values({ givenName: "Decision", familyName: `GEO${++serial}`, nationId, ownerNationId: nationId })
    .returning("id")
    .executeTakeFirstOrThrow();
  const reply = await coordinator.post(`/api/events/${eventId}/nominations`, { personId: person.id });
  expect(reply.status, reply.text).toBe(201);
  return reply.body.id as string;
}

const decide = (id: string, decision: string, reason?: string) =>
  organiser.post(`/api/nominations/${id}/decision`, { decision, reason });
const withdraw = (id: string) =>
  coordinator.post(`/api/nominations/${id}/withdraw`, { reason: "Posted abroad" });
const kindsFor = async (agent: Agent, nominationId: string) =>
  (
    await t.db
      .selectFrom("notification")
      .select("kind")
      .where("userId", "=", agent.userId)
      .where("recordId", "=", nominationId)
      .execute()
  ).map((row) => row.kind);

describe("an organiser's decision", () => {
  it("starts only from the statuses its table allows, naming both", async () => {
    const eventId = await openEvent();
    const id = await nominee(eventId);
    expect((await withdraw(id)).status).toBe(200);
    const refused = await decide(id, "accept");
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe("The nomination is withdrawn; it cannot become accepted");
  });

  it("is refused once the event is completed, naming its state", async () => {
    const eventId = await openEvent();
    const id = await nominee(eventId);
    expect((await organiser.patch(`/api/events/${eventId}`, { status: "completed" })).status).toBe(200);
    const refused = await decide(id, "accept");
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe("The event is completed");
  });

  it("is told to the nominee's side, not to the organiser's colleagues", async () => {
    const id = await nominee(await openEvent());
    expect((await decide(id, "accept")).status).toBe(200);
    expect(await kindsFor(coordinator, id)).toContain("nomination.accepted");
    expect(await kindsFor(colleague, id)).not.toContain("nomination.accepted");
  });
});

describe("a withdrawal", () => {
  it("starts from nominated, accepted or waitlisted only, and the organisers hear of it", async () => {
    const eventId = await openEvent();
    const [nominated, accepted, waitlisted] = [
      await nominee(eventId),
      await nominee(eventId),
      await nominee(eventId),
    ];
    expect((await decide(accepted, "accept")).status).toBe(200);
    expect((await decide(waitlisted, "waitlist")).status).toBe(200);
    // The waitlisted one first: an accepted one leaving frees a seat, and the waitlist would take it.
    expect((await withdraw(nominated)).status).toBe(200);
    expect((await withdraw(waitlisted)).status).toBe(200);
    expect((await withdraw(accepted)).status).toBe(200);
    const again = await withdraw(waitlisted);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe("The nomination is withdrawn; it cannot become withdrawn");
    const declined = await nominee(eventId);
    expect((await decide(declined, "decline", "Prerequisites missing")).status).toBe(200);
    expect((await withdraw(declined)).body.message).toBe(
      "The nomination is declined; it cannot become withdrawn",
    );
    expect(await kindsFor(colleague, accepted)).toContain("nomination.withdrawn");
  });
});

describe("an organiser's change to an event", () => {
  const change = (eventId: string, patch: Record<string, unknown>) =>
    organiser.patch(`/api/events/${eventId}`, patch);
  const quotaError = [
    { field: "body.nationQuota", message: "the per-nation quota cannot exceed the capacity" },
  ];

  it("keeps the dates in order, whichever end is moved", async () => {
    const eventId = await openEvent();
    const early = await change(eventId, { endsOn: "2027-10-01" });
    expect(early.status).toBe(400);
    expect(early.body.fields).toEqual([{ field: "body.endsOn", message: "must not be before startsOn" }]);
    expect((await change(eventId, { startsOn: "2027-10-09" })).body.fields).toEqual([
      { field: "body.endsOn", message: "must not be before startsOn" },
    ]);
  });

  it("holds the quota to the capacity, the stored one or the new one", async () => {
    const eventId = await openEvent();
    expect((await change(eventId, { capacity: 3 })).status).toBe(200);
    expect((await change(eventId, { nationQuota: 5 })).body.fields).toEqual(quotaError);
    expect((await change(eventId, { nationQuota: 2 })).status).toBe(200);
    expect((await change(eventId, { capacity: 1 })).body.fields).toEqual(quotaError);
  });

  it("may lift the capacity above accepted seats, to none at all", async () => {
    const eventId = await openEvent();
    expect((await change(eventId, { capacity: 2 })).status).toBe(200);
    const [first, second] = [await nominee(eventId), await nominee(eventId)];
    expect((await decide(first, "accept")).status).toBe(200);
    expect((await decide(second, "accept")).status).toBe(200);
    const unlimited = await change(eventId, { capacity: null });
    expect(unlimited.status, unlimited.text).toBe(200);
    expect(unlimited.body.capacity).toBeNull();
  });

  it("tells those holding a seat when the dates move, not the organiser's colleagues; a cancelled one no longer changes", async () => {
    const eventId = await openEvent();
    const id = await nominee(eventId);
    expect((await decide(id, "accept")).status).toBe(200);
    expect((await change(eventId, { startsOn: "2027-10-05" })).status).toBe(200);
    expect(await kindsFor(coordinator, id)).toContain("event.changed");
    expect(await kindsFor(colleague, id)).not.toContain("event.changed");
    expect((await organiser.post(`/api/events/${eventId}/cancel`, { reason: "Venue lost" })).status).toBe(
      200,
    );
    const refused = await change(eventId, { city: "Tbilisi" });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe("The event is cancelled");
  });
});

describe("a nation's calendar feed", () => {
  it("lists the events its nation has people nominated to, and no other, under a default name", async () => {
    const nominatedTo = await openEvent();
    await nominee(nominatedTo);
    const other = await openEvent();
    const token = await coordinator.post("/api/calendar/tokens", {
      scope: "nation",
      nationId: await t.nationId("GEO"),
    });
    expect(token.status, token.text).toBe(201);
    const feed = await t.anonymous.get(token.body.url);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(`UID:${nominatedTo}@accord`);
    expect(feed.text).not.toContain(`UID:${other}@accord`);
    expect(feed.text).toContain("X-WR-CALNAME:Accord nation");
  });
});
