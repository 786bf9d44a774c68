import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let azeCoordinator: Agent;
let geoCoordinator: Agent;
let mehmetId: string;
let evaluatorId: string;

interface Item {
  title: string;
  teamRole: string | null;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geoCoordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
  mehmetId = (
    await t.db
      .selectFrom("person")
      .select("id")
      .where(sql<boolean>`lower(email) = 'm.yilmaz@example.tr'`)
      .executeTakeFirstOrThrow()
  ).id;
  evaluatorId = (
    await t.db
      .selectFrom("evaluationTeamMember")
      .select("personId")
      .where("role", "=", "evaluator")
      .orderBy("personId")
      .executeTakeFirstOrThrow()
  ).personId;
});
afterAll(() => t.close());

const teamsOf = (agent: Agent, personId: string) =>
  agent.get<{ total: number; items: Item[] }>(`/api/readiness/evaluations?personId=${personId}&limit=100`);

describe("a person's roles on evaluation teams", () => {
  it("lists each evaluation the person serves on with their role, for a viewer who may read it", async () => {
    const lead = await teamsOf(azeCoordinator, mehmetId);
    expect(lead.status).toBe(200);
    expect(lead.body.total).toBe(2);
    expect(lead.body.items.map((item) => item.teamRole)).toEqual(["lead", "lead"]);
    const member = await teamsOf(azeCoordinator, evaluatorId);
    expect(member.body.total).toBeGreaterThan(0);
    expect(new Set(member.body.items.map((item) => item.teamRole))).toEqual(new Set(["evaluator"]));
  });

  it("leaves out evaluations the viewer may not read, in the count too", async () => {
    const hidden = await teamsOf(geoCoordinator, mehmetId);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ total: 0, items: [] });
  });

  it("answers no role when the list is not filtered by a person", async () => {
    const all = await azeCoordinator.get<{ items: Item[] }>("/api/readiness/evaluations?limit=100");
    expect(all.body.items.length).toBeGreaterThan(0);
    expect(all.body.items.every((item) => item.teamRole === null)).toBe(true);
  });
});
