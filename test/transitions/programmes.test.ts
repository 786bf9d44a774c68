import { afterAll, beforeAll } from "vitest";
import {
  GOAL_TRANSITIONS,
  PLAN_ACTION_TRANSITIONS,
  PROGRAMME_TRANSITIONS,
} from "../../src/modules/programmes/programmes.transitions.js";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";
import { describeTransitions } from "../support/transitions.js";

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let ids: { objective: string; action: string; programme: string; goal: string };

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  const aze = await t.nationId("AZE");
  const plans = await admin.get(`/api/plans?nationId=${aze}`);
  const plan = plans.body.items.find((p: { code: string }) => p.code === "AZE-IPAP");
  const objective = await admin.post(`/api/plans/${plan.id}/objectives`, {
    code: "TRANSITIONS-1",
    areaCode: "logistics",
    title: "Transitions",
  });
  const withAction = await admin.post(`/api/plan-objectives/${objective.body.id}/actions`, {
    title: "An action",
  });
  const programme = await admin.post("/api/annual-programmes", {
    nationId: aze,
    firstYear: 2040,
    title: "P",
  });
  const goal = await admin.post("/api/partnership-goals", {
    nationId: aze,
    code: "PG-TRANSITIONS",
    title: "A goal",
    areaCode: "logistics",
    agreedYear: 2024,
  });
  ids = {
    objective: objective.body.id,
    action: withAction.body.actions?.[0]?.id,
    programme: programme.body.id,
    goal: goal.body.id,
  };
  if (Object.values(ids).some((id) => !id)) throw new Error(`fixture not created: ${JSON.stringify(ids)}`);
});
afterAll(() => t.close());

const actionOf = async (id: string) => {
  const objective = await admin.get(`/api/plan-objectives/${ids.objective}`);
  return objective.body.actions.find((a: { id: string }) => a.id === id);
};

describeTransitions("plan action", PLAN_ACTION_TRANSITIONS, () => ({
  place: async (status) => {
    const done = status === "done";
    await t.db
      .updateTable("planAction")
      .set({ status, progress: done ? 100 : 0, completedOn: done ? "2030-01-01" : null })
      .where("id", "=", ids.action)
      .execute();
    return ids.action;
  },
  move: (id, status) => admin.patch(`/api/plan-actions/${id}`, { status }),
  read: async (id) => (await actionOf(id)).status,
  allowed: async (id) => (await actionOf(id)).allowedTransitions,
}));

describeTransitions("annual programme", PROGRAMME_TRANSITIONS, () => ({
  place: async (status) => {
    await t.db.updateTable("annualProgramme").set({ status }).where("id", "=", ids.programme).execute();
    return ids.programme;
  },
  // Decisions by both sides: the partner's coordinator submits; alliance staff (here the administrator) agree,
  // return to draft with a reason, or close.
  move: (id, status) =>
    status === "submitted"
      ? azeCoordinator.patch(`/api/annual-programmes/${id}`, { status })
      : admin.patch(`/api/annual-programmes/${id}`, {
          status,
          ...(status === "draft" ? { reason: "Returned by the transition test" } : {}),
        }),
  read: async (id) => (await admin.get(`/api/annual-programmes/${id}`)).body.status,
  allowed: async (id) => (await admin.get(`/api/annual-programmes/${id}`)).body.allowedTransitions,
}));

describeTransitions("partnership goal", GOAL_TRANSITIONS, () => ({
  place: async (status) => {
    await t.db
      .updateTable("partnershipGoal")
      .set({
        status,
        partnerAgreedBy: null,
        partnerAgreedAt: null,
        allianceAgreedBy: null,
        allianceAgreedAt: null,
      })
      .where("id", "=", ids.goal)
      .execute();
    return ids.goal;
  },
  // Agreed by both sides (the generic update refuses it): the partner's coordinator, then alliance staff (here
  // the administrator); the second agreement makes the goal agreed. From any other state the first is refused.
  move: async (id, status) => {
    if (status !== "agreed") return admin.patch(`/api/partnership-goals/${id}`, { status });
    const partner = await azeCoordinator.post(`/api/partnership-goals/${id}/agreements/partner`);
    return partner.status >= 300 ? partner : admin.post(`/api/partnership-goals/${id}/agreements/alliance`);
  },
  read: async (id) => (await admin.get(`/api/partnership-goals/${id}`)).body.status,
  allowed: async (id) => (await admin.get(`/api/partnership-goals/${id}`)).body.allowedTransitions,
}));
