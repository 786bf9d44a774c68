import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { certifiedPeople } from "../training/index.js";

/** The team of a reported evaluation is part of its record: it no longer changes. */
let t: TestApp;
let azeCoordinator: Agent;
let unitId: string;
let certified: string[];
let checklistVersionId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  unitId = await t.organisationId("AZE-LF-IC1");
  checklistVersionId = (
    await t.db.selectFrom("checklistVersion").select("id").limit(1).executeTakeFirstOrThrow()
  ).id;
  // Foreign to the unit, and certified throughout the dates used below: only the state rule can refuse them.
  certified = (await certifiedPeople(t.db, "CREVAL-EVALUATOR", "2027-01-01"))
    .filter((p) => p.nationCode !== "AZE" && (p.validUntil ?? "9999") >= "2028-12-31")
    .map((p) => p.personId);
}, 120_000);
afterAll(() => t.close());

async function plannedEvaluation(startsOn: string, endsOn: string) {
  const reply = await azeCoordinator.post("/api/readiness/evaluations", {
    unitId,
    kind: "alliance_evaluation_l1",
    title: "Team rule test",
    checklistVersionId,
    startsOn,
    endsOn,
  });
  expect(reply.status, reply.text).toBe(201);
  return reply.body.id as string;
}

const addMember = (evaluationId: string, personId: string) =>
  azeCoordinator.post(`/api/readiness/evaluations/${evaluationId}/team`, { personId });

/** Marks the evaluation reported directly: the rule under test is about the team, not about reporting. */
const markReported = (id: string) =>
  sql`update evaluation set state = 'reported', outcome = 'combat_ready', reported_at = now() where id = ${id}`.execute(
    t.db,
  );

describe("the team of a reported evaluation", () => {
  it("takes no new member, though the same person may join a team still being planned", async () => {
    expect(certified.length).toBeGreaterThanOrEqual(3);
    const [lead, late] = certified as [string, string];
    const reported = await plannedEvaluation("2028-05-08", "2028-05-12");
    expect((await addMember(reported, lead)).status).toBe(201);
    await markReported(reported);

    const refused = await addMember(reported, late);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe("The evaluation is reported; its team can no longer change");
    const team = (await azeCoordinator.get(`/api/readiness/evaluations/${reported}`)).body.team;
    expect(team.map((m: { person: { id: string } }) => m.person.id)).toEqual([lead]);

    // The same person passes every other rule: a planned evaluation at the same dates takes them.
    const planned = await plannedEvaluation("2028-05-08", "2028-05-12");
    expect((await addMember(planned, late)).status).toBe(201);
  });

  it("loses no member", async () => {
    const reported = await plannedEvaluation("2028-06-05", "2028-06-09");
    const added = await addMember(reported, certified[2]!);
    expect(added.status, added.text).toBe(201);
    const memberId = added.body.team[0].id as string;
    await markReported(reported);
    const removed = await azeCoordinator.delete(`/api/readiness/evaluations/${reported}/team/${memberId}`);
    expect(removed.status).toBe(409);
    expect(removed.body.message).toBe("The evaluation is reported; its team can no longer change");
    expect((await azeCoordinator.get(`/api/readiness/evaluations/${reported}`)).body.team).toHaveLength(1);
  });
});
