import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startsToday } from "../../../test/support/evaluations.js";
import { toldUsers } from "../../../test/support/notices.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { certifiedPeople } from "../training/index.js";
import { runReminders } from "./index.js";

/**
 * One test per kind of notice: the state change goes through the API (reminders: the reminder task run directly
 * with a chosen "now"), and the notices of that kind on that record reach exactly the expected accounts of a fixed
 * cast, in particular nobody of another nation or organisation that may not see the record.
 */
let t: TestApp;
const cast: Record<string, Agent> = {};
let crevalEventId: string;

/** The cast members told of `kind` on `recordId`, by name, sorted; an account outside the cast shows as "other". */
async function told(kind: string, recordId: string) {
  const names = new Map(Object.entries(cast).map(([name, agent]) => [agent.userId, name]));
  return (await toldUsers(t.db, kind, recordId)).map((id) => names.get(id) ?? `other:${id}`).sort();
}

/** Notices of `kind` about a nomination that reached a coordinator of another nation than the nomination's. */
const otherNations = async (kind: string) =>
  (
    await sql<{ n: number }>`select count(*)::int as n from notification x
      join nomination n on n.id = x.record_id
      join role_assignment r on r.user_id = x.user_id and r.role = 'national_coordinator'
    where x.kind = ${kind} and r.nation_id <> n.nation_id`.execute(t.db)
  ).rows[0]!.n;

const personOf = async (agent: Agent) =>
  (
    await t.db
      .selectFrom("appUser")
      .select("personId")
      .where("id", "=", agent.userId!)
      .executeTakeFirstOrThrow()
  ).personId!;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  cast.admin = await t.signIn({ role: "administrator" });
  cast.coordinatorAze = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  cast.coordinatorAze2 = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  cast.coordinatorTur = await t.signIn({ role: "national_coordinator", nation: "TUR" });
  cast.organiserSchool = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  cast.organiserKaz = await t.signIn({ role: "organiser", organisation: "KAZ-NSC-ATC" });
  cast.secretariat = await t.signIn({ role: "organiser", organisation: "CIS-ATC" });
  cast.participantAze = await t.signIn({ role: "participant", personNation: "AZE" });
  cast.participantAze2 = await t.signIn({ role: "participant", personNation: "AZE" });
  cast.participantTur = await t.signIn({ role: "participant", personNation: "TUR" });
  const creval = await t.db
    .selectFrom("activity")
    .select("id")
    .where("code", "=", "CREVAL-2027")
    .executeTakeFirstOrThrow();
  crevalEventId = (
    await t.db.selectFrom("event").select("id").where("activityId", "=", creval.id).executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t?.close());

describe("nominations and events", () => {
  let first: string;
  let second: string;

  it("nomination submitted: the organisers, the nominee and the nation's other coordinators; not other nations", async () => {
    const nominated = await cast.coordinatorAze!.post(`/api/events/${crevalEventId}/nominations`, {
      personId: await personOf(cast.participantAze!),
      priority: 1,
    });
    expect(nominated.status).toBe(201);
    first = nominated.body.id;
    expect(await told("nomination.nominated", first)).toEqual([
      "coordinatorAze2",
      "organiserSchool",
      "participantAze",
    ]);
  });

  it("nomination accepted: the nation's coordinators and the nominee, never the organiser who decided", async () => {
    const accepted = await cast.organiserSchool!.post(`/api/nominations/${first}/decision`, {
      decision: "accept",
    });
    expect(accepted.body.status).toBe("accepted");
    expect(await told("nomination.accepted", first)).toEqual([
      "coordinatorAze",
      "coordinatorAze2",
      "participantAze",
    ]);
  });

  it("nomination waitlisted and declined: the nation's side of each nomination only", async () => {
    const waiting = await cast.coordinatorAze2!.post(`/api/events/${crevalEventId}/nominations`, {
      personId: await personOf(cast.participantAze2!),
      priority: 2,
    });
    expect(waiting.status).toBe(201);
    second = waiting.body.id;
    const waitlisted = await cast.organiserSchool!.post(`/api/nominations/${second}/decision`, {
      decision: "waitlist",
      reason: "Priority 2",
    });
    expect(waitlisted.body.status).toBe("waitlisted");
    expect(await told("nomination.waitlisted", second)).toEqual([
      "coordinatorAze",
      "coordinatorAze2",
      "participantAze2",
    ]);

    const turk = await cast.coordinatorTur!.post(`/api/events/${crevalEventId}/nominations`, {
      personId: await personOf(cast.participantTur!),
      priority: 1,
    });
    expect(turk.status).toBe(201);
    const declined = await cast.organiserSchool!.post(`/api/nominations/${turk.body.id}/decision`, {
      decision: "decline",
      reason: "Not eligible",
    });
    expect(declined.body.status).toBe("declined");
    expect(await told("nomination.declined", turk.body.id)).toEqual(["coordinatorTur", "participantTur"]);
  });

  it("promoted from the waitlist to a seat (a seat offered): the nominee, the nation and the organisers", async () => {
    // Room for exactly one seat: the one held by the first nomination. The demo's allocations (seats reserved for
    // other nations) are taken away, so that the freed seat is AZE's to offer under the single quota.
    await t.db.deleteFrom("eventSeatAllocation").where("eventId", "=", crevalEventId).execute();
    await t.db
      .updateTable("event")
      .set({
        capacity: sql`(select count(*) from nomination where event_id = ${crevalEventId}
        and status = 'accepted')` as never,
      })
      .where("id", "=", crevalEventId)
      .execute();
    const withdrawn = await cast.coordinatorAze!.post(`/api/nominations/${first}/withdraw`, {
      reason: "Ill",
    });
    expect(withdrawn.status).toBe(200);
    expect(await told("nomination.withdrawn", first)).toEqual([
      "coordinatorAze2",
      "organiserSchool",
      "participantAze",
    ]);
    const offer = await t.db
      .selectFrom("seatOffer")
      .select("id")
      .where("nominationId", "=", second)
      .executeTakeFirstOrThrow();
    expect((await cast.participantAze2!.post(`/api/seat-offers/${offer.id}/accept`)).status).toBe(200);
    expect(await told("nomination.offered", second)).toEqual([
      "coordinatorAze",
      "coordinatorAze2",
      "organiserSchool",
      "participantAze2",
    ]);
  });

  it("event changed: those holding or waiting for a seat, not the other nations nor the declined", async () => {
    const kind = "event.changed";
    const changed = await cast.organiserSchool!.patch(`/api/events/${crevalEventId}`, { venue: "New hall" });
    expect(changed.status).toBe(200);
    expect(await told("event.changed", second)).toEqual([
      "coordinatorAze",
      "coordinatorAze2",
      "participantAze2",
    ]);
    const all = await t.db
      .selectFrom("notification")
      .select("userId")
      .where("kind", "=", "event.changed")
      .execute();
    const outsiders = ["participantTur", "organiserKaz", "organiserSchool"] as const;
    const names = new Map(Object.entries(cast).map(([name, agent]) => [agent.userId, name]));
    const heard = all.map((row) => names.get(row.userId) ?? row.userId);
    expect(heard.filter((n) => outsiders.includes(n as never))).toEqual([]);
    expect(await otherNations(kind)).toBe(0);
  });

  it("event starting in 7 days: the accepted participants' side, once however often the reminder runs", async () => {
    const now = new Date("2027-03-01T07:07:00Z");
    const counts = await runReminders(t.db, now);
    expect(counts["event.starting"]).toBeGreaterThan(0);
    expect(await told("event.starting", second)).toEqual([
      "coordinatorAze",
      "coordinatorAze2",
      "participantAze2",
    ]);
    await runReminders(t.db, new Date("2027-03-01T08:07:00Z"));
    expect(await told("event.starting", second)).toHaveLength(3);
    // Six days before: nothing of this kind.
    const before = await t.db
      .selectFrom("notification")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("kind", "=", "event.starting")
      .executeTakeFirstOrThrow();
    await runReminders(t.db, new Date("2027-03-02T07:07:00Z"));
    const after = await t.db
      .selectFrom("notification")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("kind", "=", "event.starting")
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("nominations closing soon: coordinators of nations that have not nominated, only", async () => {
    const eventId = (
      await t.db
        .insertInto("event")
        .values({
          activityId: (
            await t.db
              .selectFrom("event")
              .select("activityId")
              .where("id", "=", crevalEventId)
              .executeTakeFirstOrThrow()
          ).activityId,
          startsOn: "2031-05-05",
          endsOn: "2031-05-09",
          status: "open",
          nominationsCloseOn: "2031-04-03",
        } as never)
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const nominated = await cast.coordinatorAze!.post(`/api/events/${eventId}/nominations`, {
      personId: await personOf(cast.participantAze!),
      priority: 1,
    });
    expect(nominated.status).toBe(201);
    // Four days before the close: not yet.
    await runReminders(t.db, new Date("2031-03-30T07:07:00Z"));
    expect(await told("event.nominations_closing", eventId)).toEqual([]);
    await runReminders(t.db, new Date("2031-04-01T07:07:00Z"));
    expect(await told("event.nominations_closing", eventId)).toEqual(["coordinatorTur"]);
    await runReminders(t.db, new Date("2031-04-02T07:07:00Z"));
    expect(await told("event.nominations_closing", eventId)).toEqual(["coordinatorTur"]);
  });

  it("event cancelled: every holder of a nomination of the event, each nation its own", async () => {
    const kind = "nomination.cancelled";
    const cancelled = await cast.organiserSchool!.post(`/api/events/${crevalEventId}/cancel`, {
      reason: "Venue lost",
    });
    expect(cancelled.status).toBe(200);
    expect(await told("nomination.cancelled", second)).toEqual([
      "coordinatorAze",
      "coordinatorAze2",
      "participantAze2",
    ]);
    const all = await t.db
      .selectFrom("notification")
      .select("userId")
      .where("kind", "=", "nomination.cancelled")
      .execute();
    // The declined Turkish nomination is not cancelled: its nominee hears nothing (the seeded Turkish nominations
    // reach the Turkish coordinator, each about its own nomination).
    const outsiders = ["participantTur", "organiserKaz", "organiserSchool"] as const;
    const names = new Map(Object.entries(cast).map(([name, agent]) => [agent.userId, name]));
    const heard = all.map((row) => names.get(row.userId) ?? row.userId);
    expect(heard.filter((n) => outsiders.includes(n as never))).toEqual([]);
    expect(await otherNations(kind)).toBe(0);
  });
});

describe("meetings and the information exchange", () => {
  let meetingId: string;
  let itemId: string;

  beforeAll(async () => {
    const series = await cast.secretariat!.post("/api/meeting-series", {
      code: "NOTICE-SERIES",
      kind: "heads_meeting",
      titleEn: "Notice series",
      ownerOrganisationId: await t.organisationId("CIS-ATC"),
      releasability: "restricted",
      releaseNationIds: [await t.nationId("AZE")],
    });
    expect(series.status, JSON.stringify(series.body)).toBe(201);
    const meeting = await cast.secretariat!.post("/api/meetings", {
      seriesId: series.body.id,
      startsOn: "2030-01-10",
      endsOn: "2030-01-10",
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    meetingId = meeting.body.id;
  });

  it("action item assigned: the assignee nation's coordinators, not another nation's", async () => {
    const item = await cast.secretariat!.post(`/api/meetings/${meetingId}/action-items`, {
      title: "Send the figures",
      assigneeNationId: await t.nationId("AZE"),
      deadline: "2030-06-30",
    });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    itemId = item.body.id;
    expect(await told("action_item.assigned", itemId)).toEqual(["coordinatorAze", "coordinatorAze2"]);
  });

  it("action item due in 3 days, then overdue (once a week): the assignee's coordinators", async () => {
    await runReminders(t.db, new Date("2030-06-26T07:07:00Z"));
    expect(await told("action_item.due", itemId)).toEqual([]);
    await runReminders(t.db, new Date("2030-06-27T07:07:00Z"));
    expect(await told("action_item.due", itemId)).toEqual(["coordinatorAze", "coordinatorAze2"]);
    expect(await told("action_item.overdue", itemId)).toEqual([]);
    await runReminders(t.db, new Date("2030-07-01T07:07:00Z"));
    await runReminders(t.db, new Date("2030-07-01T09:07:00Z"));
    expect(await told("action_item.overdue", itemId)).toEqual(["coordinatorAze", "coordinatorAze2"]);
    // A week later, reminded again; once it is done, never.
    await runReminders(t.db, new Date("2030-07-09T07:07:00Z"));
    expect(await told("action_item.overdue", itemId)).toHaveLength(4);
    const done = await cast.coordinatorAze!.patch(`/api/action-items/${itemId}`, { status: "done" });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await runReminders(t.db, new Date("2030-07-20T07:07:00Z"));
    expect(await told("action_item.overdue", itemId)).toHaveLength(4);
  });

  it("exchange message received, acknowledged, and unacknowledged after 48 hours", async () => {
    const kgz = await t.signIn({ role: "organiser", organisation: "KGZ-SCNS-ATC" });
    cast.organiserKgz = kgz;
    const sent = await cast.secretariat!.post("/api/exchange/messages", {
      senderOrganisationId: await t.organisationId("CIS-ATC"),
      subject: "Quarterly figures",
      body: "Attached.",
      recipientOrganisationIds: [await t.organisationId("KGZ-SCNS-ATC")],
      recipientNationIds: [await t.nationId("AZE")],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const id = sent.body.id as string;
    expect(await told("exchange.received", id)).toEqual([
      "coordinatorAze",
      "coordinatorAze2",
      "organiserKgz",
    ]);

    // Nobody acknowledged: the sender hears of it once after 48 hours.
    const sentAt = new Date(Date.now());
    await runReminders(t.db, new Date(sentAt.getTime() + 47 * 3_600_000));
    expect(await told("exchange.unacknowledged", id)).toEqual([]);
    await runReminders(t.db, new Date(sentAt.getTime() + 49 * 3_600_000));
    await runReminders(t.db, new Date(sentAt.getTime() + 50 * 3_600_000));
    expect(await told("exchange.unacknowledged", id)).toEqual(["secretariat"]);

    const acknowledged = await kgz.post(`/api/exchange/messages/${id}/acknowledge`, {});
    expect(acknowledged.status).toBe(200);
    expect(await told("exchange.acknowledged", id)).toEqual(["secretariat"]);
  });
});

describe("programmes and partnership goals", () => {
  it("programme submitted: administrators and the nation's other coordinators; agreed: the nation's coordinators", async () => {
    const created = await cast.coordinatorAze!.post("/api/annual-programmes", {
      nationId: await t.nationId("AZE"),
      firstYear: 2032,
      title: "Programme 2032",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const submitted = await cast.coordinatorAze!.patch(`/api/annual-programmes/${id}`, {
      status: "submitted",
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(await told("programme.submitted", id)).toEqual(["admin", "coordinatorAze2"]);
    const agreed = await cast.admin!.patch(`/api/annual-programmes/${id}`, { status: "agreed" });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(await told("programme.agreed", id)).toEqual(["coordinatorAze", "coordinatorAze2"]);
  });

  it("partnership goal review due in an assessment (odd) year: the goal's nation's coordinators", async () => {
    const goal = await t.db
      .selectFrom("partnershipGoal")
      .innerJoin("nation", "nation.id", "partnershipGoal.nationId")
      .select("partnershipGoal.id")
      .where("nation.code", "=", "AZE")
      .where("partnershipGoal.status", "in", ["agreed", "in_progress"])
      .executeTakeFirstOrThrow();
    // Earlier tests ran the reminders in other years; count from here.
    const before = await told("goal.review_due", goal.id);
    await runReminders(t.db, new Date("2032-02-01T07:07:00Z"));
    expect(await told("goal.review_due", goal.id)).toEqual(before);
    await runReminders(t.db, new Date("2033-02-01T07:07:00Z"));
    await runReminders(t.db, new Date("2033-02-08T07:07:00Z"));
    expect(await told("goal.review_due", goal.id)).toEqual(
      [...before, "coordinatorAze", "coordinatorAze2"].sort(),
    );
    const periods = await t.db
      .selectFrom("notification")
      .select("dedupeKey")
      .where("kind", "=", "goal.review_due")
      .where("recordId", "=", goal.id)
      .where("dedupeKey", "like", "%:2033")
      .execute();
    expect(periods).toHaveLength(2);
  });
});

describe("certificates and accreditation", () => {
  let certificate: { id: string; validUntil: string };
  let holder: Agent;

  beforeAll(async () => {
    const row = await t.db
      .selectFrom("certificate")
      .select(["id", "personId", "validUntil"])
      .where("revokedAt", "is", null)
      .where("validUntil", "is not", null)
      .orderBy("validUntil", "desc")
      .executeTakeFirstOrThrow();
    certificate = { id: row.id, validUntil: row.validUntil! };
    holder = await t.signIn({ role: "participant" });
    cast.holder = holder;
    await t.db
      .updateTable("appUser")
      .set({ personId: row.personId })
      .where("id", "=", holder.userId!)
      .execute();
  });

  const shift = (date: string, days: number) =>
    new Date(new Date(`${date}T07:07:00Z`).getTime() + days * 86_400_000);

  it("certificate expiring in 90 and in 30 days: the holder, once each", async () => {
    await runReminders(t.db, shift(certificate.validUntil, -91));
    expect(await told("certificate.expiring", certificate.id)).toEqual([]);
    await runReminders(t.db, shift(certificate.validUntil, -90));
    await runReminders(t.db, shift(certificate.validUntil, -90));
    expect(await told("certificate.expiring", certificate.id)).toEqual(["holder"]);
    await runReminders(t.db, shift(certificate.validUntil, -30));
    expect(await told("certificate.expiring", certificate.id)).toEqual(["holder", "holder"]);
  });

  it("certificate revoked: the holder only", async () => {
    const revoked = await cast.admin!.post(`/api/training/certificates/${certificate.id}/revoke`, {
      reason: "Issued in error",
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(await told("certificate.revoked", certificate.id)).toEqual(["holder"]);
  });

  it("accreditation renewal due: the centre's staff and those above it, not another centre's", async () => {
    const application = await t.db
      .selectFrom("accreditationApplication")
      .select(["id", "centreId", "validUntil"])
      .where("state", "=", "decided")
      .where("validUntil", "is not", null)
      .executeTakeFirstOrThrow();
    const centre = await t.db
      .selectFrom("organisation")
      .select("code")
      .where("id", "=", application.centreId)
      .executeTakeFirstOrThrow();
    cast.centreDirector = await t.signIn({ role: "course_director", organisation: centre.code });
    await runReminders(t.db, shift(application.validUntil!, -181));
    expect(await told("accreditation.renewal", application.id)).toEqual([]);
    await runReminders(t.db, shift(application.validUntil!, -100));
    await runReminders(t.db, shift(application.validUntil!, -99));
    expect(await told("accreditation.renewal", application.id)).toEqual(["centreDirector"]);
  });
});

describe("certificate issued and accreditation decided", () => {
  it("certificate issued: the holder only", async () => {
    // A seeded certificate of a signed-off run, taken away so that issuing gives it again.
    const row = await t.db
      .selectFrom("certificate")
      .select(["id", "eventId", "personId"])
      .where("revokedAt", "is", null)
      .orderBy("validUntil", "asc")
      .executeTakeFirstOrThrow();
    await t.db.updateTable("appUser").set({ personId: null }).where("personId", "=", row.personId).execute();
    cast.graduate = await t.signIn({ role: "participant" });
    await t.db
      .updateTable("appUser")
      .set({ personId: row.personId })
      .where("id", "=", cast.graduate.userId!)
      .execute();
    await t.db.deleteFrom("certificate").where("id", "=", row.id).execute();
    const issued = await cast.admin!.post(`/api/training/runs/${row.eventId}/certificates`, {});
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const fresh = await t.db
      .selectFrom("certificate")
      .select("id")
      .where("eventId", "=", row.eventId)
      .where("personId", "=", row.personId)
      .executeTakeFirstOrThrow();
    expect(await told("certificate.issued", fresh.id)).toEqual(["graduate"]);
  });

  it("accreditation decision: the centre's people, not another centre's nor another nation's", async () => {
    const application = await t.db
      .selectFrom("accreditationApplication")
      .select(["id", "centreId", "decision"])
      .where("state", "=", "decided")
      .where("decision", "in", ["accredited", "recognised"])
      .executeTakeFirstOrThrow();
    const centre = await t.db
      .selectFrom("organisation")
      .select("code")
      .where("id", "=", application.centreId)
      .executeTakeFirstOrThrow();
    cast.decidedDirector = await t.signIn({ role: "course_director", organisation: centre.code });
    // The visit is over (the earlier steps of the dossier have their own tests in training).
    await t.db
      .updateTable("accreditationApplication")
      .set({ state: "visited", decision: null, decidedOn: null, validUntil: null })
      .where("id", "=", application.id)
      .execute();
    const decided = await cast.admin!.post(`/api/training/accreditation/${application.id}/decision`, {
      decision: application.decision,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const heard = await told("accreditation.decision", application.id);
    expect(heard).toContain("decidedDirector");
    for (const outsider of ["coordinatorTur", "participantTur", "organiserKaz", "admin"])
      expect(heard).not.toContain(outsider);
  });
});

describe("readiness evaluations", () => {
  let evaluationId: string;
  let criteria: string[];

  it("assigned to an evaluation team: the evaluator's own account only", async () => {
    const checklist = await cast.admin!.post("/api/readiness/checklists", {
      code: "NOTICE-CL",
      title: "Notice checklist",
      areas: [{ code: "A", title: "Area A", criteria: [{ code: "A1", text: "Criterion A1" }] }],
    });
    expect(checklist.status, JSON.stringify(checklist.body)).toBe(201);
    const planned = await cast.coordinatorAze!.post("/api/readiness/evaluations", {
      unitId: await t.organisationId("AZE-LF-IC1"),
      kind: "alliance_evaluation_l1",
      title: "Notice evaluation",
      checklistVersionId: checklist.body.versions[0].id,
      startsOn: "2028-09-04",
      endsOn: "2028-09-08",
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    evaluationId = planned.body.id;
    const [certified] = (await certifiedPeople(t.db, "CREVAL-EVALUATOR", "2027-01-01")).filter(
      (p) => p.nationCode !== "AZE" && (p.validUntil ?? "9999") >= "2028-12-31",
    );
    await t.db
      .updateTable("appUser")
      .set({ personId: null })
      .where("personId", "=", certified!.personId)
      .execute();
    cast.evaluator = await t.signIn({ role: "evaluator", organisation: "TUR-TGS" });
    await t.db
      .updateTable("appUser")
      .set({ personId: certified!.personId })
      .where("id", "=", cast.evaluator.userId!)
      .execute();
    const team = await cast.coordinatorAze!.post(`/api/readiness/evaluations/${evaluationId}/team`, {
      personId: certified!.personId,
      role: "lead",
    });
    expect(team.status, JSON.stringify(team.body)).toBe(201);
    expect(await told("evaluation.team_assigned", evaluationId)).toEqual(["evaluator"]);
    await startsToday(t, evaluationId);
    const list = await cast.coordinatorAze!.get(`/api/readiness/evaluations/${evaluationId}/checklist`);
    criteria = list.body.areas.flatMap((a: { criteria: { id: string }[] }) => a.criteria.map((c) => c.id));
  });

  it("evaluation report published: the team and the unit's nation, not another nation", async () => {
    expect(criteria).toHaveLength(1);
    for (const id of criteria) {
      const url = `/api/readiness/evaluations/${evaluationId}/answers/${id}`;
      const answered = await cast.evaluator!.patch(url, { answer: "yes", version: 0 });
      expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    }
    const reported = await cast.evaluator!.post(`/api/readiness/evaluations/${evaluationId}/report`, {});
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    // The evaluator reported it: the team's other members would hear, the author does not.
    expect(await told("evaluation.report_published", evaluationId)).toEqual([
      "coordinatorAze",
      "coordinatorAze2",
    ]);
  });
});
