import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPdf, squash } from "../../../test/support/pdf.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let evaluationId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  const list = await admin.get("/api/readiness/evaluations?state=reported&limit=100");
  const reported = list.body.items.find(
    (e: { outcome: string | null; unitNation: { code: string } | null }) =>
      e.outcome === "combat_ready" && e.unitNation?.code === "AZE",
  );
  evaluationId = reported.id;
  const results = await admin.get(`/api/readiness/evaluations/${evaluationId}/results`);
  await t.db
    .insertInto("evaluationFinding")
    .values([
      {
        evaluationId,
        areaId: results.body.areas[0].areaId,
        kind: "finding",
        text: "Radio procedures differed between the companies: rabitə qaydaları fərqlidir.",
      },
      {
        evaluationId,
        areaId: null,
        kind: "recommendation",
        text: "Провести совместную тренировку связистов до повторной оценки.",
      },
    ])
    .execute();
});
afterAll(() => t.close());

describe("the evaluation report (PDF)", () => {
  it("prints the outcome, results by area, findings, recommendations and actions", async () => {
    const results = (await admin.get(`/api/readiness/evaluations/${evaluationId}/results`)).body;
    const detail = (await admin.get(`/api/readiness/evaluations/${evaluationId}`)).body;
    const pdf = await getPdf(admin, `/api/readiness/evaluations/${evaluationId}/report.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe("application/pdf");
    expect(results.areas.length).toBeGreaterThan(1);
    expect(results.findings.length).toBeGreaterThan(2);
    expect(results.actions.length).toBeGreaterThan(0);
    const text = squash(pdf.text);
    expect(text).toContain(`Evaluation report: ${detail.title}`);
    expect(text).toContain("Outcome Combat ready");
    expect(text).toContain("Results by area");
    for (const area of results.areas) expect(text).toContain(`${area.code} ${area.title}`);
    expect(text).toContain("rabitə qaydaları fərqlidir");
    expect(text).toContain("Провести совместную тренировку связистов");
    for (const finding of results.findings) expect(text).toContain(squash(finding.text).slice(0, 40));
    for (const action of results.actions) expect(text).toContain(squash(action.title).slice(0, 40));
    expect(text).toContain("Yılmaz");
    expect(text).toMatch(/Page 1 of \d/);
  });

  it("is written in Azerbaijani and in Russian", async () => {
    const az = squash(
      (await getPdf(admin, `/api/readiness/evaluations/${evaluationId}/report.pdf?lang=az`)).text,
    );
    expect(az).toContain("Qiymətləndirmə hesabatı");
    expect(az).toContain("Döyüşə hazırdır");
    expect(az).toContain("Sahələr üzrə nəticələr");
    expect(az).toContain("Tövsiyələr");
    const ru = squash(
      (await getPdf(admin, `/api/readiness/evaluations/${evaluationId}/report.pdf?lang=ru`)).text,
    );
    expect(ru).toContain("Отчёт об оценке");
    expect(ru).toContain("Боеготово");
    expect(ru).toContain("Результаты по областям");
    expect(ru).toContain("Страница 1 из");
  });

  it("answers 401 to the signed-out and 404 to those who may not see the evaluation, as the JSON read does", async () => {
    expect((await getPdf(t.anonymous, `/api/readiness/evaluations/${evaluationId}/report.pdf`)).status).toBe(
      401,
    );
    const georgian = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    expect((await georgian.get(`/api/readiness/evaluations/${evaluationId}`)).status).toBe(404);
    const hidden = await getPdf(georgian, `/api/readiness/evaluations/${evaluationId}/report.pdf`);
    expect(hidden.status).toBe(404);
    expect(hidden.body?.code).toBe("NOT_FOUND");
    const azerbaijani = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const shown = await getPdf(azerbaijani, `/api/readiness/evaluations/${evaluationId}/report.pdf?lang=en`);
    expect(shown.status).toBe(200);
    expect(squash(shown.text)).toMatch(/RESTRICTED — releasable to [A-Z, -]*AZE/);
  });
});
