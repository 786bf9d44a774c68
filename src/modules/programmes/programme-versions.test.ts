import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

/** Issue 22, item 6: an annual programme is submitted by the partner and agreed by alliance staff, each version kept. */

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let natoStaff: Agent;
let schoolOrganiser: Agent;
let participant: Agent;
let aze: string;
let year = 2060;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  natoStaff = await t.signIn({ role: "organiser", organisation: "NATO" });
  schoolOrganiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  participant = await t.signIn({ role: "participant", personNation: "AZE" });
  aze = await t.nationId("AZE");
});
afterAll(() => t.close());

/** A draft programme of Azerbaijan with one item of its own. */
async function draft() {
  const created = await azeCoordinator.post("/api/annual-programmes", {
    nationId: aze,
    firstYear: year++,
    title: "Programme under agreement",
  });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  const item = await azeCoordinator.post(`/api/annual-programmes/${id}/items`, {
    title: "Staff talks",
    areaCode: "logistics",
    plannedParticipants: 2,
  });
  expect(item.status, item.text).toBe(201);
  return { id, itemId: item.body.items[0].id as string };
}

const statusOf = async (id: string) => (await admin.get(`/api/annual-programmes/${id}`)).body.status;
const auditActions = async (id: string) =>
  (
    await t.db
      .selectFrom("auditEntry")
      .select(["action", "diff"])
      .where("recordId", "=", id)
      .where("action", "like", "programme.%")
      .orderBy("seq")
      .execute()
  ).map((row) => row.action);

describe("who decides: the partner submits, alliance staff agree, return or close", () => {
  it("only the nation's coordinators submit: alliance staff, another nation's coordinator and a participant cannot", async () => {
    const { id } = await draft();
    const byStaff = await natoStaff.patch(`/api/annual-programmes/${id}`, { status: "submitted" });
    const byAdmin = await admin.patch(`/api/annual-programmes/${id}`, { status: "submitted" });
    const byOtherNation = await geoCoordinator.patch(`/api/annual-programmes/${id}`, { status: "submitted" });
    const byParticipant = await participant.patch(`/api/annual-programmes/${id}`, { status: "submitted" });
    expect([byStaff.status, byAdmin.status, byOtherNation.status, byParticipant.status]).toEqual([
      403, 403, 404, 403,
    ]);
    expect(await statusOf(id)).toBe("draft");
    const submitted = await azeCoordinator.patch(`/api/annual-programmes/${id}`, { status: "submitted" });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({ status: "submitted", viewerMay: { submit: true, decide: false } });
  });

  it("only alliance staff agree: the partner and an organiser of a school below the alliance cannot", async () => {
    const { id } = await draft();
    await azeCoordinator.patch(`/api/annual-programmes/${id}`, { status: "submitted" });
    const byPartner = await azeCoordinator.patch(`/api/annual-programmes/${id}`, { status: "agreed" });
    // The school does not even see the programme (released to the alliance organisation, not to those below).
    const bySchool = await schoolOrganiser.patch(`/api/annual-programmes/${id}`, { status: "agreed" });
    expect([byPartner.status, bySchool.status]).toEqual([403, 404]);
    expect(await statusOf(id)).toBe("submitted");
    const seen = await natoStaff.get(`/api/annual-programmes/${id}`);
    expect(seen.body.viewerMay).toEqual({ submit: false, decide: true });
    const agreed = await natoStaff.patch(`/api/annual-programmes/${id}`, { status: "agreed" });
    expect(agreed.status, agreed.text).toBe(200);
    const closedByPartner = await azeCoordinator.patch(`/api/annual-programmes/${id}`, { status: "closed" });
    expect(closedByPartner.status).toBe(403);
    const closed = await admin.patch(`/api/annual-programmes/${id}`, { status: "closed" });
    expect(closed.status, closed.text).toBe(200);
    expect(await auditActions(id)).toEqual([
      "programme.create",
      "programme.submit",
      "programme.agree",
      "programme.close",
    ]);
  });

  it("the partner cannot take back its submission, and staff return it to draft only with a reason", async () => {
    const { id } = await draft();
    await azeCoordinator.patch(`/api/annual-programmes/${id}`, { status: "submitted" });
    const byPartner = await azeCoordinator.patch(`/api/annual-programmes/${id}`, {
      status: "draft",
      reason: "Changed our mind",
    });
    expect(byPartner.status).toBe(403);
    const noReason = await natoStaff.patch(`/api/annual-programmes/${id}`, { status: "draft" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual([{ field: "body.reason", message: expect.any(String) }]);
    const blank = await natoStaff.patch(`/api/annual-programmes/${id}`, { status: "draft", reason: "  " });
    expect(blank.status).toBe(400);
    expect(blank.body.fields[0].field).toBe("body.reason");
    expect(await statusOf(id)).toBe("submitted");
    const returned = await natoStaff.patch(`/api/annual-programmes/${id}`, {
      status: "draft",
      reason: "Add the logistics course",
    });
    expect(returned.status, returned.text).toBe(200);
    expect(returned.body.status).toBe("draft");
  });

  it("a programme entered in another state than draft is the alliance side's record", async () => {
    const asPartner = await azeCoordinator.post("/api/annual-programmes", {
      nationId: aze,
      firstYear: year++,
      title: "Agreed by itself",
      status: "agreed",
    });
    expect(asPartner.status).toBe(403);
    const asStaff = await admin.post("/api/annual-programmes", {
      nationId: aze,
      firstYear: year++,
      title: "Agreed in 2010",
      status: "agreed",
    });
    expect(asStaff.status, asStaff.text).toBe(201);
  });
});

describe("each submission is kept as a version", () => {
  it("keeps what was submitted, the decision on it, and what changed between versions", async () => {
    const { id, itemId } = await draft();
    await azeCoordinator.patch(`/api/annual-programmes/${id}`, { status: "submitted" });
    await natoStaff.patch(`/api/annual-programmes/${id}`, {
      status: "draft",
      reason: "Plan two people more",
    });
    await azeCoordinator.patch(`/api/programme-items/${itemId}`, { plannedParticipants: 4 });
    await azeCoordinator.post(`/api/annual-programmes/${id}/items`, {
      title: "Cyber exercise",
      areaCode: "cyber_defence",
    });
    await azeCoordinator.patch(`/api/annual-programmes/${id}`, { title: "Programme, second version" });
    await azeCoordinator.patch(`/api/annual-programmes/${id}`, { status: "submitted" });
    await natoStaff.patch(`/api/annual-programmes/${id}`, { status: "agreed" });

    const list = await geoCoordinator.get(`/api/annual-programmes/${id}/versions`);
    expect(list.status).toBe(404);
    const versions = await azeCoordinator.get(`/api/annual-programmes/${id}/versions`);
    expect(versions.status, versions.text).toBe(200);
    expect(versions.body.map((v: { version: number; decision: string }) => [v.version, v.decision])).toEqual([
      [2, "agreed"],
      [1, "returned"],
    ]);
    const [second, first] = versions.body;
    expect(first).toMatchObject({
      reason: "Plan two people more",
      programme: { title: "Programme under agreement" },
      items: [{ id: itemId, title: "Staff talks", plannedParticipants: 2 }],
      changes: null,
    });
    expect(first.submittedBy).toBeTruthy();
    expect(second.items).toHaveLength(2);
    expect(second.changes).toEqual({
      programme: [
        { field: "title", before: "Programme under agreement", after: "Programme, second version" },
      ],
      added: [expect.objectContaining({ title: "Cyber exercise", areaCode: "cyber_defence" })],
      removed: [],
      changed: [
        {
          id: itemId,
          activityCode: null,
          title: "Staff talks",
          fields: [{ field: "plannedParticipants", before: 2, after: 4 }],
        },
      ],
    });
    const one = await azeCoordinator.get(`/api/annual-programmes/${id}/versions/1`);
    expect(one.body).toEqual(first);
    expect((await azeCoordinator.get(`/api/annual-programmes/${id}/versions/3`)).status).toBe(404);

    const submission = await t.db
      .selectFrom("auditEntry")
      .select("diff")
      .where("recordId", "=", id)
      .where("action", "=", "programme.return")
      .executeTakeFirstOrThrow();
    expect(submission.diff).toMatchObject({
      after: { status: "draft", version: 1, reason: "Plan two people more" },
    });
  });

  it("a kept version cannot be rewritten in the database", async () => {
    const { id } = await draft();
    await azeCoordinator.patch(`/api/annual-programmes/${id}`, { status: "submitted" });
    const rewrite =
      sql`update annual_programme_version set snapshot = '{}'::jsonb where programme_id = ${id}`.execute(
        t.db,
      );
    await expect(rewrite).rejects.toThrow(/kept as submitted/);
  });
});

describe("the demo", () => {
  it("holds a programme awaiting the alliance's agreement, its first version kept, and an open seat offer; seeding again adds nothing", async () => {
    const geo = await t.nationId("GEO");
    const list = await admin.get(`/api/annual-programmes?nationId=${geo}&year=2027`);
    expect(list.body.items.map((p: { status: string; sample: boolean }) => [p.status, p.sample])).toEqual([
      ["submitted", true],
    ]);
    const id = list.body.items[0].id as string;
    const versions = await natoStaff.get(`/api/annual-programmes/${id}/versions`);
    expect(versions.body).toHaveLength(1);
    expect(versions.body[0]).toMatchObject({ version: 1, decision: null });
    expect(versions.body[0].items).toHaveLength(list.body.items[0].itemCount);
    expect((await natoStaff.get(`/api/annual-programmes/${id}`)).body.viewerMay).toEqual({
      submit: false,
      decide: true,
    });

    const offered = () =>
      t.db
        .selectFrom("seatOffer as o")
        .innerJoin("nomination as n", "n.id", "o.nominationId")
        .innerJoin("person as p", "p.id", "n.personId")
        .select(["o.eventId", "n.status"])
        .where("o.status", "=", "offered")
        .where("p.email", "=", "a.beridze@example.ge")
        .execute();
    const [offer] = await offered();
    expect(offer?.status).toBe("waitlisted");
    const shown = await admin.get(`/api/events/${offer!.eventId}/seat-offers`);
    expect(shown.body.items).toEqual([expect.objectContaining({ status: "offered" })]);

    const { seedDemo } = await import("../../seed/demo.js");
    await seedDemo(t.db, { demoAccounts: false });
    expect(await offered()).toHaveLength(1);
    expect((await admin.get(`/api/annual-programmes?nationId=${geo}&year=2027`)).body.total).toBe(1);
    expect((await natoStaff.get(`/api/annual-programmes/${id}/versions`)).body).toHaveLength(1);
  });
});

describe("the demo's proposal", () => {
  it("is a partner's course awaiting the alliance: outside the menu, found by status, decided by staff only; seeding again adds nothing", async () => {
    const proposals = async (agent: Agent) =>
      (await agent.get("/api/activities?status=proposed&year=2027")).body.items.map(
        (item: { code: string; status: string; sample: boolean }) => [item.code, item.status, item.sample],
      );
    expect(await proposals(natoStaff)).toEqual([["AZE-NDU-CYBER-2027", "proposed", true]]);
    const menu = await admin.get("/api/activities?q=Cyber%20defence%20awareness");
    expect(menu.body.total).toBe(0);
    const [{ id }] = (await natoStaff.get("/api/activities?status=proposed&year=2027")).body.items;
    const asStaff = await natoStaff.get(`/api/activities/${id}`);
    expect(asStaff.body).toMatchObject({ canDecide: true, canNominate: false });
    expect(asStaff.body.events).toHaveLength(1);
    // Outside the menu, a proposal is read only by its organisers and alliance staff.
    expect((await azeCoordinator.get(`/api/activities/${id}`)).status).toBe(404);

    const { seedDemo } = await import("../../seed/demo.js");
    await seedDemo(t.db, { demoAccounts: false });
    expect(await proposals(natoStaff)).toHaveLength(1);
  });
});

describe("partnership goals are assessed by the alliance side only", () => {
  it("the partner that owns the goal cannot assess it; alliance staff can, and the goal says who may", async () => {
    const created = await admin.post("/api/partnership-goals", {
      nationId: aze,
      code: "PG-ALLIANCE-ASSESS",
      title: "Assessed by the alliance",
      areaCode: "logistics",
      agreedYear: 2024,
      status: "agreed",
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    const asPartner = await azeCoordinator.get(`/api/partnership-goals/${id}`);
    expect(asPartner.body.viewerMay).toEqual({
      assess: false,
      agreeAsPartner: false,
      agreeAsAlliance: false,
    });
    const byPartner = await azeCoordinator.post(`/api/partnership-goals/${id}/assessments`, {
      cycleYear: 2025,
      rating: "fully_met",
    });
    expect(byPartner.status).toBe(403);
    expect((await natoStaff.get(`/api/partnership-goals/${id}`)).body.viewerMay).toMatchObject({
      assess: true,
    });
    const byStaff = await natoStaff.post(`/api/partnership-goals/${id}/assessments`, {
      cycleYear: 2025,
      rating: "largely_met",
    });
    expect(byStaff.status, byStaff.text).toBe(201);
    expect(byStaff.body.latestRating).toBe("largely_met");
  });
});
