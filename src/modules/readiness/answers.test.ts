import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { certifiedPeople } from "../training/index.js";

let t: TestApp;
let coordinator: Agent;
let evaluator: Agent;
let evaluationId: string;
let criteria: { id: string; code: string }[];
const answerUrl = (criterionId: string) =>
  `/api/readiness/evaluations/${evaluationId}/answers/${criterionId}`;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  const admin = await t.signIn({ role: "administrator" });
  coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  const checklist = await admin.post("/api/readiness/checklists", {
    code: "TEST-ANSWERS",
    title: "Answers checklist",
    areas: [
      {
        code: "A",
        title: "Area A",
        criteria: [
          { code: "A1", text: "Criterion A1" },
          { code: "A2", text: "Criterion A2" },
        ],
      },
    ],
  });
  expect(checklist.status, JSON.stringify(checklist.body)).toBe(201);
  const planned = await coordinator.post("/api/readiness/evaluations", {
    unitId: await t.organisationId("AZE-LF-IC1"),
    kind: "alliance_evaluation_l1",
    title: "Answers evaluation",
    checklistVersionId: checklist.body.versions[0].id,
    startsOn: "2029-03-05",
    endsOn: "2029-03-09",
  });
  expect(planned.status, JSON.stringify(planned.body)).toBe(201);
  evaluationId = planned.body.id;
  const certified = await certifiedPeople(t.db, "CREVAL-EVALUATOR", "2029-03-05");
  const person = certified.find((p) => p.nationCode !== "AZE" && (p.validUntil ?? "9999") >= "2029-03-09");
  expect(person).toBeDefined();
  const team = await coordinator.post(`/api/readiness/evaluations/${evaluationId}/team`, {
    personId: person!.personId,
  });
  expect(team.status, JSON.stringify(team.body)).toBe(201);
  await t.db
    .updateTable("appUser")
    .set({ personId: null })
    .where("personId", "=", person!.personId)
    .execute();
  evaluator = await t.signIn({ role: "evaluator", organisation: "TUR-TGS" });
  await t.db
    .updateTable("appUser")
    .set({ personId: person!.personId })
    .where("id", "=", evaluator.userId!)
    .execute();
  const list = await evaluator.get(`/api/readiness/evaluations/${evaluationId}/checklist`);
  criteria = list.body.areas[0].criteria;
  expect(criteria.map((c) => c.code)).toEqual(["A1", "A2"]);
}, 120_000);
afterAll(() => t.close());

const stored = (criterionId: string) =>
  t.db
    .selectFrom("evaluationAnswer")
    .select(["answer", "comment", "evidence", "version"])
    .where("evaluationId", "=", evaluationId)
    .where("criterionId", "=", criterionId)
    .executeTakeFirstOrThrow();

describe("answers before the evaluation starts", () => {
  it("are refused with the day answering opens, and nothing is stored", async () => {
    const checklist = await evaluator.get(`/api/readiness/evaluations/${evaluationId}/checklist`);
    expect(checklist.body).toMatchObject({ editable: true, opensOn: "2029-03-05" });
    const early = await evaluator.patch(answerUrl(criteria[0]!.id), {
      answer: "yes",
      comment: "Too early",
      version: 0,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("INVALID_STATE");
    expect(early.body.message).toContain("Answering opens on 2029-03-05");
    expect(await stored(criteria[0]!.id)).toEqual({
      answer: null,
      comment: null,
      evidence: null,
      version: 0,
    });
  });
});

describe("answers from the first day", () => {
  beforeAll(async () => {
    // The calendar reaches the evaluation: it starts today.
    await t.db
      .updateTable("evaluation")
      .set({ startsOn: sql<string>`current_date` })
      .where("id", "=", evaluationId)
      .execute();
  });

  it("store the comment and the evidence with the answer, and the checklist shows them", async () => {
    const reply = await evaluator.patch(answerUrl(criteria[0]!.id), {
      answer: "no",
      comment: "The night shift was not manned",
      evidence: "Duty roster of 5 March, page 2",
      version: 0,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({
      answer: "no",
      comment: "The night shift was not manned",
      evidence: "Duty roster of 5 March, page 2",
      version: 1,
    });
    expect(await stored(criteria[0]!.id)).toEqual({
      answer: "no",
      comment: "The night shift was not manned",
      evidence: "Duty roster of 5 March, page 2",
      version: 1,
    });
    // Only the evidence changes: the comment and the answer stay.
    const evidenceOnly = await evaluator.patch(answerUrl(criteria[0]!.id), {
      answer: "no",
      evidence: "Duty roster of 5 March, pages 2-3",
      version: 1,
    });
    expect(evidenceOnly.status).toBe(200);
    const checklist = await coordinator.get(`/api/readiness/evaluations/${evaluationId}/checklist`);
    expect(checklist.body.areas[0].criteria[0]).toMatchObject({
      code: "A1",
      answer: "no",
      comment: "The night shift was not manned",
      evidence: "Duty roster of 5 March, pages 2-3",
      version: 2,
    });
  });

  it("refuses evidence longer than 4000 characters, naming the field", async () => {
    const reply = await evaluator.patch(answerUrl(criteria[1]!.id), {
      answer: "yes",
      evidence: "x".repeat(4001),
      version: 0,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.fields.map((f: { field: string }) => f.field)).toContain("body.evidence");
  });

  it("exports the answers with comment and evidence, formulas neutralised", async () => {
    const formula = await evaluator.patch(answerUrl(criteria[1]!.id), {
      answer: "yes",
      comment: '=HYPERLINK("http://evil.example")',
      version: 0,
    });
    expect(formula.status).toBe(200);
    const csv = await coordinator.get(`/api/readiness/evaluations/${evaluationId}/results/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Area,Criterion,Text,Critical,Answer,Comment,Evidence,Answered by,Answered at");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      'A1,Criterion A1,no,no,The night shift was not manned,"Duty roster of 5 March, pages 2-3"',
    );
    expect(lines[2]).toContain(`'=HYPERLINK(""http://evil.example"")`);
    const xlsx = await coordinator.get(
      `/api/readiness/evaluations/${evaluationId}/results/export?format=xlsx&lang=ru`,
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const outsider = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    const hidden = await outsider.get(`/api/readiness/evaluations/${evaluationId}/results/export`);
    expect(hidden.status).toBe(404);
  });
});
