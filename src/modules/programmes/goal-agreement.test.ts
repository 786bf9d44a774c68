import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toldUsers } from "../../../test/support/notices.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

/** Issue 22: partnership goals are agreed by both sides, the partner nation's and the alliance's. */
let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let natoStaff: Agent;
let aze: string;
let counter = 0;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  natoStaff = await t.signIn({ role: "organiser", organisation: "NATO" });
  aze = await t.nationId("AZE");
});
afterAll(() => t.close());

/** A proposed goal of Azerbaijan, put forward by its coordinator. */
async function proposedGoal(fields: Record<string, unknown> = {}) {
  const created = await azeCoordinator.post("/api/partnership-goals", {
    nationId: aze,
    code: `PG-AGREE-${++counter}`,
    title: "A goal both sides agree",
    areaCode: "logistics",
    agreedYear: 2026,
    ...fields,
  });
  if (created.status !== 201) throw new Error(created.text);
  return created.body.id as string;
}

const agree = (agent: Agent, id: string, side: "partner" | "alliance") =>
  agent.post(`/api/partnership-goals/${id}/agreements/${side}`);
const withdraw = (agent: Agent, id: string, side: "partner" | "alliance") =>
  agent.delete(`/api/partnership-goals/${id}/agreements/${side}`);

async function auditActions(id: string) {
  const rows = await t.db
    .selectFrom("auditEntry")
    .select(["action", "actorUserId", "diff"])
    .where("recordId", "=", id)
    .where("action", "like", "goal.agree%")
    .orderBy("seq")
    .execute();
  return rows.map((row) => ({ action: row.action, actor: row.actorUserId }));
}

async function agreedChanges(id: string) {
  return t.db
    .selectFrom("goalStatusChange")
    .select(["fromStatus", "toStatus", "changedBy"])
    .where("goalId", "=", id)
    .where("toStatus", "=", "agreed")
    .execute();
}

describe("agreement of a partnership goal by both sides", () => {
  it("says which side the viewer may agree for, and refuses a direct change to agreed", async () => {
    const id = await proposedGoal();
    const asPartner = await azeCoordinator.get(`/api/partnership-goals/${id}`);
    expect(asPartner.body).toMatchObject({
      status: "proposed",
      agreement: { partner: null, alliance: null },
      viewerMay: { assess: false, agreeAsPartner: true, agreeAsAlliance: false },
    });
    const asStaff = await natoStaff.get(`/api/partnership-goals/${id}`);
    expect(asStaff.body.viewerMay).toEqual({ assess: true, agreeAsPartner: false, agreeAsAlliance: true });
    // Administrators are alliance staff, not the partner's side.
    const asAdmin = await admin.get(`/api/partnership-goals/${id}`);
    expect(asAdmin.body.viewerMay).toEqual({ assess: true, agreeAsPartner: false, agreeAsAlliance: true });

    const direct = await admin.patch(`/api/partnership-goals/${id}`, { status: "agreed" });
    expect(direct.status, direct.text).toBe(409);
    expect(direct.body).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      transition: { field: "body.status", current: "proposed", requested: "agreed" },
    });
    expect(direct.body.message).toContain("both sides agree");
    const byOwner = await azeCoordinator.patch(`/api/partnership-goals/${id}`, { status: "agreed" });
    expect(byOwner.status).toBe(409);
    expect((await admin.get(`/api/partnership-goals/${id}`)).body.status).toBe("proposed");
    // Nor can the partner enter a goal as already agreed: a goal entered as it stood is the alliance side's.
    const entered = await azeCoordinator.post("/api/partnership-goals", {
      nationId: aze,
      code: "PG-AGREE-ENTERED",
      title: "Entered as agreed",
      areaCode: "logistics",
      agreedYear: 2024,
      status: "agreed",
    });
    expect(entered.status).toBe(403);
  });

  it("holds each side to its own people", async () => {
    const id = await proposedGoal();
    expect((await agree(natoStaff, id, "partner")).status).toBe(403);
    expect((await agree(admin, id, "partner")).status).toBe(403);
    expect((await agree(azeCoordinator, id, "alliance")).status).toBe(403);
    expect((await agree(geoCoordinator, id, "partner")).status).toBe(404);
    expect((await azeCoordinator.post(`/api/partnership-goals/${id}/agreements/both`)).status).toBe(400);
    expect(await auditActions(id)).toEqual([]);
  });

  it("agrees the goal when the second side agrees, with who and when, each audited", async () => {
    const id = await proposedGoal();
    const first = await agree(azeCoordinator, id, "partner");
    expect(first.status, first.text).toBe(200);
    expect(first.body.status).toBe("proposed");
    expect(first.body.agreement.partner).toMatchObject({
      agreedAt: expect.any(String),
      agreedBy: { id: azeCoordinator.userId },
    });
    expect(first.body.agreement.alliance).toBeNull();
    expect(first.body.viewerMay.agreeAsPartner).toBe(true);
    const twice = await agree(azeCoordinator, id, "partner");
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("INVALID_STATE");
    expect(twice.body.fields[0].field).toBe("params.side");

    const second = await agree(natoStaff, id, "alliance");
    expect(second.status, second.text).toBe(200);
    expect(second.body).toMatchObject({
      status: "agreed",
      assessmentYear: 2027,
      agreement: {
        partner: { agreedBy: { id: azeCoordinator.userId } },
        alliance: { agreedBy: { id: natoStaff.userId } },
      },
      viewerMay: { agreeAsPartner: false, agreeAsAlliance: false },
    });
    expect(second.body.history.at(-1)).toMatchObject({ fromStatus: "proposed", toStatus: "agreed" });
    expect(await auditActions(id)).toEqual([
      { action: "goal.agree", actor: azeCoordinator.userId },
      { action: "goal.agree", actor: natoStaff.userId },
    ]);
    // Once agreed, an agreement stands: neither side withdraws it, nor agrees again.
    const late = await withdraw(azeCoordinator, id, "partner");
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("INVALID_STATE");
    const again = await agree(admin, id, "alliance");
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("ILLEGAL_TRANSITION");
  });

  it("lets either side withdraw its agreement while the goal is proposed", async () => {
    const id = await proposedGoal();
    expect((await withdraw(natoStaff, id, "alliance")).status).toBe(409);
    expect((await agree(natoStaff, id, "alliance")).status).toBe(200);
    expect((await withdraw(azeCoordinator, id, "alliance")).status).toBe(403);
    const withdrawn = await withdraw(natoStaff, id, "alliance");
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: "proposed",
      agreement: { partner: null, alliance: null },
    });
    expect((await agree(azeCoordinator, id, "partner")).body.status).toBe("proposed");
    expect((await agree(natoStaff, id, "alliance")).body.status).toBe("agreed");
    expect((await auditActions(id)).map((entry) => entry.action)).toEqual([
      "goal.agree",
      "goal.agreement.withdraw",
      "goal.agree",
      "goal.agree",
    ]);
  });

  it("clears both agreements when what was agreed changes while the goal is proposed", async () => {
    const id = await proposedGoal();
    await agree(azeCoordinator, id, "partner");
    const noted = await azeCoordinator.patch(`/api/partnership-goals/${id}`, {
      title: "A goal both sides agree",
    });
    expect(noted.body.agreement.partner).not.toBeNull();
    const changed = await azeCoordinator.patch(`/api/partnership-goals/${id}`, { targetOn: "2030-06-30" });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.agreement).toEqual({ partner: null, alliance: null });
    expect((await agree(natoStaff, id, "alliance")).body.status).toBe("proposed");
  });

  it("asks for the year of agreement first", async () => {
    const id = await proposedGoal({ agreedYear: null });
    const reply = await agree(azeCoordinator, id, "partner");
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ code: "INVALID_STATE", fields: [{ field: "agreedYear" }] });
  });

  it("does not let one account agree for both sides", async () => {
    const both = await t.signIn({
      role: "national_coordinator",
      nation: "AZE",
      extraRoles: [{ role: "organiser", organisation: "NATO" }],
    });
    const id = await proposedGoal();
    expect((await agree(both, id, "partner")).status).toBe(200);
    const other = await agree(both, id, "alliance");
    expect(other.status).toBe(409);
    expect(other.body.fields[0].field).toBe("params.side");
    expect((await agree(natoStaff, id, "alliance")).body.status).toBe("agreed");
  });

  it("agrees a goal exactly once when both sides agree at the same moment", async () => {
    const ids = await Promise.all([proposedGoal(), proposedGoal(), proposedGoal(), proposedGoal()]);
    const replies = await Promise.all(
      ids.flatMap((id) => [agree(azeCoordinator, id, "partner"), agree(natoStaff, id, "alliance")]),
    );
    expect(replies.map((reply) => reply.status)).toEqual(ids.flatMap(() => [200, 200]));
    const states = await Promise.all(
      ids.map(async (id) => (await admin.get(`/api/partnership-goals/${id}`)).body),
    );
    expect(states.map((goal) => goal.status)).toEqual(ids.map(() => "agreed"));
    const changes = await Promise.all(ids.map(agreedChanges));
    expect(changes.map((rows) => rows.length)).toEqual(ids.map(() => 1));
    const audits = await Promise.all(ids.map(auditActions));
    expect(audits.map((entries) => entries.map((entry) => entry.actor).sort())).toEqual(
      ids.map(() => [azeCoordinator.userId, natoStaff.userId].sort()),
    );
  });
});

describe("notices of a goal's agreement", () => {
  const told = (kind: string, recordId: string) => toldUsers(t.db, kind, recordId);

  it("tells the side still to agree, then both sides once the goal is agreed", async () => {
    const partnerFirst = await proposedGoal({ title: "Interoperable field hospital" });
    await agree(azeCoordinator, partnerFirst, "partner");
    const awaitingAlliance = await told("goal.awaiting_agreement", partnerFirst);
    expect(awaitingAlliance).toEqual(expect.arrayContaining([natoStaff.userId, admin.userId]));
    expect(awaitingAlliance).not.toContain(azeCoordinator.userId);
    expect(awaitingAlliance).not.toContain(geoCoordinator.userId);
    expect(await told("goal.agreed", partnerFirst)).toEqual([]);

    await agree(natoStaff, partnerFirst, "alliance");
    const agreed = await told("goal.agreed", partnerFirst);
    expect(agreed).toEqual(expect.arrayContaining([azeCoordinator.userId, admin.userId]));
    // The one who agreed last does not hear of it; another nation's coordinator never does.
    expect(agreed).not.toContain(natoStaff.userId);
    expect(agreed).not.toContain(geoCoordinator.userId);
    const notice = await t.db
      .selectFrom("notification")
      .select(["title", "link"])
      .where("kind", "=", "goal.agreed")
      .where("recordId", "=", partnerFirst)
      .executeTakeFirstOrThrow();
    expect(notice).toEqual({
      title: "Interoperable field hospital",
      link: `/programmes/goals/${partnerFirst}`,
    });

    const allianceFirst = await proposedGoal();
    await agree(natoStaff, allianceFirst, "alliance");
    const awaitingPartner = await told("goal.awaiting_agreement", allianceFirst);
    expect(awaitingPartner).toContain(azeCoordinator.userId);
    expect(awaitingPartner).not.toContain(natoStaff.userId);
    expect(awaitingPartner).not.toContain(admin.userId);
    expect(awaitingPartner).not.toContain(geoCoordinator.userId);
  });
});
