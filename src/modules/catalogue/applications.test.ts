import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { describeTransitions } from "../../../test/support/transitions.js";
import { seedDirectory } from "../directory/directory.seed.js";
import { APPLICATION_TRANSITIONS } from "./applications.transitions.js";

/**
 * Two-step application: a participant applies, the national point of contact of the participant's nation approves
 * (nominating) or refuses; only approvals reach the organiser, and coordinators still nominate directly.
 */
let t: TestApp;
let organiser: Agent;
let geoCoordinator: Agent;
let azeCoordinator: Agent;
let serial = 0;

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
});
afterAll(() => t.close());

async function openEvent() {
  const code = `APP-${Date.now() % 100000}-${++serial}`;
  const activity = await organiser.post("/api/activities", {
    code,
    titleEn: `Application test ${code}`,
    kind: "course",
    menuYear: 2040,
    organiserId: await t.organisationId("NATO-SCHOOL"),
  });
  expect(activity.status, activity.text).toBe(201);
  await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
  const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
    startsOn: "2040-10-01",
    endsOn: "2040-10-05",
  });
  expect(event.status, event.text).toBe(201);
  return event.body.id as string;
}

const organiserNominations = async (eventId: string) =>
  (await organiser.get(`/api/nominations?eventId=${eventId}&scope=organising`)).body.items as {
    personId: string;
    status: string;
  }[];
const kinds = async (agent: Agent) =>
  ((await agent.get("/api/notifications")).body.items as { kind: string }[]).map((n) => n.kind);

describe("a participant's application", () => {
  it("reaches the organiser only once the nation's point of contact approves it, as a nomination", async () => {
    const eventId = await openEvent();
    const participant = await t.signIn({ role: "participant", personNation: "GEO" });
    const applied = await participant.post(`/api/events/${eventId}/applications`, {
      motivation: "I train evaluators",
    });
    expect(applied.status, applied.text).toBe(201);
    expect(applied.body).toMatchObject({
      status: "pending",
      motivation: "I train evaluators",
      allowedTransitions: ["approved", "refused"],
      canDecide: false,
      nominationId: null,
    });
    expect(await organiserNominations(eventId)).toEqual([]);
    // The point of contact of the participant's nation sees it in the inbox and is told; another nation's does not.
    const inbox = await geoCoordinator.get("/api/applications?scope=deciding&status=pending");
    expect(inbox.body.items.map((a: { id: string }) => a.id)).toContain(applied.body.id);
    expect(inbox.body.items.find((a: { id: string }) => a.id === applied.body.id).canDecide).toBe(true);
    expect(await kinds(geoCoordinator)).toContain("application.submitted");
    expect((await azeCoordinator.get("/api/applications")).body.items).toEqual([]);
    expect((await azeCoordinator.post(`/api/applications/${applied.body.id}/approve`, {})).status).toBe(404);
    expect((await participant.post(`/api/applications/${applied.body.id}/approve`, {})).status).toBe(403);

    const approved = await geoCoordinator.post(`/api/applications/${applied.body.id}/approve`, {});
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", allowedTransitions: [], canDecide: false });
    const nominations = await organiserNominations(eventId);
    expect(nominations).toHaveLength(1);
    expect(nominations[0]).toMatchObject({ status: "nominated" });
    expect(approved.body.nominationId).toBeTruthy();
    expect(await kinds(participant)).toContain("application.approved");
    expect(await kinds(organiser)).toContain("nomination.nominated");
    const audit = await t.db
      .selectFrom("auditEntry")
      .select(["action", "actorUserId"])
      .where("recordId", "=", applied.body.id)
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["application.create", "application.approve"]);

    // Deciding again is an illegal transition naming both states.
    const again = await geoCoordinator.post(`/api/applications/${applied.body.id}/refuse`, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      transition: { field: "status", current: "approved", requested: "refused" },
    });
    // Applying again while nominated is refused.
    expect((await participant.post(`/api/events/${eventId}/applications`, {})).status).toBe(409);
  });

  it("is refused with a reason, never reaches the organiser, and may be made again", async () => {
    const eventId = await openEvent();
    const participant = await t.signIn({ role: "participant", personNation: "GEO" });
    const applied = await participant.post(`/api/events/${eventId}/applications`, {});
    expect(applied.status, applied.text).toBe(201);
    expect((await participant.post(`/api/events/${eventId}/applications`, {})).status).toBe(409);
    const refused = await geoCoordinator.post(`/api/applications/${applied.body.id}/refuse`, {
      reason: "Not this year",
    });
    expect(refused.status, refused.text).toBe(200);
    expect(refused.body).toMatchObject({ status: "refused", reason: "Not this year", nominationId: null });
    expect(await organiserNominations(eventId)).toEqual([]);
    expect(await kinds(participant)).toContain("application.refused");
    const mine = await participant.get("/api/applications?scope=mine");
    expect(mine.body.items.map((a: { status: string }) => a.status)).toEqual(["refused"]);
    expect((await participant.post(`/api/events/${eventId}/applications`, {})).status).toBe(201);
  });

  it("leaves the coordinators' direct nomination as it was", async () => {
    const eventId = await openEvent();
    const nationId = await t.nationId("GEO");
    const person = await t.db
      .insertInto("person")
      .values({ givenName: "Direct", familyName: `GEO${++serial}`, nationId, ownerNationId: nationId })
      .returning("id")
      .executeTakeFirstOrThrow();
    const nominated = await geoCoordinator.post(`/api/events/${eventId}/nominations`, {
      personId: person.id,
    });
    expect(nominated.status, nominated.text).toBe(201);
    expect(await organiserNominations(eventId)).toHaveLength(1);
  });

  it("needs an account that is a person of a nation, and names the field of a motivation too long", async () => {
    const eventId = await openEvent();
    expect((await organiser.post(`/api/events/${eventId}/applications`, {})).status).toBe(403);
    const participant = await t.signIn({ role: "participant", personNation: "GEO" });
    const long = await participant.post(`/api/events/${eventId}/applications`, {
      motivation: "x".repeat(2001),
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.fields)).toContain("motivation");
  });
});

let transitionsId = "";
describeTransitions(
  "application",
  APPLICATION_TRANSITIONS,
  () => ({
    place: async (status) => {
      if (!transitionsId) {
        const participant = await t.signIn({ role: "participant", personNation: "GEO" });
        transitionsId = (await participant.post(`/api/events/${await openEvent()}/applications`, {})).body.id;
      }
      // Approving nominates: the nomination of an earlier approval goes, so that each approval starts afresh.
      await t.db
        .deleteFrom("nomination")
        .where(
          "id",
          "in",
          t.db
            .selectFrom("eventApplication")
            .select("nominationId")
            .where("id", "=", transitionsId)
            .where("nominationId", "is not", null),
        )
        .execute();
      await t.db
        .updateTable("eventApplication")
        .set({ status, nominationId: null, decidedAt: status === "pending" ? null : new Date() })
        .where("id", "=", transitionsId)
        .execute();
      return transitionsId;
    },
    move: (id, status) =>
      geoCoordinator.post(`/api/applications/${id}/${status === "approved" ? "approve" : "refuse"}`, {}),
    read: async (id) =>
      ((await geoCoordinator.get("/api/applications")).body.items as { id: string; status: string }[]).find(
        (a) => a.id === id,
      )!.status,
    allowed: async (id) =>
      (
        (await geoCoordinator.get("/api/applications")).body.items as {
          id: string;
          allowedTransitions: string[];
        }[]
      ).find((a) => a.id === id)!.allowedTransitions,
  }),
  { unrequested: ["pending"] },
);
