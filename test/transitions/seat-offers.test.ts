import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type SEAT_OFFER_STATUSES,
  SEAT_OFFER_TRANSITIONS,
} from "../../src/modules/catalogue/catalogue.transitions.js";
import { expireDueOffers } from "../../src/modules/catalogue/index.js";
import { seedDirectory } from "../../src/modules/directory/directory.seed.js";
import { defineTransitions } from "../../src/platform/transitions.js";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";
import { describeTransitions } from "../support/transitions.js";

/**
 * Seat offers (catalogue.transitions.ts): the API asks for two states, accepted (`POST /api/seat-offers/{id}/accept`)
 * and declined (`.../decline`); expired is the scheduled job's and withdrawn a trigger's, tried here as origins.
 */
let t: TestApp;
let admin: Agent;
let eventId: string;
let serial = 0;

const REQUESTED = ["accepted", "declined"] as const;
/** The part of the table the API's routes ask for: the same rows, the targets the routes can request. */
type Status = (typeof SEAT_OFFER_STATUSES)[number];
const THROUGH_THE_API = defineTransitions<Status>(
  SEAT_OFFER_TRANSITIONS.record,
  Object.fromEntries(
    Object.entries(SEAT_OFFER_TRANSITIONS.table).map(([from, to]) => [
      from,
      to.filter((state) => (REQUESTED as readonly string[]).includes(state)),
    ]),
  ) as Record<Status, Status[]>,
  SEAT_OFFER_TRANSITIONS.field,
);

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  admin = await t.signIn({ role: "administrator" });
  const activity = await admin.post("/api/activities", {
    code: "TRANS-OFFER",
    titleEn: "Transitions of seat offers",
    kind: "course",
    menuYear: 2040,
    organiserId: await t.organisationId("NATO-SCHOOL"),
  });
  await admin.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
  const event = await admin.post(`/api/activities/${activity.body.id}/events`, {
    startsOn: "2040-11-02",
    endsOn: "2040-11-06",
  });
  eventId = event.body.id;
  if (!eventId) throw new Error(`fixture not created: ${event.text}`);
});
afterAll(() => t.close());

/** A waitlisted nomination of a new person with an offer in `status` (written straight to the database). */
async function offerIn(status: string, expiresAt = sql<Date>`now() + interval '72 hours'`) {
  const nationId = await t.nationId("GEO");
  const person = await t.db
    .insertInto("person")
    .values({ givenName: "Offered", familyName: `Seat${++serial}`, nationId, ownerNationId: nationId })
    .returning("id")
    .executeTakeFirstOrThrow();
  const nomination = await t.db
    .insertInto("nomination")
    .values({ eventId, personId: person.id, nationId, status: "waitlisted" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const offer = await t.db
    .insertInto("seatOffer")
    .values({
      nominationId: nomination.id,
      eventId,
      offeredAt: sql<Date>`now() - interval '1 hour'`,
      expiresAt,
      status,
      decidedAt: status === "offered" ? null : new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return offer.id;
}

const statusOf = async (id: string) =>
  (await t.db.selectFrom("seatOffer").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

describeTransitions(
  "seat offer",
  THROUGH_THE_API,
  () => ({
    place: (status) => offerIn(status),
    move: (id, to) => admin.post(`/api/seat-offers/${id}/${to === "accepted" ? "accept" : "decline"}`, {}),
    read: async (id) =>
      (await admin.get(`/api/events/${eventId}/seat-offers`)).body.items.find(
        (o: { id: string }) => o.id === id,
      )?.status,
  }),
  { unrequested: ["offered", "expired", "withdrawn"] },
);

describe("seat offer: the states no route asks for", () => {
  it("the API's part is the table's: only an open offer is answered", () => {
    expect(THROUGH_THE_API.table.offered).toEqual(["accepted", "declined"]);
    expect(SEAT_OFFER_TRANSITIONS.table.offered).toEqual(["accepted", "declined", "expired", "withdrawn"]);
  });

  it("the job expires an open offer past its time, and leaves offers in every other state as they are", async () => {
    const past = sql<Date>`now() - interval '1 minute'`;
    const open = await offerIn("offered", past);
    const settled = await Promise.all(
      (["accepted", "declined", "expired", "withdrawn"] as const).map(async (status) => ({
        status,
        id: await offerIn(status, past),
      })),
    );
    await expireDueOffers(t.db, t.config);
    expect(await statusOf(open)).toBe("expired");
    expect(await Promise.all(settled.map(({ id }) => statusOf(id)))).toEqual(
      settled.map(({ status }) => status),
    );
  });

  it("a nomination leaving the waitlist another way withdraws its open offer", async () => {
    const id = await offerIn("offered");
    const { nominationId } = await t.db
      .selectFrom("seatOffer")
      .select("nominationId")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const reply = await admin.post(`/api/nominations/${nominationId}/decision`, {
      decision: "decline",
      reason: "No longer eligible",
    });
    expect(reply.status, reply.text).toBe(200);
    expect(await statusOf(id)).toBe("withdrawn");
  });
});
