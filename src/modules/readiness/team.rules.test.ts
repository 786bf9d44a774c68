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

describe("the team of an evaluation being planned", () => {
  it("takes a person once, as an evaluator unless told, and refuses overlapping teams and unknown people", async () => {
    expect(certified.length).toBeGreaterThanOrEqual(7);
    const person = certified[3]!;
    const first = await plannedEvaluation("2028-07-03", "2028-07-07");
    const added = await addMember(first, person);
    expect(added.status, added.text).toBe(201);
    expect(added.body.team.map((m: { role: string }) => m.role)).toEqual(["evaluator"]);

    const again = await addMember(first, person);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe("The person is already on this team");
    expect(again.body.fields).toEqual([
      { field: "body.personId", message: "The person is already on this team" },
    ]);

    const overlapping = await addMember(await plannedEvaluation("2028-07-06", "2028-07-10"), person);
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.message).toBe(
      "Team rule: a person cannot be in two evaluation teams at overlapping dates",
    );

    const unknown = await addMember(first, "00000000-0000-4000-8000-000000000000");
    expect(unknown.body.fields.map((f: { field: string }) => f.field)).toEqual(["body.personId"]);
  });

  it("tells the new member, naming the unit and the dates, and links the evaluation", async () => {
    const person = certified[4]!;
    const member = await t.signIn({ role: "participant" });
    await t.db.updateTable("appUser").set({ personId: person }).where("id", "=", member.userId).execute();
    const id = await plannedEvaluation("2028-08-07", "2028-08-11");
    expect((await addMember(id, person)).status).toBe(201);
    const unit = await t.db
      .selectFrom("organisation")
      .select("nameEn")
      .where("id", "=", unitId)
      .executeTakeFirstOrThrow();
    const notices = await t.db
      .selectFrom("notification")
      .select(["kind", "title", "link", "recordType"])
      .where("userId", "=", member.userId)
      .where("recordId", "=", id)
      .execute();
    expect(notices).toEqual([
      {
        kind: "evaluation.team_assigned",
        title: `${unit.nameEn} (2028-08-07 – 2028-08-11)`,
        link: `/readiness/evaluations/${id}`,
        recordType: "evaluation",
      },
    ]);
  });

  it("loses a member while planned, and neither takes nor loses one once cancelled", async () => {
    const id = await plannedEvaluation("2028-09-04", "2028-09-08");
    const added = await addMember(id, certified[5]!);
    expect(added.status, added.text).toBe(201);
    const removed = await azeCoordinator.delete(
      `/api/readiness/evaluations/${id}/team/${added.body.team[0].id}`,
    );
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.team).toEqual([]);

    const kept = await addMember(id, certified[5]!);
    expect(kept.status).toBe(201);
    await sql`update evaluation set state = 'cancelled' where id = ${id}`.execute(t.db);
    const refused = await addMember(id, certified[6]!);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe("The evaluation is cancelled; its team can no longer change");
    const notRemoved = await azeCoordinator.delete(
      `/api/readiness/evaluations/${id}/team/${kept.body.team[0].id}`,
    );
    expect(notRemoved.status).toBe(409);
  });
});
