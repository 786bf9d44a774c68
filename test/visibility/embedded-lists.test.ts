import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";

/**
 * Issue 16, finding 2: people and records a viewer may not see must not leak through the lists embedded in other
 * answers (pick lists, teams, counts, nominations, links). Each test makes one record restricted behind the API
 * and reads the embedding answer as a viewer outside its scope: only the visibility filter keeps it out.
 */
let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let unitId: string;
let checklistVersionId: string;
/** A certified evaluator of another nation, restricted to that nation: the AZE coordinator may not see them. */
let hidden: { id: string; nationId: string };

const EVALUATOR_QUALIFICATION = "CREVAL-EVALUATOR";
const STARTS_ON = "2027-03-01";
const ENDS_ON = "2027-03-05";

/** Makes a person visible only inside their own nation (restricted, no release lists, no owning organisation). */
const restrictToOwnNation = (personId: string) =>
  sql`update person set releasability = 'restricted', owner_nation_id = nation_id, owner_organisation_id = null,
        release_nations = '{}', release_organisations = '{}' where id = ${personId}`.execute(t.db);

async function plannedEvaluation(title: string) {
  const reply = await azeCoordinator.post("/api/readiness/evaluations", {
    unitId,
    kind: "alliance_evaluation_l1",
    title,
    checklistVersionId,
    startsOn: STARTS_ON,
    endsOn: ENDS_ON,
  });
  expect(reply.status, reply.text).toBe(201);
  return reply.body.id as string;
}

const without = (body: Record<string, unknown>) => {
  const { requestId: _r, ...rest } = body;
  return rest;
};

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  unitId = await t.organisationId("AZE-LF-IC1");
  checklistVersionId = (
    await t.db.selectFrom("checklistVersion").select("id").limit(1).executeTakeFirstOrThrow()
  ).id;
  // The administrator's pick list for an evaluation of the AZE unit: certified, foreign, free at the dates.
  const probe = await plannedEvaluation("Probe");
  const eligible = await admin.get(`/api/readiness/evaluations/${probe}/eligible-evaluators?limit=100`);
  expect(eligible.status, eligible.text).toBe(200);
  const items = eligible.body.items as { personId: string; nationCode: string }[];
  expect(items.length).toBeGreaterThan(1);
  const pick = items.find((p) => p.nationCode === "GEO") ?? items[0]!;
  const person = await t.db
    .selectFrom("person")
    .select(["id", "nationId"])
    .where("id", "=", pick.personId)
    .executeTakeFirstOrThrow();
  hidden = person;
  await restrictToOwnNation(hidden.id);
  // The coordinator may not read the person directly: every embedded list must agree.
  expect((await azeCoordinator.get(`/api/people/${hidden.id}`)).status).toBe(404);
}, 180_000);
afterAll(() => t?.close());

describe("the evaluation team", () => {
  it("offers as eligible evaluators only people the planner may see, with a total that agrees", async () => {
    const evaluation = await plannedEvaluation("Eligible list");
    const seen = await azeCoordinator.get(
      `/api/readiness/evaluations/${evaluation}/eligible-evaluators?limit=100`,
    );
    expect(seen.status, seen.text).toBe(200);
    const ids = (seen.body.items as { personId: string }[]).map((p) => p.personId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(hidden.id);
    expect(seen.body.total).toBe(ids.length);
    // An administrator still sees them: the filter is the viewer's, not a change of the data.
    const all = await admin.get(`/api/readiness/evaluations/${evaluation}/eligible-evaluators?limit=100`);
    expect((all.body.items as { personId: string }[]).map((p) => p.personId)).toContain(hidden.id);
  });

  it("refuses a hidden person by id exactly like an id that does not exist", async () => {
    const evaluation = await plannedEvaluation("Hidden member");
    const refused = await azeCoordinator.post(`/api/readiness/evaluations/${evaluation}/team`, {
      personId: hidden.id,
    });
    const random = await azeCoordinator.post(`/api/readiness/evaluations/${evaluation}/team`, {
      personId: randomUUID(),
    });
    expect(refused.status, refused.text).toBe(422);
    expect(random.status, random.text).toBe(422);
    expect(without(refused.body)).toEqual(without(random.body));
    expect(refused.body.fields).toEqual([{ field: "body.personId", message: "does not exist" }]);
    const team = (await admin.get(`/api/readiness/evaluations/${evaluation}`)).body.team;
    expect(team).toEqual([]);
  });

  it("names only the members the reader may see", async () => {
    const evaluation = await plannedEvaluation("Team names");
    const added = await admin.post(`/api/readiness/evaluations/${evaluation}/team`, { personId: hidden.id });
    expect(added.status, added.text).toBe(201);
    const byAdmin = (await admin.get(`/api/readiness/evaluations/${evaluation}`)).body.team;
    expect(byAdmin.map((m: { person: { id: string } }) => m.person.id)).toEqual([hidden.id]);
    const read = await azeCoordinator.get(`/api/readiness/evaluations/${evaluation}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.team).toEqual([]);
    expect(read.text).not.toContain(hidden.id);
  });
});

describe("qualification holders", () => {
  it("counts for every role exactly the holders the registry lists to that role", async () => {
    const viewers: [string, Agent][] = [
      ["administrator", admin],
      ["AZE coordinator", azeCoordinator],
      ["AZE participant", await t.signIn({ role: "participant", personNation: "AZE" })],
      ["AZE auditor", await t.signIn({ role: "auditor", nation: "AZE" })],
      ["NATO-SCHOOL organiser", await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" })],
      ["GEO coordinator", await t.signIn({ role: "national_coordinator", nation: "GEO" })],
    ];
    const counted: Record<string, Record<string, number>> = {};
    const listed: Record<string, Record<string, number>> = {};
    // loop runs: six viewers listed just above
    for (const [name, agent] of viewers) {
      const qualifications = await agent.get("/api/training/qualifications");
      expect(qualifications.status, qualifications.text).toBe(200);
      counted[name] = {};
      listed[name] = {};
      // loop runs: the evaluator qualification is asserted to be among them below
      for (const q of qualifications.body as { code: string; holders: number }[]) {
        const registry = await agent.get(`/api/training/registry?qualification=${q.code}&limit=100`);
        expect(registry.status, registry.text).toBe(200);
        expect(registry.body.items.length).toBe(Math.min(registry.body.total, 100));
        counted[name]![q.code] = q.holders;
        listed[name]![q.code] = registry.body.total;
      }
      expect(Object.keys(counted[name]!)).toContain(EVALUATOR_QUALIFICATION);
    }
    expect(counted).toEqual(listed);
    // The hidden holder is counted where they may be listed, and only there.
    expect(counted.administrator![EVALUATOR_QUALIFICATION]).toBe(
      counted["AZE coordinator"]![EVALUATOR_QUALIFICATION]! + 1,
    );
  });
});

describe("an event's nominations", () => {
  let eventId: string;
  let colleagueNomination: string;
  let ownNomination: string;
  let participant: Agent;
  let organiser: Agent;

  beforeAll(async () => {
    // An event with a nomination of an AZE person carrying the coordinator's note.
    const row = await t.db
      .selectFrom("nomination as n")
      .innerJoin("nation as na", "na.id", "n.nationId")
      .innerJoin("event as e", "e.id", "n.eventId")
      .innerJoin("activity as a", "a.id", "e.activityId")
      .innerJoin("organisation as o", "o.id", "a.organiserId")
      .select(["n.id", "n.eventId", "o.code as organiserCode"])
      .where("na.code", "=", "AZE")
      .orderBy("n.createdAt")
      .limit(1)
      .executeTakeFirstOrThrow();
    eventId = row.eventId;
    colleagueNomination = row.id;
    await t.db
      .updateTable("nomination")
      .set({ note: "Coordinator: weak English, send anyway" })
      .where("id", "=", row.id)
      .execute();
    participant = await t.signIn({ role: "participant", personNation: "AZE" });
    const me = await t.db
      .selectFrom("appUser")
      .select("personId")
      .where("id", "=", participant.userId!)
      .executeTakeFirstOrThrow();
    const nationId = await t.nationId("AZE");
    ownNomination = (
      await t.db
        .insertInto("nomination")
        .values({
          eventId,
          personId: me.personId!,
          nationId,
          status: "nominated",
          note: "Coordinator: own note",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    organiser = await t.signIn({ role: "organiser", organisation: row.organiserCode });
  });

  it("shows a participant only their own nomination, without the coordinator's note", async () => {
    const list = await participant.get(`/api/nominations?eventId=${eventId}&limit=100`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((n: { id: string }) => n.id)).toEqual([ownNomination]);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].note).toBeNull();
    expect(list.text).not.toContain("Coordinator:");
    expect((await participant.get(`/api/nominations/${colleagueNomination}`)).status).toBe(404);
    const own = await participant.get(`/api/nominations/${ownNomination}`);
    expect(own.status, own.text).toBe(200);
    expect(own.body.note).toBeNull();
  });

  it("shows the note to the nation's coordinator and the organiser", async () => {
    for (const agent of [azeCoordinator, organiser, admin]) {
      const list = await agent.get(`/api/nominations?eventId=${eventId}&limit=100`);
      expect(list.status, list.text).toBe(200);
      const notes = new Map(list.body.items.map((n: { id: string; note: string | null }) => [n.id, n.note]));
      expect(notes.get(colleagueNomination)).toBe("Coordinator: weak English, send anyway");
      expect(notes.get(ownNomination)).toBe("Coordinator: own note");
    }
  });

  it("keeps the note out of a colleague's participation history", async () => {
    const me = await t.db
      .selectFrom("nomination")
      .select("personId")
      .where("id", "=", colleagueNomination)
      .executeTakeFirstOrThrow();
    const history = await participant.get(`/api/people/${me.personId}/participation`);
    expect(history.status, history.text).toBe(200);
    expect(history.body.map((n: { id: string }) => n.id)).toContain(colleagueNomination);
    expect(history.text).not.toContain("Coordinator:");
  });
});

describe("a lesson's follow-up activity", () => {
  it("is named only to readers of the activity", async () => {
    const lessons = await azeCoordinator.get("/api/lessons?limit=1");
    expect(lessons.status, lessons.text).toBe(200);
    expect(lessons.body.items).toHaveLength(1);
    const lessonId = lessons.body.items[0].id as string;
    const geo = await t.nationId("GEO");
    const activity = await t.db
      .selectFrom("activity")
      .select(["id", "code"])
      .where("status", "=", "published")
      .orderBy("code")
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update activity set releasability = 'restricted', owner_nation_id = ${geo}, owner_organisation_id = null,
        release_nations = '{}', release_organisations = '{}' where id = ${activity.id}`.execute(t.db);
    await t.db
      .updateTable("lesson")
      .set({ followUpActivityId: activity.id })
      .where("id", "=", lessonId)
      .execute();
    expect((await azeCoordinator.get(`/api/activities/${activity.id}`)).status).toBe(404);

    const read = await azeCoordinator.get(`/api/lessons/${lessonId}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.followUpActivity).toBeNull();
    expect(read.text).not.toContain(activity.code);
    const listed = await azeCoordinator.get("/api/lessons?limit=100");
    expect(listed.text).not.toContain(activity.code);
    const byAdmin = await admin.get(`/api/lessons/${lessonId}`);
    expect(byAdmin.body.followUpActivity).toMatchObject({ id: activity.id, code: activity.code });
  });
});
