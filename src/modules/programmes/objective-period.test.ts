import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

/** A plan objective's period is one of its own plan's periods: the service says so, and the database holds it. */
let t: TestApp;
let coordinator: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
});
afterAll(() => t.close());

/** A plan of Azerbaijan with its period, and a period (made here) of another plan. */
async function twoPlans() {
  const mine = await t.db
    .selectFrom("planPeriod as p")
    .innerJoin("plan", "plan.id", "p.planId")
    .innerJoin("nation as n", "n.id", "plan.nationId")
    .select(["p.id as periodId", "p.planId"])
    .where("n.code", "=", "AZE")
    .executeTakeFirstOrThrow();
  const other = await t.db
    .selectFrom("plan")
    .select("id")
    .where("id", "<>", mine.planId)
    .executeTakeFirstOrThrow();
  const foreign = await t.db
    .insertInto("planPeriod")
    .values({ planId: other.id, number: 99, label: "X" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { planId: mine.planId, ownPeriodId: mine.periodId, foreignPeriodId: foreign.id };
}

describe("an objective's period", () => {
  it("is refused from another plan, by the API (400 on body.periodId) and by the database", async () => {
    const { planId, ownPeriodId, foreignPeriodId } = await twoPlans();
    const refused = await coordinator.post(`/api/plans/${planId}/objectives`, {
      code: "X-PERIOD-1",
      areaCode: "logistics",
      title: "Attached to the wrong plan's period",
      periodId: foreignPeriodId,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([{ field: "body.periodId", message: "not a period of this plan" }]);

    const direct = t.db
      .insertInto("planObjective")
      .values({
        planId,
        periodId: foreignPeriodId,
        code: "X-PERIOD-2",
        areaCode: "logistics",
        title: "Direct",
      })
      .execute();
    await expect(direct).rejects.toMatchObject({ constraint: "plan_objective_period_of_plan" });

    const own = await coordinator.post(`/api/plans/${planId}/objectives`, {
      code: "X-PERIOD-3",
      areaCode: "logistics",
      title: "In its own plan's period",
      periodId: ownPeriodId,
    });
    expect(own.status, own.text).toBe(201);
  });
});
