import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upload } from "../../../test/support/import-upload.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedDirectory } from "../directory/directory.seed.js";

/**
 * Lowering an event's seats (issue 22): the capacity never goes below the seats held (accepted or offered) nor
 * below the seats granted to nations, and the per-nation quota never below what a nation it binds holds, whether the
 * event's own limits change or the activity's that it takes; checked under the event's row lock, so a lowering and
 * an acceptance at the same moment never both pass.
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

/** A published activity of the capacity and quota with one manual event that takes them (its own are null). */
async function newEvent(capacity: number, nationQuota: number | null = null) {
  const code = `LIMIT-${Date.now() % 100000}-${++serial}`;
  const activity = await organiser.post("/api/activities", {
    code,
    titleEn: `Seat limits ${code}`,
    kind: "course",
    menuYear: 2027,
    organiserId: await t.organisationId("NATO-SCHOOL"),
    capacity,
    nationQuota,
  });
  expect(activity.status, activity.text).toBe(201);
  await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
  const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
    startsOn: "2027-11-01",
    endsOn: "2027-11-05",
    acceptance: "manual",
  });
  expect(event.status, event.text).toBe(201);
  return { activityId: activity.body.id as string, eventId: event.body.id as string };
}

async function nominate(eventId: string, nation: string) {
  const nationId = await t.nationId(nation);
  const person = await t.db
    .insertInto("person")
    .values({ givenName: "Limit", familyName: `${nation}${++serial}`, nationId, ownerNationId: nationId })
    .returning("id")
    .executeTakeFirstOrThrow();
  const reply = await (await coordinatorOf(nation)).post(`/api/events/${eventId}/nominations`, {
    personId: person.id,
  });
  expect(reply.status, reply.text).toBe(201);
  return reply.body.id as string;
}

const accept = (nominationId: string) =>
  organiser.post(`/api/nominations/${nominationId}/decision`, { decision: "accept" });

async function accepted(eventId: string, nation: string, count: number) {
  const ids = [];
  for (let i = 0; i < count; i++) ids.push(await nominate(eventId, nation));
  const replies = [];
  for (const id of ids) replies.push((await accept(id)).status);
  expect(replies).toEqual(ids.map(() => 200));
}

const effective = async (eventId: string) => {
  const event = (await organiser.get(`/api/events/${eventId}`)).body;
  return { capacity: event.seats?.capacity ?? event.capacity, nationQuota: event.seats?.nationQuota };
};

describe("lowering an event's capacity", () => {
  it("refuses a capacity below the seats held or granted, naming body.capacity with the numbers", async () => {
    const { eventId } = await newEvent(8);
    await accepted(eventId, "AZE", 2);
    const granted = await organiser.post(`/api/events/${eventId}/seat-allocations/grant`, {
      nationId: await t.nationId("TUR"),
      granted: 3,
    });
    expect(granted.status, granted.text).toBe(200);

    const belowHeld = await organiser.patch(`/api/events/${eventId}`, { capacity: 1 });
    expect(belowHeld.status).toBe(409);
    expect(belowHeld.body.fields).toEqual([
      {
        field: "body.capacity",
        message: "2 seats are already accepted or offered; the capacity cannot go below that",
      },
    ]);
    const belowGranted = await organiser.patch(`/api/events/${eventId}`, { capacity: 2 });
    expect(belowGranted.status).toBe(409);
    expect(belowGranted.body.fields).toEqual([
      {
        field: "body.capacity",
        message: "3 seats are granted to nations; the capacity cannot go below that",
      },
    ]);
    const atGranted = await organiser.patch(`/api/events/${eventId}`, { capacity: 3 });
    expect(atGranted.status, atGranted.text).toBe(200);
    expect((await effective(eventId)).capacity).toBe(3);
  });

  it("refuses a per-nation quota below what a nation without an allocation holds; an allocated nation is not held to it", async () => {
    const { eventId } = await newEvent(10, 4);
    await accepted(eventId, "AZE", 3);
    const grant = await organiser.post(`/api/events/${eventId}/seat-allocations/grant`, {
      nationId: await t.nationId("GEO"),
      granted: 4,
    });
    expect(grant.status, grant.text).toBe(200);
    await accepted(eventId, "GEO", 4);

    const below = await organiser.patch(`/api/events/${eventId}`, { nationQuota: 2 });
    expect(below.status).toBe(409);
    expect(below.body.fields).toEqual([
      {
        field: "body.nationQuota",
        message:
          "a nation without an allocation holds 3 seats (accepted or offered); the per-nation quota cannot go below that",
      },
    ]);
    // Georgia holds 4 under its allocation: a quota of 3 binds Azerbaijan only, which holds 3.
    const atHeld = await organiser.patch(`/api/events/${eventId}`, { nationQuota: 3 });
    expect(atHeld.status, atHeld.text).toBe(200);
  });

  it("an import that lowers the activity's capacity below the seats held names the row and the column", async () => {
    const { activityId, eventId } = await newEvent(6, 3);
    const stored = (await organiser.get(`/api/activities/${activityId}`)).body;
    await accepted(eventId, "AZE", 3);
    const csv = [
      "Code,Title,Kind,Menu year,Organiser,Capacity,Nation quota",
      `${stored.code},${stored.titleEn},course,2027,NATO-SCHOOL,2,1`,
    ].join("\n");
    const preview = await upload(t, organiser, "/api/imports/activities/preview", "menu.csv", csv);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([
      {
        row: 2,
        column: "capacity",
        header: "Capacity",
        message:
          "The event starting 2027-11-01 takes the activity's limits: 3 seats are already accepted or offered; the capacity cannot go below that",
      },
    ]);
    const commit = await upload(t, organiser, "/api/imports/activities/commit", "menu.csv", csv);
    expect(commit.status).toBe(422);
    expect((await organiser.get(`/api/activities/${activityId}`)).body).toMatchObject({
      capacity: 6,
      nationQuota: 3,
    });
  });

  it("holds the activity's capacity and quota to the events that take them", async () => {
    const { activityId, eventId } = await newEvent(6, 3);
    await accepted(eventId, "AZE", 3);
    // (The quota is lowered with it: a quota above the capacity is refused before any seat is counted.)
    const capacity = await organiser.patch(`/api/activities/${activityId}`, { capacity: 2, nationQuota: 1 });
    expect(capacity.status).toBe(409);
    expect(capacity.body.fields).toEqual([
      {
        field: "body.capacity",
        message:
          "The event starting 2027-11-01 takes the activity's limits: 3 seats are already accepted or offered; the capacity cannot go below that",
      },
    ]);
    const quota = await organiser.patch(`/api/activities/${activityId}`, { nationQuota: 2 });
    expect(quota.status).toBe(409);
    expect(quota.body.fields[0].field).toBe("body.nationQuota");
    expect((await organiser.get(`/api/activities/${activityId}`)).body).toMatchObject({
      capacity: 6,
      nationQuota: 3,
    });
    // An event with its own capacity does not take the activity's.
    expect((await organiser.patch(`/api/events/${eventId}`, { capacity: 5 })).status).toBe(200);
    const own = await organiser.patch(`/api/activities/${activityId}`, { capacity: 2, nationQuota: null });
    expect(own.status, own.text).toBe(200);
    expect((await effective(eventId)).capacity).toBe(5);
  });
});

describe("lowering the capacity while a seat is accepted", () => {
  it("never lets both pass: the capacity ends at or above the seats held", async () => {
    const rounds = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const { eventId } = await newEvent(3);
        await accepted(eventId, "AZE", 2);
        const third = await nominate(eventId, "AZE");
        const [lowered, taken] = await Promise.all([
          organiser.patch(`/api/events/${eventId}`, { capacity: 2 }),
          accept(third),
        ]);
        const held = await t.db
          .selectFrom("nomination")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("eventId", "=", eventId)
          .where("status", "=", "accepted")
          .executeTakeFirstOrThrow();
        return {
          outcomes: [lowered.status, taken.status].sort().join(" "),
          fits: Number(held.n) <= (await effective(eventId)).capacity,
        };
      }),
    );
    // Exactly one of the two passes each time (200), the other is refused (409), and the seats fit the capacity.
    expect(rounds.map((round) => round.outcomes)).toEqual(rounds.map(() => "200 409"));
    expect(rounds.map((round) => round.fits)).toEqual(rounds.map(() => true));
  });
});
