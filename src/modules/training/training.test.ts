import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { certifiedPeople, hasValidQualification, seedTraining } from "./index.js";

let t: TestApp;
let admin: Agent;
let director: Agent;
let crevalEventId: string;
let crevalCourseId: string;

const pdfText = async (data: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
};

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  director = await t.signIn({ role: "course_director", organisation: "AZE-NDU-WGC" });
  const courses = await t.anonymous.get("/api/training/courses?q=CREVAL");
  crevalCourseId = courses.body.items[0].id;
  const course = await t.anonymous.get(`/api/training/courses/${crevalCourseId}`);
  crevalEventId = course.body.runs.find((r: { signedOffAt: string | null }) => r.signedOffAt).eventId;
});
afterAll(() => t.close());

/** A course activity, a run with sessions and accepted participants, made directly (catalogue fixtures). */
async function courseFixture(
  code: string,
  people: number,
  days: [string, string] = ["2026-03-02", "2026-03-03"],
) {
  const organiserId = await t.organisationId("NATO-SCHOOL");
  const hostId = await t.organisationId("AZE-NDU-WGC");
  const aze = await t.nationId("AZE");
  const activity = await t.db
    .insertInto("activity")
    .values({
      code,
      titleEn: `Evaluator course ${code}`,
      titleAz: `Qiymətləndirici kursu ${code}`,
      titleRu: `Курс оценщиков ${code}`,
      kind: "course",
      menuYear: 2026,
      organiserId,
      hostInstitutionId: hostId,
      ownerOrganisationId: organiserId,
      releasability: "public",
      status: "published",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const event = await t.db
    .insertInto("event")
    .values({ activityId: activity.id, startsOn: days[0], endsOn: days[1], city: "Baku" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const sessions = await t.db
    .insertInto("eventSession")
    .values([
      { eventId: event.id, title: "Day 1", startsAt: `${days[0]}T05:00:00Z`, endsAt: `${days[0]}T13:00:00Z` },
      { eventId: event.id, title: "Day 2", startsAt: `${days[1]}T05:00:00Z`, endsAt: `${days[1]}T13:00:00Z` },
    ])
    .returning("id")
    .execute();
  const nominations: string[] = [];
  const names = ["Aysel Məmmədova", "Ivan Petrov", "John Smith", "Günel Əliyeva"];
  for (let i = 0; i < people; i++) {
    const [givenName, familyName] = names[i]!.split(" ") as [string, string];
    const person = await t.db
      .insertInto("person")
      .values({ givenName, familyName, nationId: aze, ownerNationId: aze, releasability: "internal" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const nomination = await t.db
      .insertInto("nomination")
      .values({ eventId: event.id, personId: person.id, nationId: aze, status: "accepted" })
      .returning("id")
      .executeTakeFirstOrThrow();
    nominations.push(nomination.id);
  }
  return { activityId: activity.id, eventId: event.id, sessions: sessions.map((s) => s.id), nominations };
}

const scheme = {
  passMark: 70,
  minAttendancePercent: 100,
  components: [
    { code: "TEST", title: "Test", kind: "test", maxScore: 100, weight: 50, minScore: 50 },
    { code: "EX", title: "Exercise", kind: "exercise", maxScore: 100, weight: 50 },
  ],
};

describe("the CREVAL demo run", () => {
  it("seeds again quickly without adding anything", async () => {
    const count = async () =>
      Promise.all(
        (
          [
            "certificate",
            "course",
            "nomination",
            "accreditationApplication",
            "standard",
            "assessmentResult",
          ] as const
        ).map(async (table) =>
          Number(
            (
              await t.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ),
      );
    const before = await count();
    const started = Date.now();
    await seedTraining(t.db);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await count()).toEqual(before);
  });

  it("holds 39 participants in Baku with results, sign-off and a certificate for every pass", async () => {
    const run = await director.get(`/api/training/runs/${crevalEventId}`);
    expect(run.status).toBe(200);
    expect(run.body.city).toBe("Baku");
    expect(run.body.signedOffAt).not.toBeNull();
    expect(run.body.summary).toMatchObject({ enrolled: 39, incomplete: 0 });
    expect(run.body.summary.pass + run.body.summary.fail).toBe(39);
    expect(run.body.summary.fail).toBe(5);
    expect(run.body.summary.certificates).toBe(run.body.summary.pass);
    const failed = run.body.participants.filter(
      (p: { computed: { outcome: string } }) => p.computed.outcome === "fail",
    );
    expect(failed.every((p: { certificate: unknown }) => p.certificate === null)).toBe(true);
    expect(failed.every((p: { computed: { reasons: string[] } }) => p.computed.reasons.length > 0)).toBe(
      true,
    );
    const perNation = new Map<string, number>();
    for (const p of run.body.participants as { person: { nationCode: string } }[]) {
      perNation.set(p.person.nationCode, (perNation.get(p.person.nationCode) ?? 0) + 1);
    }
    expect(Math.max(...perNation.values())).toBeLessThanOrEqual(6);
    expect(run.body.participants.map((p: { person: { nationCode: string } }) => p.person.nationCode)).toEqual(
      expect.arrayContaining(["AZE", "TUR", "USA", "GEO", "UKR"]),
    );
  });

  it("hides participants' results from people who do not run the course", async () => {
    const outsider = await t.signIn({ role: "participant", personNation: "GEO" });
    const run = await outsider.get(`/api/training/runs/${crevalEventId}`);
    expect(run.status).toBe(200);
    expect(run.body.participants).toEqual([]);
    expect(run.body.canManage).toBe(false);
    const attempt = await outsider.put(`/api/training/runs/${crevalEventId}/results`, {
      entries: [{ nominationId: crevalEventId, componentCode: "TEST", score: 10 }],
    });
    expect(attempt.status).toBe(403);
  });

  it("shows a participant their own certificates and nobody else's", async () => {
    const participant = await t.signIn({ role: "participant" });
    const elvin = await t.db
      .selectFrom("person")
      .select("id")
      .where("email", "=", "e.huseynov@example.az")
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("appUser")
      .set({ personId: elvin.id })
      .where("id", "=", participant.userId!)
      .execute();
    const mine = await participant.get("/api/training/certificates?mine=true");
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(1);
    expect(mine.body.items[0]).toMatchObject({
      holderName: "Elvin Huseynov",
      qualificationCode: "CREVAL-EVALUATOR",
    });
    const all = await participant.get("/api/training/certificates");
    expect(all.body.total).toBe(1);
    const other = await admin.get("/api/training/certificates?q=Kowalski");
    expect(other.body.total).toBe(1);
    expect((await participant.get(`/api/training/certificates/${other.body.items[0].id}`)).status).toBe(404);
  });
});

describe("running a course from results to certificates", () => {
  let fixture: Awaited<ReturnType<typeof courseFixture>>;
  let courseId: string;

  beforeAll(async () => {
    fixture = await courseFixture("TRAIN-FLOW", 3);
  });

  it("lets the director define the course, and refuses a director of another institution", async () => {
    const stranger = await t.signIn({ role: "course_director", organisation: "AZE-SSS-ATTC" });
    const body = {
      activityId: fixture.activityId,
      qualificationCode: "CREVAL-EVALUATOR",
      objectives: ["Evaluate units"],
      modules: [
        { title: "Theory", hours: 6 },
        { title: "Practice", hours: 10 },
      ],
      entryRequirements: { languageLevel: "SLP 3232" },
      assessment: scheme,
      certificateValidityYears: 2,
    };
    expect((await stranger.post("/api/training/courses", body)).status).toBe(403);
    const created = await director.post("/api/training/courses", body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      totalHours: 16,
      canManage: true,
      qualification: { code: "CREVAL-EVALUATOR" },
    });
    courseId = created.body.id;
    const duplicate = await director.post("/api/training/courses", body);
    expect(duplicate.status).toBe(409);
    const badScheme = await director.patch(`/api/training/courses/${courseId}`, {
      assessment: { ...scheme, components: [scheme.components[0], scheme.components[0]] },
    });
    expect(badScheme.status).toBe(400);
    expect(badScheme.body.fields[0].field).toBe("body.assessment.components.1.code");
  });

  it("computes pass and fail from the scheme, signs off, then locks results", async () => {
    const [a, b, c] = fixture.nominations as [string, string, string];
    const attendance = fixture.sessions.flatMap((sessionId) =>
      [a, b, c].map((nominationId) => ({
        sessionId,
        nominationId,
        present: !(nominationId === c && sessionId === fixture.sessions[1]),
      })),
    );
    expect(
      (await director.put(`/api/training/runs/${fixture.eventId}/attendance`, { entries: attendance }))
        .status,
    ).toBe(200);
    const partial = await director.put(`/api/training/runs/${fixture.eventId}/results`, {
      entries: [
        { nominationId: a, componentCode: "TEST", score: 80 },
        { nominationId: a, componentCode: "EX", score: 70 },
        { nominationId: b, componentCode: "TEST", score: 40 },
        { nominationId: b, componentCode: "EX", score: 100 },
        { nominationId: c, componentCode: "TEST", score: 90 },
      ],
    });
    expect(partial.status).toBe(200);
    const refused = await director.post(`/api/training/runs/${fixture.eventId}/sign-off`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain("no result for EX");

    const overMax = await director.put(`/api/training/runs/${fixture.eventId}/results`, {
      entries: [{ nominationId: c, componentCode: "EX", score: 101 }],
    });
    expect(overMax.status).toBe(400);
    expect(overMax.body.fields[0].field).toBe("body.entries.0.score");
    await director.put(`/api/training/runs/${fixture.eventId}/results`, {
      entries: [{ nominationId: c, componentCode: "EX", score: 90 }],
    });
    const signed = await director.post(`/api/training/runs/${fixture.eventId}/sign-off`, { note: "ok" });
    expect(signed.status).toBe(200);
    const outcome = Object.fromEntries(
      signed.body.participants.map((p: { nominationId: string; computed: unknown }) => [
        p.nominationId,
        p.computed,
      ]),
    );
    expect(outcome[a]).toMatchObject({ outcome: "pass", totalPercent: 75 });
    expect(outcome[b]).toMatchObject({
      outcome: "fail",
      reasons: ["TEST score 40 is below the minimum of 50"],
    });
    expect(outcome[c]).toMatchObject({ outcome: "fail", attendancePercent: 50 });

    const late = await director.put(`/api/training/runs/${fixture.eventId}/results`, {
      entries: [{ nominationId: b, componentCode: "TEST", score: 90 }],
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("INVALID_STATE");
    expect((await director.post(`/api/training/runs/${fixture.eventId}/sign-off`, {})).status).toBe(409);
  });

  it("issues certificates only to the passed, once, valid from the course end for the course's period", async () => {
    const issued = await director.post(`/api/training/runs/${fixture.eventId}/certificates`, {});
    expect(issued.status).toBe(201);
    expect(issued.body.issued).toBe(1);
    expect(issued.body.certificates[0].holderName).toBe("Aysel Məmmədova");
    expect(issued.body.certificates[0].number).toMatch(/^ACC-\d{4}-\d{6}$/);
    const again = await director.post(`/api/training/runs/${fixture.eventId}/certificates`, {});
    expect(again.body.issued).toBe(0);
    const certificate = await director.get(`/api/training/certificates/${issued.body.certificates[0].id}`);
    expect(certificate.body).toMatchObject({
      validFrom: "2026-03-03",
      validUntil: "2028-03-02",
      status: "valid",
      courseTitle: { en: "Evaluator course TRAIN-FLOW" },
    });
    expect(certificate.body.verificationUrl).toMatch(/\/verify\/[A-Za-z0-9_-]{27}$/);
  });

  it("renders the PDF in the chosen language, with the number, the name and the course", async () => {
    const list = await director.get(`/api/training/certificates?eventId=${fixture.eventId}`);
    const { id, number } = list.body.items[0];
    const en = await t.app.inject({
      method: "GET",
      url: `/api/training/certificates/${id}/pdf`,
      headers: { cookie: director.cookie! },
    });
    expect(en.statusCode).toBe(200);
    expect(en.headers["content-type"]).toBe("application/pdf");
    const enText = await pdfText(en.rawPayload);
    expect(enText).toContain(number);
    expect(enText).toContain("Aysel Məmmədova");
    expect(enText).toContain("Evaluator course TRAIN-FLOW");
    expect(enText).toContain("Certificate");

    expect(
      (await director.put(`/api/training/certificates/${id}/language`, { language: "az" })).body.language,
    ).toBe("az");
    const az = await t.app.inject({
      method: "GET",
      url: `/api/training/certificates/${id}/pdf`,
      headers: { cookie: director.cookie! },
    });
    const azText = await pdfText(az.rawPayload);
    expect(azText).toContain("Sertifikat");
    expect(azText).toContain("Qiymətləndirici kursu TRAIN-FLOW");
    expect(azText).toContain(number);

    const ru = await t.app.inject({
      method: "GET",
      url: `/api/training/certificates/${id}/pdf?lang=ru`,
      headers: { cookie: director.cookie! },
    });
    const ruText = await pdfText(ru.rawPayload);
    expect(ruText).toContain("Сертификат");
    expect(ruText).toContain("Курс оценщиков TRAIN-FLOW");
  });
});

describe("a course that has not taken place yet", () => {
  const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  it("refuses attendance, results, sign-off and certificates before the course, naming the date", async () => {
    const from = isoDay(90);
    const to = isoDay(94);
    const future = await courseFixture("TRAIN-FUTURE", 2, [from, to]);
    const created = await director.post("/api/training/courses", {
      activityId: future.activityId,
      qualificationCode: "CREVAL-EVALUATOR",
      objectives: ["Evaluate units"],
      modules: [{ title: "Theory", hours: 6 }],
      assessment: scheme,
    });
    expect(created.status).toBe(201);
    const [a] = future.nominations as [string];
    const run = `/api/training/runs/${future.eventId}`;
    const attendance = await director.put(`${run}/attendance`, {
      entries: [{ sessionId: future.sessions[0], nominationId: a, present: true }],
    });
    expect(attendance.status).toBe(409);
    expect(attendance.body.message).toContain(`Attendance opens on ${from}`);
    const results = await director.put(`${run}/results`, {
      entries: [{ nominationId: a, componentCode: "TEST", score: 90 }],
    });
    expect(results.status).toBe(409);
    expect(results.body.message).toContain(`opens on ${from}`);
    const signOff = await director.post(`${run}/sign-off`, {});
    expect(signOff.status).toBe(409);
    expect(signOff.body.message).toContain(`from ${to}`);
    const certificates = await director.post(`${run}/certificates`, {});
    expect(certificates.status).toBe(409);
    expect(certificates.body.message).toContain("Issuing certificates");
    // The catalogue's own attendance routes follow the same calendar.
    const nomination = await admin.post(`/api/nominations/${a}/attendance`, { attendance: "attended" });
    expect(nomination.status).toBe(409);
    expect(nomination.body.message).toContain(`Attendance opens on ${from}`);
    const session = await admin.put(
      `/api/events/${future.eventId}/sessions/${future.sessions[0]}/attendance`,
      {
        entries: [{ nominationId: a, present: true }],
      },
    );
    expect(session.status).toBe(409);
    expect(session.body.message).toContain("opens at");
    const recorded = await t.db
      .selectFrom("sessionAttendance")
      .select("nominationId")
      .where("nominationId", "in", future.nominations)
      .execute();
    expect(recorded).toEqual([]);
  });

  it("refuses attendance for a session that has not begun, even while the course runs", async () => {
    const running = await courseFixture("TRAIN-RUNNING", 1, [isoDay(-1), isoDay(30)]);
    await director.post("/api/training/courses", {
      activityId: running.activityId,
      objectives: ["Evaluate units"],
      modules: [{ title: "Theory", hours: 6 }],
      assessment: scheme,
    });
    const [a] = running.nominations as [string];
    const url = `/api/training/runs/${running.eventId}/attendance`;
    const first = await director.put(url, {
      entries: [{ sessionId: running.sessions[0], nominationId: a, present: true }],
    });
    expect(first.status).toBe(200);
    const later = await director.put(url, {
      entries: [{ sessionId: running.sessions[1], nominationId: a, present: true }],
    });
    expect(later.status).toBe(409);
    expect(later.body.fields[0].field).toBe("body.entries.0.sessionId");
  });

  it("locks the catalogue's attendance once the results are signed off", async () => {
    const list = await admin.get(`/api/nominations?eventId=${crevalEventId}&status=accepted&limit=1`);
    const nomination = list.body.items[0];
    const reply = await admin.post(`/api/nominations/${nomination.id}/attendance`, { attendance: "absent" });
    expect(reply.status).toBe(409);
    expect(reply.body.message).toContain("signed off");
  });
});

describe("public verification", () => {
  let certificate: { id: string; number: string; verificationUrl: string };
  const codeOf = (url: string) => url.split("/verify/")[1]!;
  const verify = (code: string, ip = "10.0.0.1") =>
    t.app.inject({
      method: "GET",
      url: `/api/public/certificates/${encodeURIComponent(code)}`,
      remoteAddress: ip,
    });

  beforeAll(async () => {
    const list = await admin.get(`/api/training/certificates?eventId=${crevalEventId}&limit=3`);
    certificate = list.body.items[0];
  });

  it("shows a valid certificate without sign-in: number, name, course, qualification, issuer, dates and status", async () => {
    const reply = await verify(codeOf(certificate.verificationUrl));
    expect(reply.statusCode).toBe(200);
    const body = JSON.parse(reply.body);
    expect(body).toMatchObject({ number: certificate.number, issuer: { en: expect.any(String) } });
    expect(body.status).toBe("valid");
    expect(body.courseTitle.en).toContain("CREVAL");
  });

  it("answers the same 404 for unknown and malformed codes", async () => {
    const unknown = await verify("A".repeat(27), "10.0.0.2");
    const malformed = await verify("not-a-code", "10.0.0.2");
    const injection = await verify("' or 1=1 --", "10.0.0.2");
    for (const reply of [unknown, malformed, injection]) {
      expect(reply.statusCode).toBe(404);
      expect(JSON.parse(reply.body)).toMatchObject({
        code: "NOT_FOUND",
        message: "The certificate was not found",
      });
    }
  });

  it("shows expired after the validity ends and revoked after revocation, and a re-issue gets a new number and code", async () => {
    const other = (await admin.get(`/api/training/certificates?eventId=${crevalEventId}&limit=3`)).body
      .items[1];
    await t.db
      .updateTable("certificate")
      .set({ validUntil: "2026-10-10" })
      .where("id", "=", other.id)
      .execute();
    expect(JSON.parse((await verify(codeOf(other.verificationUrl), "10.0.0.3")).body).status).toBe("expired");

    const outsider = await t.signIn({ role: "course_director", organisation: "AZE-SSS-ATTC" });
    expect(
      (await outsider.post(`/api/training/certificates/${certificate.id}/revoke`, { reason: "x" })).status,
    ).toBe(404);
    const revoked = await director.post(`/api/training/certificates/${certificate.id}/revoke`, {
      reason: "Issued in error",
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: "revoked", revokedReason: "Issued in error" });
    const check = JSON.parse((await verify(codeOf(certificate.verificationUrl), "10.0.0.3")).body);
    expect(check.status).toBe("revoked");
    expect(check).not.toHaveProperty("revokedReason");
    expect(
      (await director.post(`/api/training/certificates/${certificate.id}/revoke`, { reason: "again" }))
        .status,
    ).toBe(409);

    const third = (await admin.get(`/api/training/certificates?eventId=${crevalEventId}&limit=3`)).body
      .items[2];
    const reissued = await director.post(`/api/training/certificates/${third.id}/reissue`, {
      reason: "Name corrected",
      language: "ru",
    });
    expect(reissued.status).toBe(201);
    expect(reissued.body).toMatchObject({
      status: "valid",
      replacesId: third.id,
      language: "ru",
      validUntil: third.validUntil,
    });
    expect(reissued.body.number).not.toBe(third.number);
    expect(codeOf(reissued.body.verificationUrl)).not.toBe(codeOf(third.verificationUrl));
    expect(JSON.parse((await verify(codeOf(third.verificationUrl), "10.0.0.3")).body).status).toBe("revoked");

    const trail = await t.db
      .selectFrom("auditEntry")
      .select("action")
      .where("recordId", "in", [certificate.id, third.id, reissued.body.id])
      .execute();
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(["certificate.revoke", "certificate.reissue", "certificate.issue"]),
    );
  });

  it("rate-limits verification per address, so codes cannot be enumerated", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await verify(`guess${i}`, "10.9.9.9")).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const valid = await verify(codeOf(certificate.verificationUrl), "10.9.9.9");
    expect(valid.statusCode).toBe(429);
    expect(valid.headers["retry-after"]).toBeDefined();
    expect((await verify(codeOf(certificate.verificationUrl), "10.9.9.10")).statusCode).toBe(200);
  });
});

describe("registry of certified people", () => {
  it("lists the certified CREVAL evaluators valid on a date, and none before the course or after expiry", async () => {
    const run = await director.get(`/api/training/runs/${crevalEventId}`);
    const live = run.body.summary.certificates;
    const onDate = await admin.get(
      "/api/training/registry?qualification=CREVAL-EVALUATOR&validOn=2027-06-01&limit=100",
    );
    expect(onDate.status).toBe(200);
    // One CREVAL certificate was set to expire in October 2026 above; the fixture course adds one holder.
    expect(onDate.body.total).toBe(live - 1 + 1);
    expect(
      (await admin.get("/api/training/registry?qualification=CREVAL-EVALUATOR&validOn=2026-01-01")).body
        .total,
    ).toBe(0);
    expect(
      (await admin.get("/api/training/registry?qualification=CREVAL-EVALUATOR&validOn=2029-12-01")).body
        .total,
    ).toBe(0);
    const alert = await admin.get(
      "/api/training/registry?qualification=CREVAL-EVALUATOR&validOn=2029-02-01&expiringWithinDays=60&limit=100",
    );
    expect(alert.body.items.length).toBeGreaterThan(0);
    expect(
      alert.body.items.every(
        (e: { expiringSoon: boolean; validUntil: string }) => e.expiringSoon && e.validUntil === "2029-03-12",
      ),
    ).toBe(true);
    expect((await t.anonymous.get("/api/training/registry?qualification=CREVAL-EVALUATOR")).status).toBe(401);
  });

  it("answers the readiness capability's questions", async () => {
    const people = await certifiedPeople(t.db, "CREVAL-EVALUATOR", "2027-06-01");
    expect(people.length).toBeGreaterThan(30);
    const someone = people.find((p) => p.validUntil === "2029-03-12")!;
    expect(
      await hasValidQualification(t.db, someone.personId, "CREVAL-EVALUATOR", "2027-01-01", "2029-03-12"),
    ).toBe(true);
    expect(
      await hasValidQualification(t.db, someone.personId, "CREVAL-EVALUATOR", "2027-01-01", "2029-03-13"),
    ).toBe(false);
    expect(
      await hasValidQualification(t.db, someone.personId, "CREVAL-EVALUATOR", "2026-03-01", "2027-01-01"),
    ).toBe(false);
    expect(await hasValidQualification(t.db, someone.personId, "OTHER", "2027-01-01", "2027-01-02")).toBe(
      false,
    );
  });
});

describe("accreditation of training centres", () => {
  let attcId: string;
  let reviewer: Agent;

  beforeAll(async () => {
    reviewer = await t.signIn({ role: "organiser", organisation: "ACT" });
    const list = await admin.get("/api/training/accreditation?kind=accreditation");
    attcId = list.body.items.find((a: { centre: { code: string } }) => a.centre.code === "AZE-SSS-ATTC").id;
  });

  it("shows the ATTC dossier with 31 standards in three areas and exactly what is missing", async () => {
    const dossier = await admin.get(`/api/training/accreditation/${attcId}`);
    expect(dossier.status).toBe(200);
    expect(dossier.body.state).toBe("self_assessment");
    expect(dossier.body.areas.map((a: { code: string }) => a.code)).toEqual(["LM", "ET", "CA"]);
    const standards = dossier.body.areas.flatMap((a: { standards: unknown[] }) => a.standards);
    expect(standards).toHaveLength(31);
    expect(dossier.body.progress).toEqual({
      standards: 31,
      selfAssessed: 22,
      withEvidence: 14,
      complete: 14,
    });
    const last = standards[30];
    expect(last.missing).toEqual(["self_assessment", "evidence"]);
    expect(standards[15].missing).toEqual(["evidence"]);
    expect(standards[0].missing).toEqual([]);
  });

  it("keeps the dossier restricted to the centre, its nation and the alliance", async () => {
    const georgian = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    expect((await georgian.get(`/api/training/accreditation/${attcId}`)).status).toBe(404);
    expect(
      (await georgian.get("/api/training/accreditation")).body.items.map((a: { id: string }) => a.id),
    ).not.toContain(attcId);
    const azerbaijani = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    expect((await azerbaijani.get(`/api/training/accreditation/${attcId}`)).body.canEdit).toBe(true);
    const act = await reviewer.get(`/api/training/accreditation/${attcId}`);
    expect(act.status).toBe(200);
    expect(act.body).toMatchObject({ canEdit: false, canReview: true, releasability: "restricted" });
    expect((await t.anonymous.get(`/api/training/accreditation/${attcId}`)).status).toBe(401);
  });

  it("refuses transitions out of order with 409 naming the current state, and an incomplete submission", async () => {
    const visit = await reviewer.post(`/api/training/accreditation/${attcId}/visit`, {
      startsOn: "2027-03-15",
      endsOn: "2027-03-16",
      team: [
        {
          personId: (
            await t.db
              .selectFrom("person")
              .select("id")
              .where("email", "=", "j.carter@example.int")
              .executeTakeFirstOrThrow()
          ).id,
        },
      ],
    });
    expect(visit.status).toBe(409);
    expect(visit.body.code).toBe("ILLEGAL_TRANSITION");
    expect(visit.body.message).toContain("is self_assessment; it cannot become visit_planned");
    const centre = await t.signIn({ role: "organiser", organisation: "AZE-SSS-ATTC" });
    const submit = await centre.post(`/api/training/accreditation/${attcId}/submit`, {});
    expect(submit.status).toBe(422);
    expect(submit.body.message).toContain("9 standard(s) without a self-assessment, 17 without evidence");
    expect((await reviewer.post(`/api/training/accreditation/${attcId}/submit`, {})).status).toBe(403);
  });

  it("runs an application from draft to a decision with conditions tracked to closure", async () => {
    const wgcDirector = director;
    const created = await wgcDirector.post("/api/training/accreditation", {
      centreId: await t.organisationId("AZE-NDU-WGC"),
      kind: "accreditation",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: "draft",
      releasability: "restricted",
      allowedTransitions: ["start"],
    });
    const id = created.body.id;
    expect(
      (
        await wgcDirector.post("/api/training/accreditation", {
          centreId: await t.organisationId("AZE-NDU-WGC"),
          kind: "accreditation",
        })
      ).status,
    ).toBe(409);
    await wgcDirector.post(`/api/training/accreditation/${id}/start`, {});
    const standards = created.body.areas.flatMap((a: { standards: { id: string }[] }) => a.standards);
    expect(standards.length).toBeGreaterThan(0);
    for (const standard of standards) {
      const assessed = await wgcDirector.put(
        `/api/training/accreditation/${id}/standards/${standard.id}/self-assessment`,
        {
          rating: "met",
          narrative: "Done",
        },
      );
      expect(assessed.status).toBe(200);
      const boundary = "----accord";
      const payload = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence.txt"\r\nContent-Type: text/plain\r\n\r\nEvidence\r\n--${boundary}--\r\n`,
      );
      const upload = await t.app.inject({
        method: "POST",
        url: `/api/training/accreditation/${id}/standards/${standard.id}/evidence`,
        headers: {
          cookie: wgcDirector.cookie!,
          "x-csrf-token": wgcDirector.csrfToken!,
          "content-type": `multipart/form-data; boundary=${boundary}`,
        },
        payload,
      });
      expect(upload.statusCode).toBe(201);
    }
    const submitted = await wgcDirector.post(`/api/training/accreditation/${id}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: "submitted", progress: { complete: 31 } });
    const late = await wgcDirector.put(
      `/api/training/accreditation/${id}/standards/${standards[0].id}/self-assessment`,
      { rating: "not_met" },
    );
    expect(late.status).toBe(409);

    const carter = await t.db
      .selectFrom("person")
      .select("id")
      .where("email", "=", "j.carter@example.int")
      .executeTakeFirstOrThrow();
    expect(
      (
        await wgcDirector.post(`/api/training/accreditation/${id}/visit`, {
          startsOn: "2027-01-10",
          endsOn: "2027-01-11",
          team: [{ personId: carter.id }],
        })
      ).status,
    ).toBe(403);
    const planned = await reviewer.post(`/api/training/accreditation/${id}/visit`, {
      startsOn: "2027-01-10",
      endsOn: "2027-01-11",
      team: [{ personId: carter.id, role: "lead" }],
    });
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({
      state: "visit_planned",
      team: [{ role: "lead", person: { familyName: "Carter" } }],
    });
    expect(
      (await reviewer.post(`/api/training/accreditation/${id}/decision`, { decision: "accredited" })).status,
    ).toBe(409);
    expect((await reviewer.post(`/api/training/accreditation/${id}/visited`, {})).body).toMatchObject({
      state: "visited",
      reportDueOn: "2027-02-08",
    });
    await reviewer.post(`/api/training/accreditation/${id}/findings`, {
      standardId: standards[4].id,
      kind: "finding",
      text: "Instructor records incomplete",
    });
    const noCondition = await reviewer.post(`/api/training/accreditation/${id}/decision`, {
      decision: "accredited_with_conditions",
    });
    expect(noCondition.status).toBe(422);
    const wrongKind = await reviewer.post(`/api/training/accreditation/${id}/decision`, {
      decision: "recognised",
    });
    expect(wrongKind.status).toBe(400);
    const withCondition = await reviewer.post(`/api/training/accreditation/${id}/findings`, {
      standardId: standards[4].id,
      kind: "condition",
      text: "Complete instructor records within a year",
      dueOn: "2028-01-31",
    });
    expect(withCondition.body.areas[0].standards[4].missing).toEqual(["open_finding", "open_condition"]);
    const otherCentre = await t.signIn({ role: "course_director", organisation: "AZE-SSS-ATTC" });
    const decided = await reviewer.post(`/api/training/accreditation/${id}/decision`, {
      decision: "accredited_with_conditions",
      decidedOn: "2027-03-01",
    });
    expect(decided.status).toBe(200);
    // The centre's staff hear of the decision, under the centre's name and the decision in words; another
    // centre's staff do not.
    const centre = await t.db
      .selectFrom("organisation")
      .select("nameEn")
      .where("code", "=", "AZE-NDU-WGC")
      .executeTakeFirstOrThrow();
    const notices = await t.db
      .selectFrom("notification")
      .select(["userId", "title", "link", "recordType", "params"])
      .where("kind", "=", "accreditation.decision")
      .where("recordId", "=", id)
      .execute();
    const title = `${centre.nameEn}: accredited with conditions`;
    expect(notices.find((notice) => notice.userId === wgcDirector.userId)).toEqual({
      userId: wgcDirector.userId,
      title,
      link: `/training/accreditation/${id}`,
      recordType: "accreditation_application",
      params: { title, decision: "accredited_with_conditions" },
    });
    expect(notices.map((notice) => notice.userId)).not.toContain(otherCentre.userId);
    expect(decided.body).toMatchObject({
      state: "decided",
      decision: "accredited_with_conditions",
      validUntil: "2033-02-28",
      openConditions: 1,
    });
    const condition = decided.body.areas[0].standards[4].findings.find(
      (f: { kind: string }) => f.kind === "condition",
    );
    const closed = await reviewer.post(`/api/training/accreditation/${id}/findings/${condition.id}/close`, {
      closureNote: "Records complete",
    });
    expect(closed.body.openConditions).toBe(0);
    expect(
      (
        await reviewer.post(`/api/training/accreditation/${id}/findings/${condition.id}/close`, {
          closureNote: "again",
        })
      ).status,
    ).toBe(409);
    expect((await reviewer.post(`/api/training/accreditation/${id}/visited`, {})).body.message).toBe(
      "The application is decided; it cannot become visited",
    );
    const replan = await reviewer.post(`/api/training/accreditation/${id}/visit`, {
      startsOn: "2027-04-01",
      endsOn: "2027-04-02",
      team: [{ personId: carter.id, role: "lead" }],
    });
    expect(replan.body.message).toBe("The application is decided; it cannot become visit_planned");
  });

  it("lists dossiers due for renewal and notifies the centre's people once", async () => {
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await t.db
      .updateTable("accreditationApplication")
      .set({ validUntil: soon })
      .where("kind", "=", "partnership_training_centre_recognition")
      .execute();
    const expiring = await admin.get("/api/training/accreditation/expiring?withinDays=60");
    expect(expiring.body.items.map((a: { centre: { code: string } }) => a.centre.code)).toEqual([
      "AZE-NDU-WGC",
    ]);
    const first = await admin.post("/api/training/accreditation/reminders", { withinDays: 60 });
    expect(first.status).toBe(200);
    expect(first.body.applications).toBe(1);
    expect(first.body.notified).toBeGreaterThan(0);
    const notes = await t.db
      .selectFrom("notification")
      .select(["userId", "link"])
      .where("kind", "=", "accreditation.renewal")
      .execute();
    expect(notes.map((n) => n.userId)).toContain(director.userId);
    const second = await admin.post("/api/training/accreditation/reminders", { withinDays: 60 });
    expect(second.body.notified).toBe(0);
    expect((await director.post("/api/training/accreditation/reminders", {})).status).toBe(403);
  });
});
