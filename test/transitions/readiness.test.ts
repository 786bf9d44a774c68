import { afterAll, beforeAll } from "vitest";
import {
  EVALUATION_TRANSITIONS,
  FOLLOW_UP_TRANSITIONS,
} from "../../src/modules/readiness/readiness.transitions.js";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";
import { describeTransitions } from "../support/transitions.js";

let t: TestApp;
let admin: Agent;
let evaluationId: string;
let actionId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  const evaluation = await t.db
    .selectFrom("evaluation")
    .select(["id"])
    .orderBy("id")
    .executeTakeFirstOrThrow();
  evaluationId = evaluation.id;
  const unit = await t.db.selectFrom("organisation").select("id").orderBy("id").executeTakeFirstOrThrow();
  const action = await t.db
    .insertInto("followUpAction")
    .values({ evaluationId, title: "Transitions", ownerOrganisationId: unit.id, dueOn: "2040-01-31" })
    .returning("id")
    .executeTakeFirstOrThrow();
  actionId = action.id;
});
afterAll(() => t.close());

const evaluationUrl = (id: string) => `/api/readiness/evaluations/${id}`;

describeTransitions("readiness evaluation", EVALUATION_TRANSITIONS, () => ({
  // Every agreed criterion answered, so that reporting is refused (or not) for its state alone.
  place: async (state) => {
    await t.db
      .updateTable("evaluationAnswer")
      .set({ answer: "yes" })
      .where("evaluationId", "=", evaluationId)
      .execute();
    await t.db
      .updateTable("evaluation")
      .set({ state, outcome: null, summaryStatement: null, reportedAt: null })
      .where("id", "=", evaluationId)
      .execute();
    return evaluationId;
  },
  move: (id, state) =>
    state === "reported"
      ? admin.post(`${evaluationUrl(id)}/report`, { meetsStandards: true, summaryStatement: "Meets them." })
      : admin.patch(evaluationUrl(id), { state }),
  read: async (id) => (await admin.get(evaluationUrl(id))).body.state,
  allowed: async (id) => (await admin.get(evaluationUrl(id))).body.allowedTransitions,
}));

const actionOf = async (id: string) => {
  const results = await admin.get(`${evaluationUrl(evaluationId)}/results`);
  return results.body.actions.find((a: { id: string }) => a.id === id);
};

describeTransitions("follow-up action", FOLLOW_UP_TRANSITIONS, () => ({
  place: async (status) => {
    await t.db.updateTable("followUpAction").set({ status }).where("id", "=", actionId).execute();
    return actionId;
  },
  move: (id, status) => admin.patch(`${evaluationUrl(evaluationId)}/actions/${id}`, { status }),
  read: async (id) => (await actionOf(id)).status,
  allowed: async (id) => (await actionOf(id)).allowedTransitions,
}));
