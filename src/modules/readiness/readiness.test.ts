import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startsToday } from "../../../test/support/evaluations.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { certifiedPeople } from "../training/index.js";
import { seedReadiness } from "./index.js";

let t: TestApp;
let admin: Agent;
let azeCoordinator: Agent;
let unitId: string;
let certifiedForeign: { personId: string; nationCode: string }[];
let certifiedAze: { personId: string }[];

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  azeCoordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  unitId = await t.organisationId("AZE-LF-IC1");
  const certified = await certifiedPeople(t.db, "CREVAL-EVALUATOR", "2027-01-01");
  certifiedForeign = certified.filter(
    (p) => p.nationCode !== "AZE" && (p.validUntil ?? "9999") >= "2028-12-31",
  );
  certifiedAze = certified.filter((p) => p.nationCode === "AZE");
}, 120_000);
afterAll(() => t.close());

/** An evaluator account whose person is the given (certified) person. */
async function evaluatorAs(personId: string) {
  // A person links to one account at most: an earlier test of this file may have linked this one already.
  await t.db.updateTable("appUser").set({ personId: null }).where("personId", "=", personId).execute();
  const agent = await t.signIn({ role: "evaluator", organisation: "TUR-TGS" });
  await t.db.updateTable("appUser").set({ personId }).where("id", "=", agent.userId!).execute();
  return agent;
}

let checklistCounter = 0;
async function newChecklist(
  areas: { code: string; title: string; criteria: { code: string; text: string; critical?: boolean }[] }[],
) {
  const reply = await admin.post("/api/readiness/checklists", {
    code: `TEST-CL-${++checklistCounter}`,
    title: `Test checklist ${checklistCounter}`,
    areas,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; versions: { id: string; version: number }[] };
}

async function plan(agent: Agent, body: Record<string, unknown>) {
  return agent.post("/api/readiness/evaluations", {
    unitId,
    kind: "alliance_evaluation_l1",
    title: "Test evaluation",
    ...body,
  });
}

const smallChecklist = () =>
  newChecklist([
    {
      code: "A",
      title: "Area A",
      criteria: [
        { code: "A1", text: "Criterion A1", critical: true },
        { code: "A2", text: "Criterion A2" },
        { code: "A3", text: "Criterion A3" },
        { code: "A4", text: "Criterion A4" },
        { code: "A5", text: "Criterion A5" },
      ],
    },
    {
      code: "B",
      title: "Area B",
      criteria: [
        { code: "B1", text: "Criterion B1" },
        { code: "B2", text: "Criterion B2" },
        { code: "B3", text: "Criterion B3" },
      ],
    },
  ]);

function multipart(filename: string, contentType: string, content: Buffer | string) {
  const boundary = `----accord${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  agent: Agent,
  url: string,
  filename: string,
  contentType: string,
  content: Buffer | string,
) {
  const body = multipart(filename, contentType, content);
  const response = await t.app.inject({
    method: "POST",
    url,
    headers: {
      cookie: agent.cookie!,
      "x-csrf-token": agent.csrfToken!,
      "content-type": body.contentType,
    },
    payload: body.payload,
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

describe("demo data", () => {
  it("declares a partner unit to the force pool and reports a level 1 evaluation of over 100 criteria", async () => {
    const unit = await admin.get(`/api/readiness/units/${unitId}`);
    expect(unit.status).toBe(200);
    expect(unit.body.nation.code).toBe("AZE");
    expect(unit.body.size).toBe("company");
    expect(unit.body.declarations[0].poolName).toBe("Operational Capabilities Concept pool of forces");

    const list = await admin.get(`/api/readiness/evaluations?unitId=${unitId}`);
    const first = list.body.items.find(
      (e: { previousEvaluationId: string | null }) => !e.previousEvaluationId,
    );
    expect(first.kind).toBe("alliance_evaluation_l1");
    expect(first.criteria).toBeGreaterThanOrEqual(100);
    expect(first.answered).toBe(first.criteria);

    const detail = await admin.get(`/api/readiness/evaluations/${first.id}`);
    expect(detail.body.team.length).toBeGreaterThanOrEqual(2);
    expect(
      detail.body.team.every((m: { person: { nationCode: string } }) => m.person.nationCode !== "AZE"),
    ).toBe(true);
    expect(detail.body.team.map((m: { person: { familyName: string } }) => m.person.familyName)).toContain(
      "Yılmaz",
    );
    expect(detail.body.reEvaluations).toHaveLength(1);

    const results = await admin.get(`/api/readiness/evaluations/${first.id}/results`);
    expect(results.body.outcome).toBe("combat_ready");
    expect(results.body.computedOutcome).toBe(results.body.outcome);
    expect(results.body.areas).toHaveLength(8);
    expect(results.body.findings.length).toBeGreaterThanOrEqual(2);
    expect(results.body.actions.length).toBeGreaterThanOrEqual(1);
  });

  it("seeds idempotently", async () => {
    const before = await t.db
      .selectFrom("evaluation")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    await seedReadiness(t.db);
    const after = await t.db
      .selectFrom("evaluation")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe("team rules", () => {
  let versionId: string;
  beforeAll(async () => {
    versionId = (await smallChecklist()).versions[0]!.id;
  });

  it("refuses an evaluator of the unit's own nation, naming the rule", async () => {
    const evaluation = await plan(azeCoordinator, {
      checklistVersionId: versionId,
      startsOn: "2027-09-06",
      endsOn: "2027-09-17",
    });
    expect(evaluation.status, JSON.stringify(evaluation.body)).toBe(201);
    const reply = await azeCoordinator.post(`/api/readiness/evaluations/${evaluation.body.id}/team`, {
      personId: certifiedAze[0]!.personId,
    });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe("CONFLICT");
    expect(reply.body.message).toBe(
      "Team rule: an evaluator may not evaluate a unit of their own nation (AZE)",
    );
    expect(reply.body.fields[0].field).toBe("body.personId");
  });

  it("refuses a person without a certification valid throughout the evaluation", async () => {
    const person = await t.db
      .insertInto("person")
      .values({
        givenName: "Uncertified",
        familyName: "Officer",
        nationId: await t.nationId("TUR"),
        ownerNationId: await t.nationId("TUR"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const evaluation = await plan(azeCoordinator, {
      checklistVersionId: versionId,
      startsOn: "2027-10-04",
      endsOn: "2027-10-08",
    });
    const reply = await azeCoordinator.post(`/api/readiness/evaluations/${evaluation.body.id}/team`, {
      personId: person.id,
    });
    expect(reply.status).toBe(409);
    expect(reply.body.message).toMatch(
      /^Team rule: the evaluator must hold a CREVAL-EVALUATOR certification valid throughout/,
    );

    // A certified graduate whose certificate expires during the evaluation is refused too.
    const [graduate] = certifiedForeign;
    const cert = await t.db
      .selectFrom("certificate")
      .select("validUntil")
      .where("personId", "=", graduate!.personId)
      .where("revokedAt", "is", null)
      .executeTakeFirstOrThrow();
    const late = await plan(azeCoordinator, {
      checklistVersionId: versionId,
      startsOn: cert.validUntil!,
      endsOn: `${Number(cert.validUntil!.slice(0, 4)) + 1}${cert.validUntil!.slice(4)}`,
    });
    const refused = await azeCoordinator.post(`/api/readiness/evaluations/${late.body.id}/team`, {
      personId: graduate!.personId,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/certification valid throughout/);
  });

  it("refuses a person already on a team at overlapping dates, also when two assignments race", async () => {
    const [a, b] = await Promise.all([
      plan(azeCoordinator, { checklistVersionId: versionId, startsOn: "2028-03-06", endsOn: "2028-03-17" }),
      plan(azeCoordinator, { checklistVersionId: versionId, startsOn: "2028-03-15", endsOn: "2028-03-24" }),
    ]);
    const personId = certifiedForeign[3]!.personId;
    const first = await azeCoordinator.post(`/api/readiness/evaluations/${a.body.id}/team`, { personId });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.team.map((m: { person: { id: string } }) => m.person.id)).toEqual([personId]);
    const second = await azeCoordinator.post(`/api/readiness/evaluations/${b.body.id}/team`, { personId });
    expect(second.status).toBe(409);
    expect(second.body.message).toBe(
      "Team rule: a person cannot be in two evaluation teams at overlapping dates",
    );

    const racer = certifiedForeign[4]!.personId;
    const raced = await Promise.all([
      azeCoordinator.post(`/api/readiness/evaluations/${a.body.id}/team`, { personId: racer }),
      azeCoordinator.post(`/api/readiness/evaluations/${b.body.id}/team`, { personId: racer }),
    ]);
    expect(raced.map((r) => r.status).sort(), JSON.stringify(raced.map((r) => r.body))).toEqual([201, 409]);
    // Only the two racing teams: the seeded evaluations may already have this person (the certified list has no order).
    const rows = await t.db
      .selectFrom("evaluationTeamMember")
      .select("id")
      .where("personId", "=", racer)
      .where("evaluationId", "in", [a.body.id, b.body.id])
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("lets only planners staff a team", async () => {
    const evaluation = await plan(azeCoordinator, {
      checklistVersionId: versionId,
      startsOn: "2028-06-05",
      endsOn: "2028-06-09",
    });
    const geo = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    const reply = await geo.post(`/api/readiness/evaluations/${evaluation.body.id}/team`, {
      personId: certifiedForeign[5]!.personId,
    });
    expect(reply.status).toBe(404);
    const plannedByGeo = await plan(geo, {
      checklistVersionId: versionId,
      startsOn: "2028-06-05",
      endsOn: "2028-06-09",
    });
    expect(plannedByGeo.status).toBe(403);
  });
});

describe("scoring", () => {
  let versionId: string;
  beforeAll(async () => {
    versionId = (await smallChecklist()).versions[0]!.id;
  });

  async function staffedEvaluation(startsOn: string, endsOn: string, person: string, unit = unitId) {
    const evaluation = await plan(azeCoordinator, {
      unitId: unit,
      checklistVersionId: versionId,
      startsOn,
      endsOn,
    });
    expect(evaluation.status, JSON.stringify(evaluation.body)).toBe(201);
    const team = await azeCoordinator.post(`/api/readiness/evaluations/${evaluation.body.id}/team`, {
      personId: person,
      role: "lead",
    });
    expect(team.status, JSON.stringify(team.body)).toBe(201);
    await startsToday(t, evaluation.body.id);
    const checklist = await azeCoordinator.get(`/api/readiness/evaluations/${evaluation.body.id}/checklist`);
    const ids = new Map<string, string>();
    for (const area of checklist.body.areas) for (const c of area.criteria) ids.set(c.code, c.id);
    return { id: evaluation.body.id as string, ids };
  }

  async function answerAll(
    agent: Agent,
    id: string,
    ids: Map<string, string>,
    answers: Record<string, string>,
  ) {
    for (const [code, answer] of Object.entries(answers)) {
      const reply = await agent.patch(`/api/readiness/evaluations/${id}/answers/${ids.get(code)}`, {
        answer,
        version: 0,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }
  }

  it("computes area and overall results over evaluated criteria and the combat ready outcome", async () => {
    const person = certifiedForeign[6]!.personId;
    const evaluator = await evaluatorAs(person);
    const { id, ids } = await staffedEvaluation("2028-09-04", "2028-09-08", person);
    // Area A: 4 yes, 1 not evaluated → 100 %; area B: 2 yes, 1 no → 66.7 % (below 80 %).
    await answerAll(evaluator, id, ids, {
      A1: "yes",
      A2: "yes",
      A3: "yes",
      A4: "yes",
      A5: "not_evaluated",
      B1: "yes",
      B2: "yes",
    });
    let results = await evaluator.get(`/api/readiness/evaluations/${id}/results`);
    expect(results.body.complete).toBe(false);
    expect(results.body.computedOutcome).toBeNull();
    const early = await evaluator.post(`/api/readiness/evaluations/${id}/report`, {});
    expect(early.status).toBe(409);
    await answerAll(evaluator, id, ids, { B3: "no" });
    results = await evaluator.get(`/api/readiness/evaluations/${id}/results`);
    expect(
      results.body.areas.map((a: { code: string; percent: number; passed: boolean }) => [
        a.code,
        a.percent,
        a.passed,
      ]),
    ).toEqual([
      ["A", 100, true],
      ["B", 66.7, false],
    ]);
    expect(results.body.overall).toEqual({
      yes: 6,
      no: 1,
      notEvaluated: 1,
      unanswered: 0,
      criticalNo: 0,
      percent: 85.7,
    });
    expect(results.body.computedOutcome).toBe("not_combat_ready");
    // Correcting B3 to yes passes every area.
    const b3 = await evaluator.patch(`/api/readiness/evaluations/${id}/answers/${ids.get("B3")}`, {
      answer: "yes",
      version: 1,
    });
    expect(b3.body.version).toBe(2);
    results = await evaluator.get(`/api/readiness/evaluations/${id}/results`);
    expect(results.body.overall.percent).toBe(100);
    expect(results.body.computedOutcome).toBe("combat_ready");
    const reported = await evaluator.post(`/api/readiness/evaluations/${id}/report`, {});
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    expect(reported.body.state).toBe("reported");
    expect(reported.body.outcome).toBe("combat_ready");
    const late = await evaluator.patch(`/api/readiness/evaluations/${id}/answers/${ids.get("B3")}`, {
      answer: "no",
      version: 2,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("INVALID_STATE");
  });

  it("is not combat ready when a critical criterion is answered no, even above the threshold", async () => {
    const person = certifiedForeign[7]!.personId;
    const evaluator = await evaluatorAs(person);
    const { id, ids } = await staffedEvaluation("2028-10-02", "2028-10-06", person);
    await answerAll(evaluator, id, ids, {
      A1: "no",
      A2: "yes",
      A3: "yes",
      A4: "yes",
      A5: "yes",
      B1: "yes",
      B2: "yes",
      B3: "yes",
    });
    const results = await evaluator.get(`/api/readiness/evaluations/${id}/results`);
    expect(results.body.areas[0].percent).toBe(80);
    expect(results.body.areas[0].passed).toBe(true);
    expect(results.body.overall.criticalNo).toBe(1);
    expect(results.body.computedOutcome).toBe("not_combat_ready");
  });

  it("gives a headquarters no grade, only the team's summary statement", async () => {
    const hq = await admin.post("/api/organisations", {
      code: "AZE-LF-HQ-TEST",
      nameEn: "Test brigade headquarters",
      kind: "unit",
      nationId: await t.nationId("AZE"),
      parentId: await t.organisationId("AZE-LF"),
    });
    const profile = await azeCoordinator.put(`/api/readiness/units/${hq.body.id}/profile`, {
      unitType: "Headquarters",
      size: "brigade",
      isHeadquarters: true,
    });
    expect(profile.status, JSON.stringify(profile.body)).toBe(200);
    const person = certifiedForeign[8]!.personId;
    const evaluator = await evaluatorAs(person);
    const { id, ids } = await staffedEvaluation("2028-11-06", "2028-11-10", person, hq.body.id);
    await answerAll(evaluator, id, ids, {
      A1: "yes",
      A2: "no",
      A3: "yes",
      A4: "yes",
      A5: "yes",
      B1: "yes",
      B2: "yes",
      B3: "yes",
    });
    const results = await evaluator.get(`/api/readiness/evaluations/${id}/results`);
    expect(results.body.isHeadquarters).toBe(true);
    expect(results.body.overall.percent).toBeNull();
    expect(
      results.body.areas.every(
        (a: { percent: null; passed: null }) => a.percent === null && a.passed === null,
      ),
    ).toBe(true);
    expect(results.body.computedOutcome).toBeNull();
    const missing = await evaluator.post(`/api/readiness/evaluations/${id}/report`, { meetsStandards: true });
    expect(missing.status).toBe(400);
    expect(missing.body.fields[0].field).toBe("body.summaryStatement");
    const reported = await evaluator.post(`/api/readiness/evaluations/${id}/report`, {
      meetsStandards: true,
      summaryStatement: "The headquarters meets the standards.",
    });
    expect(reported.body.outcome).toBe("meets_standards");
    expect(reported.body.summaryStatement).toBe("The headquarters meets the standards.");
  });
});

describe("checklist templates", () => {
  it("freezes a version once an evaluation uses it and imports the next version from CSV", async () => {
    const template = await smallChecklist();
    const v1 = template.versions[0]!.id;
    const version = await admin.get(`/api/readiness/checklist-versions/${v1}`);
    const criterionId = version.body.areas[0].criteria[1].id;
    const corrected = await admin.patch(`/api/readiness/checklist-criteria/${criterionId}`, {
      text: "Corrected A2",
    });
    expect(corrected.status).toBe(200);
    const evaluation = await plan(azeCoordinator, {
      checklistVersionId: v1,
      startsOn: "2029-01-08",
      endsOn: "2029-01-12",
    });
    expect(evaluation.status).toBe(201);
    const frozen = await admin.patch(`/api/readiness/checklist-criteria/${criterionId}`, {
      text: "Changed again",
    });
    expect(frozen.status).toBe(409);
    expect(frozen.body.message).toMatch(/frozen/);
    const csv =
      'area,criterion code,criterion text,guidance\nCommand,C-1,"Orders, in the alliance format",Check\nCommand,C-2,Reports on time,\nLogistics,L-1,Supplies held,\n';
    const imported = await upload(
      admin,
      `/api/readiness/checklists/${template.id}/import`,
      "v2.csv",
      "text/csv",
      csv,
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.version).toBe(2);
    expect(
      imported.body.areas.map((a: { title: string; criteria: unknown[] }) => [a.title, a.criteria.length]),
    ).toEqual([
      ["Command", 2],
      ["Logistics", 1],
    ]);
    expect(imported.body.areas[0].criteria[0].text).toBe("Orders, in the alliance format");

    // The evaluation keeps the version it used.
    const checklist = await azeCoordinator.get(`/api/readiness/evaluations/${evaluation.body.id}/checklist`);
    expect(checklist.body.areas[0].criteria[1].text).toBe("Corrected A2");
    const detail = await azeCoordinator.get(`/api/readiness/evaluations/${evaluation.body.id}`);
    expect(detail.body.checklistVersion.version).toBe(1);
  });

  it("names the row and column of every import error, and imports XLSX", async () => {
    const template = await newChecklist([{ code: "X", title: "X", criteria: [{ code: "X1", text: "x" }] }]);
    const bad = "area,criterion code,criterion text\nCommand,,Orders\n,C-2,Reports\nCommand,C-3,\n";
    const reply = await upload(
      admin,
      `/api/readiness/checklists/${template.id}/import`,
      "bad.csv",
      "text/csv",
      bad,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.fields.map((f: { message: string }) => f.message)).toEqual([
      'row 2, column "criterion code": is empty',
      'row 3, column "area": is empty',
      'row 4, column "criterion text": is empty',
    ]);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Checklist");
    sheet.addRow(["Area", "Criterion code", "Criterion text", "Guidance", "Critical"]);
    sheet.addRow(["Tactics", "T-1", "Attack to standard", "Observe", "yes"]);
    sheet.addRow(["Tactics", "T-2", "Defence to standard", "", ""]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const xlsx = await upload(
      admin,
      `/api/readiness/checklists/${template.id}/import`,
      "v2.xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      data,
    );
    expect(xlsx.status, JSON.stringify(xlsx.body)).toBe(201);
    expect(
      xlsx.body.areas[0].criteria.map((c: { code: string; critical: boolean }) => [c.code, c.critical]),
    ).toEqual([
      ["T-1", true],
      ["T-2", false],
    ]);

    // A CSV saved by a Russian Excel: Windows-1251, semicolons (the platform's tabular reader detects both).
    const cp1251 = (text: string) =>
      Buffer.from(
        [...text].map((c) => {
          const code = c.charCodeAt(0);
          return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
        }),
      );
    const russian = await upload(
      admin,
      `/api/readiness/checklists/${template.id}/import`,
      "v3.csv",
      "text/csv",
      cp1251("area;criterion code;criterion text\nКомандование;К-1;Приказы в формате альянса\n"),
    );
    expect(russian.status, JSON.stringify(russian.body)).toBe(201);
    expect(russian.body.areas[0].title).toBe("Командование");
    expect(russian.body.areas[0].criteria[0].text).toBe("Приказы в формате альянса");
  });
});

describe("concurrent entry", () => {
  it("never loses an update when two evaluators answer the same criterion", async () => {
    const versionId = (await smallChecklist()).versions[0]!.id;
    const evaluation = await plan(azeCoordinator, {
      checklistVersionId: versionId,
      startsOn: "2029-02-05",
      endsOn: "2029-02-09",
    });
    const [p1, p2] = [certifiedForeign[9]!.personId, certifiedForeign[10]!.personId];
    for (const personId of [p1, p2]) {
      const r = await azeCoordinator.post(`/api/readiness/evaluations/${evaluation.body.id}/team`, {
        personId,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const [first, second] = [await evaluatorAs(p1), await evaluatorAs(p2)];
    await startsToday(t, evaluation.body.id);
    const checklist = await first.get(`/api/readiness/evaluations/${evaluation.body.id}/checklist`);
    const [c1, c2] = checklist.body.areas[0].criteria;
    const url = (c: { id: string }) => `/api/readiness/evaluations/${evaluation.body.id}/answers/${c.id}`;
    const mine = await first.patch(url(c1), { answer: "yes", version: 0 });
    expect(mine.body).toMatchObject({ answer: "yes", version: 1 });
    const stale = await second.patch(url(c1), { answer: "no", version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ answer: "yes", version: 1 });
    const retried = await second.patch(url(c1), { answer: "no", comment: "Seen the records", version: 1 });
    expect(retried.body).toMatchObject({ answer: "no", version: 2, comment: "Seen the records" });

    const raced = await Promise.all([
      first.patch(url(c2), { answer: "yes", version: 0 }),
      second.patch(url(c2), { answer: "no", version: 0 }),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = raced.find((r) => r.status === 200)!.body.answer;
    const after = await first.get(`/api/readiness/evaluations/${evaluation.body.id}/checklist`);
    expect(after.body.areas[0].criteria[1]).toMatchObject({ answer: winner, version: 1 });
  });
});

describe("releasability", () => {
  it("shows a nation its own units' evaluations and evaluators only their own teams'", async () => {
    const demo = (await admin.get(`/api/readiness/evaluations?unitId=${unitId}&limit=100`)).body.items.find(
      (e: { title: string }) => e.title === "Alliance evaluation level 1 of the infantry company (sample)",
    );
    const geo = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    expect((await geo.get(`/api/readiness/evaluations/${demo.id}`)).status).toBe(404);
    expect((await geo.get(`/api/readiness/evaluations?unitId=${unitId}`)).body.total).toBe(0);
    expect((await geo.get(`/api/readiness/evaluations/${demo.id}/results`)).status).toBe(404);
    expect((await azeCoordinator.get(`/api/readiness/evaluations/${demo.id}/results`)).status).toBe(200);

    // An evaluator of the evaluating organisation who is not on the team sees nothing.
    const outsider = await t.signIn({ role: "evaluator", organisation: "TUR-TGS", personNation: "TUR" });
    expect((await outsider.get(`/api/readiness/evaluations/${demo.id}`)).status).toBe(404);
    expect((await outsider.get("/api/readiness/evaluations")).body.total).toBe(0);

    // A team member sees exactly the evaluations whose team they are on.
    const detail = await admin.get(`/api/readiness/evaluations/${demo.id}`);
    const member = detail.body.team[detail.body.team.length - 1].person.id;
    const evaluator = await evaluatorAs(member);
    const mine = await evaluator.get("/api/readiness/evaluations?limit=100");
    const expected = await t.db
      .selectFrom("evaluationTeamMember")
      .select("evaluationId")
      .where("personId", "=", member)
      .execute();
    expect(mine.body.items.map((e: { id: string }) => e.id).sort()).toEqual(
      expected.map((r) => r.evaluationId).sort(),
    );
    // A real criterion of an evaluation still taking answers: only access can refuse the outsider's answer.
    const versionId = (await smallChecklist()).versions[0]!.id;
    const open = await plan(azeCoordinator, {
      checklistVersionId: versionId,
      startsOn: "2028-10-02",
      endsOn: "2028-10-06",
    });
    expect(open.status, open.text).toBe(201);
    const checklist = await admin.get(`/api/readiness/evaluations/${open.body.id}/checklist`);
    const criterionId = checklist.body.areas[0].criteria[0].id as string;
    expect(criterionId).toMatch(/^[0-9a-f-]{36}$/);
    const stored = () =>
      t.db
        .selectFrom("evaluationAnswer")
        .select(["answer", "version"])
        .where("evaluationId", "=", open.body.id)
        .where("criterionId", "=", criterionId)
        .executeTakeFirstOrThrow();
    const before = await stored();
    const answer = await outsider.patch(`/api/readiness/evaluations/${open.body.id}/answers/${criterionId}`, {
      answer: "yes",
      version: before.version,
    });
    expect(answer.status).toBe(404);
    // The unit's coordinator reads the evaluation but is not on its team: refused, not hidden.
    const coordinatorAnswer = await azeCoordinator.patch(
      `/api/readiness/evaluations/${open.body.id}/answers/${criterionId}`,
      { answer: "yes", version: before.version },
    );
    expect(coordinatorAnswer.status).toBe(403);
    expect(await stored()).toEqual(before);
  });
});
