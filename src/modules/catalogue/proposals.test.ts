import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toldUsers } from "../../../test/support/notices.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedDirectory } from "../directory/directory.seed.js";

/**
 * Partners' activity proposals (issue 22, item 6): a partner's activity enters the menu only when alliance staff
 * approve it. The partner is the Azerbaijani National Defence University (AZE-NDU); alliance staff are organisers of
 * the alliance organisation (NATO) and administrators; Kyrgyzstan's users are another partner nation's.
 */
let t: TestApp;
let partner: Agent;
let staff: Agent;
let admin: Agent;
let school: Agent;
let otherNation: Agent;
let otherCentre: Agent;
let ndu: string;
let counter = 0;

const nextCode = () => `PROP-${++counter}-2031`;

async function propose(extra: Record<string, unknown> = {}) {
  const code = nextCode();
  const reply = await partner.post("/api/activities", {
    code,
    titleEn: `Proposed staff course ${code}`,
    kind: "course",
    menuYear: 2031,
    organiserId: ndu,
    ...extra,
  });
  expect(reply.status, reply.text).toBe(201);
  return reply.body as { id: string; code: string; status: string };
}

const withQuery = (url: string, query: Record<string, string>) => `${url}?${new URLSearchParams(query)}`;
const codesOf = (reply: { body: { items: { code: string }[] } }) => reply.body.items.map((item) => item.code);
const lastAudit = async (recordId: string) => {
  const row = await t.db
    .selectFrom("auditEntry")
    .select(["action", "diff"])
    .where("recordId", "=", recordId)
    .orderBy("seq", "desc")
    .executeTakeFirstOrThrow();
  return { action: row.action, ...(row.diff as Record<string, unknown>) };
};

/** Who was told of `kind` on the activity: user ids of the notices. */
const told = (kind: string, recordId: string) => toldUsers(t.db, kind, recordId);

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  ndu = await t.organisationId("AZE-NDU");
  partner = await t.signIn({ role: "organiser", organisation: "AZE-NDU" });
  staff = await t.signIn({ role: "organiser", organisation: "NATO" });
  admin = await t.signIn({ role: "administrator" });
  school = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  otherNation = await t.signIn({ role: "national_coordinator", nation: "KGZ" });
  otherCentre = await t.signIn({ role: "organiser", organisation: "KGZ-SCNS-ATC" });
});
afterAll(() => t.close());

describe("who proposes", () => {
  it("a partner's organiser creates a proposal, which only alliance staff may decide on", async () => {
    const proposal = await propose();
    expect(proposal).toMatchObject({
      status: "proposed",
      allowedTransitions: ["published", "rejected", "cancelled"],
      canEdit: true,
      canDecide: false,
      rejectionReason: null,
    });
    expect(await lastAudit(proposal.id)).toMatchObject({
      action: "activity.create",
      after: { status: "proposed" },
    });
    expect((await staff.get(`/api/activities/${proposal.id}`)).body).toMatchObject({
      status: "proposed",
      canEdit: false,
      canDecide: true,
    });
  });

  it("alliance staff and the alliance's own organisations keep creating drafts", async () => {
    const byAdmin = await admin.post("/api/activities", {
      code: nextCode(),
      titleEn: "Entered by an administrator",
      kind: "seminar",
      menuYear: 2031,
      organiserId: ndu,
    });
    expect(byAdmin.body.status).toBe("draft");
    const bySchool = await school.post("/api/activities", {
      code: nextCode(),
      titleEn: "The school's own course",
      kind: "course",
      menuYear: 2031,
      organiserId: await t.organisationId("NATO-SCHOOL"),
    });
    expect(bySchool.body.status).toBe("draft");
  });

  it("a partner's copy to another year is a proposal again", async () => {
    const proposal = await propose();
    await staff.post(`/api/activities/${proposal.id}/status`, { status: "published" });
    const copy = await partner.post(`/api/activities/${proposal.id}/copy`, { menuYear: 2032 });
    expect(copy.status, copy.text).toBe(201);
    expect(copy.body.status).toBe("proposed");
  });

  it("a restricted proposal is released to the alliance organisation, so that its staff can decide", async () => {
    const proposal = await propose({ releasability: "restricted" });
    expect((await staff.get(`/api/activities/${proposal.id}`)).status).toBe(200);
    expect((await otherCentre.get(`/api/activities/${proposal.id}`)).status).toBe(404);
  });
});

describe("deciding", () => {
  it("the partner may neither approve nor reject its own proposal (403); another organiser does not see it (404)", async () => {
    const proposal = await propose();
    const decide = async (agent: Agent) => [
      (await agent.post(`/api/activities/${proposal.id}/status`, { status: "published" })).status,
      (await agent.post(`/api/activities/${proposal.id}/status`, { status: "rejected", reason: "No" }))
        .status,
    ];
    expect(await decide(partner)).toEqual([403, 403]);
    expect(await decide(school)).toEqual([404, 404]);
    expect((await staff.get(`/api/activities/${proposal.id}`)).body.status).toBe("proposed");
  });

  it("a rejection needs a reason, named in body.reason; it is kept, audited and final", async () => {
    const proposal = await propose();
    const bare = await staff.post(`/api/activities/${proposal.id}/status`, { status: "rejected" });
    expect(bare.status).toBe(400);
    expect(bare.body.fields).toEqual([{ field: "body.reason", message: "a rejection needs a reason" }]);
    const rejected = await staff.post(`/api/activities/${proposal.id}/status`, {
      status: "rejected",
      reason: "Duplicates the school's course",
    });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body).toMatchObject({
      status: "rejected",
      rejectionReason: "Duplicates the school's course",
      allowedTransitions: [],
    });
    expect(await lastAudit(proposal.id)).toMatchObject({
      action: "activity.reject",
      before: { status: "proposed" },
      after: { status: "rejected" },
      detail: { reason: "Duplicates the school's course" },
    });
    const partnerView = await partner.get(`/api/activities/${proposal.id}`);
    expect(partnerView.body).toMatchObject({
      status: "rejected",
      rejectionReason: "Duplicates the school's course",
    });
    const again = await staff.post(`/api/activities/${proposal.id}/status`, { status: "published" });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain("is rejected; it cannot become published");
  });

  it("approval puts the proposal in the menu, audited; its events then take nominations", async () => {
    const proposal = await propose();
    const event = await partner.post(`/api/activities/${proposal.id}/events`, {
      startsOn: "2031-05-05",
      endsOn: "2031-05-09",
    });
    expect(event.status, event.text).toBe(201);
    const person = await t.db
      .insertInto("person")
      .values({
        givenName: "Proposal",
        familyName: "Nominee",
        nationId: await t.nationId("KGZ"),
        ownerNationId: await t.nationId("KGZ"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const early = await admin.post(`/api/events/${event.body.id}/nominations`, { personId: person.id });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain("The activity is proposed");
    const hidden = await otherNation.post(`/api/events/${event.body.id}/nominations`, {
      personId: person.id,
    });
    expect(hidden.status).toBe(404);

    const approved = await staff.post(`/api/activities/${proposal.id}/status`, { status: "published" });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe("published");
    expect(await lastAudit(proposal.id)).toMatchObject({
      action: "activity.approve",
      before: { status: "proposed" },
      after: { status: "published" },
    });
    expect(codesOf(await otherNation.get(withQuery("/api/activities", { q: proposal.code })))).toContain(
      proposal.code,
    );
    const nominated = await otherNation.post(`/api/events/${event.body.id}/nominations`, {
      personId: person.id,
    });
    expect(nominated.status, nominated.text).toBe(201);
  });

  it("the partner withdraws its proposal with a reason; staff cannot withdraw it for them", async () => {
    const proposal = await propose();
    const byStaff = await staff.post(`/api/activities/${proposal.id}/status`, {
      status: "cancelled",
      reason: "Withdrawn",
    });
    expect(byStaff.status).toBe(403);
    const withdrawn = await partner.post(`/api/activities/${proposal.id}/status`, {
      status: "cancelled",
      reason: "Merged into another course",
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: "cancelled", cancelReason: "Merged into another course" });
    expect((await lastAudit(proposal.id)).action).toBe("activity.status");
  });
});

describe("notices", () => {
  it("a proposal tells alliance staff; the decision tells the proposing organisation's organisers, with the reason", async () => {
    const colleague = await t.signIn({ role: "organiser", organisation: "AZE-NDU" });
    const proposal = await propose();
    expect(await told("activity.proposed", proposal.id)).toEqual([admin.userId, staff.userId].sort());
    await staff.post(`/api/activities/${proposal.id}/status`, { status: "rejected", reason: "Not in 2031" });
    expect(await told("activity.rejected", proposal.id)).toEqual([partner.userId, colleague.userId].sort());
    const notice = await t.db
      .selectFrom("notification")
      .select("body")
      .where("kind", "=", "activity.rejected")
      .where("recordId", "=", proposal.id)
      .executeTakeFirstOrThrow();
    expect(notice.body).toBe("Not in 2031");
    const approved = await propose();
    await staff.post(`/api/activities/${approved.id}/status`, { status: "published" });
    expect(await told("activity.approved", approved.id)).toEqual([partner.userId, colleague.userId].sort());
    expect(await told("activity.proposed", approved.id)).not.toContain(otherCentre.userId);
  });
});

describe("outside the menu", () => {
  it("another nation's users find a proposal nowhere: not by id, search, status filter, counts or global search", async () => {
    const proposal = await propose({ titleEn: "Zanzibarite proposal course" });
    const rejected = await propose({ titleEn: "Zanzibarite rejected course" });
    await staff.post(`/api/activities/${rejected.id}/status`, {
      status: "rejected",
      reason: "Not this year",
    });
    for (const agent of [otherNation, otherCentre]) {
      for (const id of [proposal.id, rejected.id])
        expect((await agent.get(`/api/activities/${id}`)).status).toBe(404);
      const search = await agent.get(withQuery("/api/activities", { q: "Zanzibarite" }));
      expect(search.body.total).toBe(0);
      expect(JSON.stringify(search.body.facets)).not.toMatch(/"count":[1-9]/);
      for (const status of ["proposed", "rejected"])
        expect((await agent.get(withQuery("/api/activities", { q: "Zanzibarite", status }))).body.total).toBe(
          0,
        );
      const global = await agent.get(withQuery("/api/search", { q: "Zanzibarite" }));
      expect(global.body.total).toBe(0);
    }
  });

  it("the menu search leaves proposals out even for their partner and staff, who find them by status", async () => {
    const proposal = await propose({ titleEn: "Quillwort proposal course" });
    for (const agent of [partner, staff, admin]) {
      expect((await agent.get(withQuery("/api/activities", { q: "Quillwort" }))).body.total).toBe(0);
      expect(
        codesOf(await agent.get(withQuery("/api/activities", { q: "Quillwort", status: "proposed" }))),
      ).toEqual([proposal.code]);
    }
  });

  it("an annual programme cannot pick a proposal until it is approved", async () => {
    const proposal = await propose();
    await staff.post(`/api/activities/${proposal.id}/status`, { status: "published" });
    const pending = await propose();
    const programme = await admin.post("/api/annual-programmes", {
      nationId: await t.nationId("AZE"),
      firstYear: 2031,
      lastYear: 2031,
      title: "Programme 2031",
    });
    expect(programme.status, programme.text).toBe(201);
    const item = (activityId: string) =>
      admin.post(`/api/annual-programmes/${programme.body.id}/items`, {
        activityId,
        areaCode: "education_training",
      });
    const refused = await item(pending.id);
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ field: "body.activityId", message: "no such activity" }]);
    expect((await item(proposal.id)).status).toBe(201);
  });

  it("the calendar leaves out a proposal's events", async () => {
    const proposal = await propose();
    await partner.post(`/api/activities/${proposal.id}/events`, {
      startsOn: "2031-09-01",
      endsOn: "2031-09-03",
    });
    const range = { from: "2031-09-01", to: "2031-09-30" };
    for (const agent of [partner, staff, otherNation]) {
      const calendar = await agent.get(withQuery("/api/calendar", range));
      expect(calendar.status).toBe(200);
      expect(calendar.body.map((entry: { activityId: string }) => entry.activityId)).not.toContain(
        proposal.id,
      );
    }
    await staff.post(`/api/activities/${proposal.id}/status`, { status: "published" });
    const after = await otherNation.get(withQuery("/api/calendar", range));
    expect(after.body.map((entry: { activityId: string }) => entry.activityId)).toContain(proposal.id);
  });
});
