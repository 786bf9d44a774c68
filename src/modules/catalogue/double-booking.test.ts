import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { seedDirectory } from "../directory/directory.seed.js";
import { acceptOfferAtOnce } from "./offers.queries.js";

/**
 * Double booking at acceptance (issue 22, item 4): accepting a person already committed over overlapping dates, to a
 * catalogue event of any kind, a meeting's delegation or an evaluation team, is refused (409 DOUBLE_BOOKING with the
 * conflicts) unless the organiser overrides with a reason, which the nomination and its audit entry keep.
 */
let t: TestApp;
let organiser: Agent;
let coordinator: Agent;
let serial = 0;

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  coordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
});
afterAll(() => t.close());

interface Conflict {
  kind: string;
  recordType: string;
  id: string;
  title: string | null;
  startsOn: string;
  endsOn: string;
}

/** A published activity's event, taking nominations by the organiser's decision. */
async function openEvent(startsOn: string, endsOn: string, kind = "course", capacity: number | null = null) {
  const code = `DBL-${Date.now() % 100000}-${++serial}`;
  const activity = await organiser.post("/api/activities", {
    code,
    titleEn: `Double booking ${code}`,
    kind,
    menuYear: 2027,
    organiserId: await t.organisationId("NATO-SCHOOL"),
  });
  expect(activity.status, activity.text).toBe(201);
  const published = await organiser.post(`/api/activities/${activity.body.id}/status`, {
    status: "published",
  });
  expect(published.status, published.text).toBe(200);
  const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
    startsOn,
    endsOn,
    acceptance: "manual",
    capacity,
  });
  expect(event.status, event.text).toBe(201);
  return { id: event.body.id as string, title: `${code} Double booking ${code}` };
}

async function person() {
  const nationId = await t.nationId("GEO");
  const row = await t.db
    .insertInto("person")
    .values({ givenName: "Booked", familyName: `Twice${++serial}`, nationId, ownerNationId: nationId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function nominate(eventId: string, personId: string) {
  const reply = await coordinator.post(`/api/events/${eventId}/nominations`, { personId });
  expect(reply.status, reply.text).toBe(201);
  return reply.body.id as string;
}

const decide = (id: string, body: Record<string, unknown> = {}) =>
  organiser.post(`/api/nominations/${id}/decision`, { decision: "accept", ...body });

async function accepted(eventId: string, personId: string) {
  const id = await nominate(eventId, personId);
  const reply = await decide(id);
  expect(reply.status, reply.text).toBe(200);
  return id;
}

/** A meeting over the dates with the person in a delegation (members name people by `personId`). */
async function meetingWith(personId: string, startsOn: string, endsOn: string) {
  const owner = await t.organisationId("NATO-SCHOOL");
  const series = await t.db
    .insertInto("meetingSeries")
    .values({
      code: `DBL-S${++serial}`,
      kind: "heads_meeting",
      titleEn: "Heads of centres",
      ownerOrganisationId: owner,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const meeting = await t.db
    .insertInto("meeting")
    .values({
      seriesId: series.id,
      number: 12,
      title: "XII meeting",
      startsOn,
      endsOn,
      ownerOrganisationId: owner,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("meetingDelegation")
    .values({
      meetingId: meeting.id,
      nationId: await t.nationId("GEO"),
      members: JSON.stringify([{ name: "Someone else" }, { name: "Booked", personId }]),
    })
    .execute();
  return meeting.id;
}

/** An evaluation with the person on its team over the dates. */
async function evaluationTeamWith(personId: string, startsOn: string, endsOn: string) {
  const template = await t.db
    .insertInto("checklistTemplate")
    .values({ code: `DBL-C${++serial}`, title: "Checklist" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const version = await t.db
    .insertInto("checklistVersion")
    .values({ templateId: template.id, version: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const evaluation = await t.db
    .insertInto("evaluation")
    .values({
      unitId: await t.organisationId("NATO-SCHOOL"),
      checklistVersionId: version.id,
      kind: "combat_readiness_evaluation",
      title: "CREVAL of a company",
      startsOn,
      endsOn,
      ownerOrganisationId: await t.organisationId("NATO-SCHOOL"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("evaluationTeamMember")
    .values({
      evaluationId: evaluation.id,
      personId,
      period: sql`daterange(${startsOn}::date, ${endsOn}::date, '[]')`,
    })
    .execute();
  return evaluation.id;
}

async function refusedWith(nominationId: string) {
  const reply = await decide(nominationId);
  expect(reply.status, reply.text).toBe(409);
  expect(reply.body.code).toBe("DOUBLE_BOOKING");
  const still = await organiser.get(`/api/nominations/${nominationId}`);
  expect(still.body.status).toBe("nominated");
  return reply.body.conflicts as Conflict[];
}

describe("accepting a person already committed over overlapping dates", () => {
  it("is refused over an accepted course, naming it", async () => {
    const personId = await person();
    const course = await openEvent("2027-10-04", "2027-10-08");
    await accepted(course.id, personId);
    const other = await openEvent("2027-10-08", "2027-10-12");
    expect(await refusedWith(await nominate(other.id, personId))).toEqual([
      {
        kind: "course",
        recordType: "event",
        id: course.id,
        title: course.title,
        startsOn: "2027-10-04",
        endsOn: "2027-10-08",
      },
    ]);
  });

  it("is refused over an accepted exercise", async () => {
    const personId = await person();
    const exercise = await openEvent("2027-11-01", "2027-11-20", "exercise");
    await accepted(exercise.id, personId);
    const course = await openEvent("2027-11-10", "2027-11-12");
    const conflicts = await refusedWith(await nominate(course.id, personId));
    expect(conflicts.map((c) => [c.kind, c.id])).toEqual([["exercise", exercise.id]]);
  });

  it("is refused over a meeting whose delegation names the person", async () => {
    const personId = await person();
    const meetingId = await meetingWith(personId, "2027-09-14", "2027-09-15");
    const course = await openEvent("2027-09-15", "2027-09-19");
    expect(await refusedWith(await nominate(course.id, personId))).toEqual([
      {
        kind: "meeting",
        recordType: "meeting",
        id: meetingId,
        title: "XII meeting",
        startsOn: "2027-09-14",
        endsOn: "2027-09-15",
      },
    ]);
  });

  it("is refused over a seat on an evaluation team", async () => {
    const personId = await person();
    const evaluationId = await evaluationTeamWith(personId, "2027-06-01", "2027-06-04");
    const course = await openEvent("2027-05-28", "2027-06-01");
    expect(await refusedWith(await nominate(course.id, personId))).toEqual([
      {
        kind: "evaluation_team",
        recordType: "evaluation",
        id: evaluationId,
        title: "CREVAL of a company",
        startsOn: "2027-06-01",
        endsOn: "2027-06-04",
      },
    ]);
  });

  it("is accepted when the commitments only touch (the day after one ends), or were declined", async () => {
    const personId = await person();
    const course = await openEvent("2027-03-01", "2027-03-05");
    await accepted(course.id, personId);
    await meetingWith(personId, "2027-03-13", "2027-03-14");
    await evaluationTeamWith(personId, "2027-02-20", "2027-02-28");
    const declined = await openEvent("2027-03-06", "2027-03-12", "exercise");
    const declinedId = await nominate(declined.id, personId);
    const after = await openEvent("2027-03-06", "2027-03-12");
    const id = await nominate(after.id, personId);
    expect(
      (await organiser.post(`/api/nominations/${declinedId}/decision`, { decision: "decline", reason: "No" }))
        .status,
    ).toBe(200);
    const reply = await decide(id);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ status: "accepted", doubleBooking: null });
  });

  it("refuses an override without a reason, naming body.overrideReason", async () => {
    const personId = await person();
    await accepted((await openEvent("2027-04-05", "2027-04-09")).id, personId);
    const id = await nominate((await openEvent("2027-04-07", "2027-04-08")).id, personId);
    const bare = await decide(id, { override: true });
    expect(bare.status).toBe(422);
    expect(bare.body.fields).toEqual([{ field: "body.overrideReason", message: expect.any(String) }]);
    const blank = await decide(id, { override: true, overrideReason: "   " });
    expect(blank.status).toBe(400); // a blank text is refused by the schema, naming the same field
    expect(blank.body.fields[0].field).toBe("body.overrideReason");
  });

  it("accepts an override with a reason, shown on the nomination and kept in the audit entry", async () => {
    const personId = await person();
    const course = await openEvent("2027-04-12", "2027-04-16");
    await accepted(course.id, personId);
    const id = await nominate((await openEvent("2027-04-16", "2027-04-17")).id, personId);
    const reason = "Joins the second course for its last day only";
    const reply = await decide(id, { override: true, overrideReason: reason });
    expect(reply.status, reply.text).toBe(200);
    const expected = {
      reason,
      conflicts: [
        {
          kind: "course",
          recordType: "event",
          id: course.id,
          title: course.title,
          startsOn: "2027-04-12",
          endsOn: "2027-04-16",
        },
      ],
    };
    expect(reply.body).toMatchObject({ status: "accepted", doubleBooking: expected });
    expect((await organiser.get(`/api/nominations/${id}`)).body.doubleBooking).toEqual(expected);
    const audited = await t.db
      .selectFrom("auditEntry")
      .select("diff")
      .where("recordId", "=", id)
      .where("action", "=", "nomination.accept")
      .executeTakeFirstOrThrow();
    expect(audited.diff).toMatchObject({
      after: { status: "accepted" },
      detail: { doubleBooking: expected },
    });
  });

  it("lets exactly one of two concurrent acceptances of one person for overlapping events through", async () => {
    const rounds = [];
    for (let round = 0; round < 4; round++) {
      const personId = await person();
      const first = await nominate((await openEvent("2027-07-05", "2027-07-09")).id, personId);
      const second = await nominate((await openEvent("2027-07-09", "2027-07-13")).id, personId);
      const replies = await Promise.all([decide(first), decide(second)]);
      rounds.push(replies.map((reply) => reply.body.code ?? reply.status).sort());
    }
    expect(rounds).toEqual(Array(4).fill([200, "DOUBLE_BOOKING"].sort()));
  });

  it("lets exactly one of two concurrent accepts of one person's seat offers for overlapping events through", async () => {
    /** A full event of one seat, its holder declined: the seat is offered to the person's waiting nomination. */
    const offered = async (personId: string, startsOn: string, endsOn: string) => {
      const full = await openEvent(startsOn, endsOn, "course", 1);
      const holder = await accepted(full.id, await person());
      const waiting = await nominate(full.id, personId);
      expect((await decide(waiting, { decision: "waitlist" })).status).toBe(200);
      expect((await decide(holder, { decision: "decline", reason: "Posted abroad" })).status).toBe(200);
      const offers = await organiser.get(`/api/events/${full.id}/seat-offers`);
      expect(offers.body.items).toMatchObject([{ nominationId: waiting, status: "offered" }]);
      return offers.body.items[0].id as string;
    };
    const rounds = [];
    for (let round = 0; round < 3; round++) {
      const personId = await person();
      const offers = [
        await offered(personId, "2027-08-02", "2027-08-06"),
        await offered(personId, "2027-08-06", "2027-08-10"),
      ];
      const replies = await Promise.all(
        offers.map((id) => coordinator.post(`/api/seat-offers/${id}/accept`, {})),
      );
      rounds.push(replies.map((reply) => reply.body.code ?? reply.status).sort());
    }
    expect(rounds).toEqual(Array(3).fill([200, "DOUBLE_BOOKING"].sort()));
  });

  it("is refused at the acceptance of an offered seat too, unless overridden with a reason", async () => {
    const personId = await person();
    const course = await openEvent("2027-12-06", "2027-12-10");
    await accepted(course.id, personId);
    const full = await openEvent("2027-12-10", "2027-12-11", "course", 1);
    const holder = await accepted(full.id, await person());
    const waiting = await nominate(full.id, personId);
    expect((await decide(waiting, { decision: "waitlist" })).status).toBe(200);
    const declined = await decide(holder, { decision: "decline", reason: "Posted abroad" });
    expect(declined.status, declined.text).toBe(200);
    const offers = await organiser.get(`/api/events/${full.id}/seat-offers`);
    expect(offers.body.items).toMatchObject([{ nominationId: waiting, status: "offered" }]);
    const offerId = offers.body.items[0].id as string;

    const refused = await coordinator.post(`/api/seat-offers/${offerId}/accept`, {});
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.code).toBe("DOUBLE_BOOKING");
    expect(refused.body.conflicts.map((c: Conflict) => c.id)).toEqual([course.id]);
    // An override recorded by the seat function names exactly the commitments it finds under the person's lock:
    // one seen before another changed is refused afresh, and nothing is written.
    const stale = await acceptOfferAtOnce(t.db, {
      offerId,
      acceptFrom: ["waitlisted"],
      doubleBooking: { reason: "Seen earlier", conflicts: [{ ...refused.body.conflicts[0], id: holder }] },
      actorUserId: null,
      actorLabel: "test",
      requestId: null,
    });
    expect(stale.outcome).toBe("double_booked");
    expect(stale.outcome === "double_booked" && stale.detail.conflicts.map((c) => c.id)).toEqual([course.id]);
    const unchanged = await sql<{
      status: string;
    }>`select status from seat_offer where id = ${offerId}`.execute(t.db);
    expect(unchanged.rows).toEqual([{ status: "offered" }]);
    const bare = await coordinator.post(`/api/seat-offers/${offerId}/accept`, { override: true });
    expect(bare.status).toBe(422);
    expect(bare.body.fields[0].field).toBe("body.overrideReason");
    const taken = await coordinator.post(`/api/seat-offers/${offerId}/accept`, {
      override: true,
      overrideReason: "Arrives on the last day of the first course",
    });
    expect(taken.status, taken.text).toBe(200);
    const nomination = await organiser.get(`/api/nominations/${waiting}`);
    expect(nomination.body).toMatchObject({
      status: "accepted",
      doubleBooking: {
        reason: "Arrives on the last day of the first course",
        conflicts: [{ id: course.id }],
      },
    });
    // Both entries, in order, the nomination's keeping the override as the coordinator saw it.
    const entries = await t.db
      .selectFrom("auditEntry")
      .select(["action", "recordId", "diff"])
      .where("recordId", "in", [offerId, waiting])
      .where("action", "in", ["seat_offer.accept", "nomination.accept"])
      .orderBy("seq")
      .execute();
    expect(entries).toEqual([
      {
        action: "seat_offer.accept",
        recordId: offerId,
        diff: { before: { status: "offered" }, after: { status: "accepted" } },
      },
      {
        action: "nomination.accept",
        recordId: waiting,
        diff: {
          before: { status: "waitlisted" },
          after: { status: "accepted" },
          detail: {
            reason: "accepted the seat offer",
            seatOfferId: offerId,
            doubleBooking: {
              reason: "Arrives on the last day of the first course",
              conflicts: refused.body.conflicts,
            },
          },
        },
      },
    ]);
  });
});
