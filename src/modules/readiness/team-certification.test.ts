import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

/**
 * Issue 16, finding 5: an evaluator whose certificate is revoked after the assignment is flagged on the team
 * (`certified: false`), the change is audited, and the evaluation's organisers get a notice, in the revocation's
 * own transaction.
 */
let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let otherCoordinator: Agent;
let unitId: string;
let checklistVersionId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  otherCoordinator = await t.signIn({ role: "national_coordinator", nation: "KAZ" });
  unitId = await t.organisationId("AZE-LF-IC1");
  checklistVersionId = (
    await t.db.selectFrom("checklistVersion").select("id").limit(1).executeTakeFirstOrThrow()
  ).id;
}, 120_000);
afterAll(() => t?.close());

async function evaluationWithMember(startsOn: string, endsOn: string) {
  const created = await azeCoordinator.post("/api/readiness/evaluations", {
    unitId,
    kind: "alliance_evaluation_l1",
    title: "Certification re-check",
    checklistVersionId,
    startsOn,
    endsOn,
  });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  const eligible = await azeCoordinator.get(`/api/readiness/evaluations/${id}/eligible-evaluators?limit=1`);
  expect(eligible.body.items, eligible.text).toHaveLength(1);
  const personId = eligible.body.items[0].personId as string;
  const added = await azeCoordinator.post(`/api/readiness/evaluations/${id}/team`, { personId });
  expect(added.status, added.text).toBe(201);
  return { id, personId, memberId: added.body.team[0].id as string };
}

const liveEvaluatorCertificates = (personId: string) =>
  t.db
    .selectFrom("certificate")
    .select("id")
    .where("personId", "=", personId)
    .where("qualificationCode", "=", "CREVAL-EVALUATOR")
    .where("revokedAt", "is", null)
    .execute();

const uncertifiedNotices = async (agent: Agent, evaluationId: string) => {
  const page = await agent.get("/api/notifications?kind=evaluation.team_uncertified&limit=100");
  expect(page.status, page.text).toBe(200);
  return (page.body.items as { recordId: string; title: string }[]).filter(
    (n) => n.recordId === evaluationId,
  );
};

describe("a team member's certification", () => {
  it("is re-checked when the certificate is revoked: flagged, audited, and the organiser told", async () => {
    const evaluation = await evaluationWithMember("2027-05-10", "2027-05-14");
    const before = await azeCoordinator.get(`/api/readiness/evaluations/${evaluation.id}`);
    expect(before.body.team).toEqual([expect.objectContaining({ id: evaluation.memberId, certified: true })]);

    const certificates = await liveEvaluatorCertificates(evaluation.personId);
    expect(certificates.length).toBeGreaterThan(0);
    // loop runs: at least one live certificate, asserted just above
    for (const certificate of certificates) {
      const revoked = await admin.post(`/api/training/certificates/${certificate.id}/revoke`, {
        reason: "Assessment found irregular",
      });
      expect(revoked.status, revoked.text).toBe(200);
    }

    const after = await azeCoordinator.get(`/api/readiness/evaluations/${evaluation.id}`);
    expect(after.body.team).toEqual([expect.objectContaining({ id: evaluation.memberId, certified: false })]);
    // The member stays on the team: replacing them is the organiser's decision.
    expect(after.body.team).toHaveLength(1);

    const notices = await uncertifiedNotices(azeCoordinator, evaluation.id);
    expect(notices).toHaveLength(1);
    expect(await uncertifiedNotices(otherCoordinator, evaluation.id)).toEqual([]);

    const audit = await t.db
      .selectFrom("auditEntry")
      .select(["action", "recordId"])
      .where("action", "=", "evaluation.team.uncertified")
      .where("recordId", "=", evaluation.memberId)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("stays certified when the certificate is re-issued, and tells nobody", async () => {
    const evaluation = await evaluationWithMember("2027-06-07", "2027-06-11");
    const [certificate] = await liveEvaluatorCertificates(evaluation.personId);
    expect(certificate).toBeDefined();
    const reissued = await admin.post(`/api/training/certificates/${certificate!.id}/reissue`, {
      reason: "Name corrected",
    });
    expect(reissued.status, reissued.text).toBe(201);
    const after = await azeCoordinator.get(`/api/readiness/evaluations/${evaluation.id}`);
    expect(after.body.team).toEqual([expect.objectContaining({ certified: true })]);
    expect(await uncertifiedNotices(azeCoordinator, evaluation.id)).toEqual([]);
  });
});
