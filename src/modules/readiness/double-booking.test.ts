import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { certifiedPeople } from "../training/index.js";

/**
 * Double booking on an evaluation team (issue 22, item 4): assigning an evaluator already accepted for a catalogue
 * event over the evaluation's dates needs an override with a reason, kept in the audit entry. Two teams at once stay
 * refused by the team rule itself, which no override lifts.
 */
let t: TestApp;
let azeCoordinator: Agent;
let organiser: Agent;
let unitId: string;
let checklistVersionId: string;
let evaluators: { personId: string; nationCode: string }[];
let serial = 0;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  unitId = await t.organisationId("AZE-LF-IC1");
  checklistVersionId = (
    await t.db.selectFrom("checklistVersion").select("id").limit(1).executeTakeFirstOrThrow()
  ).id;
  evaluators = (await certifiedPeople(t.db, "CREVAL-EVALUATOR", "2027-01-01")).filter(
    (p) => p.nationCode !== "AZE" && (p.validUntil ?? "9999") >= "2028-12-31",
  );
}, 120_000);
afterAll(() => t.close());

async function evaluation(startsOn: string, endsOn: string) {
  const reply = await azeCoordinator.post("/api/readiness/evaluations", {
    unitId,
    kind: "alliance_evaluation_l1",
    title: "Double booking test",
    checklistVersionId,
    startsOn,
    endsOn,
  });
  expect(reply.status, reply.text).toBe(201);
  return reply.body.id as string;
}

/** The evaluator accepted for a course of the catalogue over the dates. */
async function acceptedForCourse(
  evaluator: { personId: string; nationCode: string },
  startsOn: string,
  endsOn: string,
) {
  const code = `DBL-R${Date.now() % 100000}-${++serial}`;
  const activity = await organiser.post("/api/activities", {
    code,
    titleEn: `Course ${code}`,
    kind: "course",
    menuYear: 2028,
    organiserId: await t.organisationId("NATO-SCHOOL"),
  });
  expect(activity.status, activity.text).toBe(201);
  await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
  const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
    startsOn,
    endsOn,
    acceptance: "manual",
  });
  expect(event.status, event.text).toBe(201);
  const coordinator = await t.signIn({ role: "national_coordinator", nation: evaluator.nationCode });
  const nomination = await coordinator.post(`/api/events/${event.body.id}/nominations`, {
    personId: evaluator.personId,
  });
  expect(nomination.status, nomination.text).toBe(201);
  const accepted = await organiser.post(`/api/nominations/${nomination.body.id}/decision`, {
    decision: "accept",
  });
  expect(accepted.status, accepted.text).toBe(200);
  return { eventId: event.body.id as string, title: `${code} Course ${code}` };
}

const addMember = (evaluationId: string, body: Record<string, unknown>) =>
  azeCoordinator.post(`/api/readiness/evaluations/${evaluationId}/team`, body);

describe("assigning an evaluator committed elsewhere", () => {
  it("is refused over an accepted course, then taken with an override and its reason, audited", async () => {
    expect(evaluators.length).toBeGreaterThanOrEqual(2);
    const evaluator = evaluators[0]!;
    const course = await acceptedForCourse(evaluator, "2028-03-05", "2028-03-09");
    const id = await evaluation("2028-03-09", "2028-03-16");

    const refused = await addMember(id, { personId: evaluator.personId });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body).toMatchObject({
      code: "DOUBLE_BOOKING",
      conflicts: [
        {
          kind: "course",
          recordType: "event",
          id: course.eventId,
          title: course.title,
          startsOn: "2028-03-05",
          endsOn: "2028-03-09",
        },
      ],
    });
    const bare = await addMember(id, { personId: evaluator.personId, override: true });
    expect(bare.status).toBe(422);
    expect(bare.body.fields[0].field).toBe("body.overrideReason");

    const reason = "Leaves the course on its last morning";
    const taken = await addMember(id, {
      personId: evaluator.personId,
      override: true,
      overrideReason: reason,
    });
    expect(taken.status, taken.text).toBe(201);
    const audited = await t.db
      .selectFrom("auditEntry")
      .select("diff")
      .where("action", "=", "evaluation.team.add")
      .where("recordId", "=", taken.body.team[0].id)
      .executeTakeFirstOrThrow();
    expect(audited.diff).toMatchObject({
      detail: { doubleBooking: { reason, conflicts: [{ id: course.eventId }] } },
    });
  });

  it("takes an evaluator whose course ends the day before; a second team at once stays refused by its own rule", async () => {
    const evaluator = evaluators[1]!;
    await acceptedForCourse(evaluator, "2028-05-01", "2028-05-06");
    const first = await evaluation("2028-05-07", "2028-05-10");
    expect((await addMember(first, { personId: evaluator.personId })).status).toBe(201);
    const second = await evaluation("2028-05-10", "2028-05-12");
    const refused = await addMember(second, {
      personId: evaluator.personId,
      override: true,
      overrideReason: "Both",
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).not.toBe("DOUBLE_BOOKING");
    expect(refused.body.message).toContain("two evaluation teams at overlapping dates");
  });
});
