import { afterAll, beforeAll } from "vitest";
import {
  ACTIVITY_TRANSITIONS,
  EVENT_TRANSITIONS,
  NOMINATION_TRANSITIONS,
} from "../../src/modules/catalogue/catalogue.transitions.js";
import { seedDirectory } from "../../src/modules/directory/directory.seed.js";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";
import { describeTransitions } from "../support/transitions.js";

let t: TestApp;
let admin: Agent;
let ids: { activity: string; event: string; nomination: string };

async function publishedActivity(code: string) {
  const activity = await admin.post("/api/activities", {
    code,
    titleEn: `Transitions ${code}`,
    kind: "course",
    menuYear: 2040,
    organiserId: await t.organisationId("NATO-SCHOOL"),
  });
  await admin.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
  return activity.body.id as string;
}

const eventOf = async (activityId: string) =>
  (await admin.post(`/api/activities/${activityId}/events`, { startsOn: "2040-10-01", endsOn: "2040-10-05" }))
    .body.id as string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  admin = await t.signIn({ role: "administrator" });
  // Three records that do not touch each other: cancelling the activity cancels its events, a decision needs an
  // event that still runs.
  const activity = await publishedActivity("TRANS-A");
  const event = await eventOf(await publishedActivity("TRANS-E"));
  const forNomination = await eventOf(await publishedActivity("TRANS-N"));
  const nationId = await t.nationId("GEO");
  const person = await t.db
    .insertInto("person")
    .values({ givenName: "Transition", familyName: "Nominee", nationId, ownerNationId: nationId })
    .returning("id")
    .executeTakeFirstOrThrow();
  const nomination = await admin.post(`/api/events/${forNomination}/nominations`, { personId: person.id });
  ids = { activity, event, nomination: nomination.body.id };
  if (Object.values(ids).some((id) => !id)) throw new Error(`fixture not created: ${JSON.stringify(ids)}`);
});
afterAll(() => t.close());

describeTransitions("activity", ACTIVITY_TRANSITIONS, () => ({
  place: async (status) => {
    await t.db
      .updateTable("activity")
      .set({ status, cancelReason: "Earlier", rejectionReason: "Earlier" })
      .where("id", "=", ids.activity)
      .execute();
    return ids.activity;
  },
  move: (id, status) => admin.post(`/api/activities/${id}/status`, { status, reason: "Budget cut" }),
  read: async (id) => (await admin.get(`/api/activities/${id}`)).body.status,
  allowed: async (id) => (await admin.get(`/api/activities/${id}`)).body.allowedTransitions,
}));

describeTransitions("event", EVENT_TRANSITIONS, () => ({
  place: async (status) => {
    await t.db.updateTable("event").set({ status }).where("id", "=", ids.event).execute();
    return ids.event;
  },
  move: (id, status) =>
    status === "cancelled"
      ? admin.post(`/api/events/${id}/cancel`, { reason: "Venue lost" })
      : admin.patch(`/api/events/${id}`, { status }),
  read: async (id) => (await admin.get(`/api/events/${id}`)).body.status,
  allowed: async (id) => (await admin.get(`/api/events/${id}`)).body.allowedTransitions,
}));

const DECISION = {
  accepted: "accept",
  waitlisted: "waitlist",
  declined: "decline",
  cancelled: "cancel",
} as const;

describeTransitions(
  "nomination",
  NOMINATION_TRANSITIONS,
  () => ({
    place: async (status) => {
      await t.db.updateTable("nomination").set({ status }).where("id", "=", ids.nomination).execute();
      return ids.nomination;
    },
    move: (id, status) =>
      status === "withdrawn"
        ? admin.post(`/api/nominations/${id}/withdraw`, {})
        : admin.post(`/api/nominations/${id}/decision`, {
            decision: DECISION[status as keyof typeof DECISION],
            reason: "Decided",
          }),
    read: async (id) => (await admin.get(`/api/nominations/${id}`)).body.status,
    allowed: async (id) => (await admin.get(`/api/nominations/${id}`)).body.allowedTransitions,
  }),
  { unrequested: ["nominated"] },
);
