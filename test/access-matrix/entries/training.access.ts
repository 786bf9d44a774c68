import { createHash, randomBytes } from "node:crypto";
import {
  type AccessEntry,
  ADMINISTRATORS,
  access,
  type MatrixContext,
  PUBLIC,
  SIGNED_IN,
} from "../matrix.js";

type Scope = "in" | "out";

/**
 * Readers of a restricted record owned by the scope's nation and organisation: the participant is a person of the
 * owning nation, the coordinator coordinates it, organisers, directors and evaluators hold the organisation.
 */
const RESTRICTED_READERS = access({
  administrator: "allow",
  auditor: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
  participant: "scope",
});
/**
 * Course staff: organisers and course directors of the course's organiser or host institution. Evaluators score
 * units in readiness evaluations; they do not run courses (attendance, results, sign-off, certificates).
 */
const COURSE_STAFF = access({ administrator: "allow", organiser: "scope", course_director: "scope" });
/** A certificate is seen by its holder, the holder's nation's coordinators, the course's staff, global readers. */
const CERTIFICATE_READERS = RESTRICTED_READERS;
/** The holder chooses the language of their certificate; the course's staff may too. */
const LANGUAGE_CHOOSERS = access({
  administrator: "allow",
  organiser: "scope",
  course_director: "scope",
  participant: "scope",
});
/** Editors of an accreditation application: its owners (centre and nation) and the centre's managers. */
const APPLICATION_EDITORS = access({
  administrator: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
});
/** Reviewers: the reviewing organisation's staff and administrators. */
const APPLICATION_REVIEWERS = access({
  administrator: "allow",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
});

const ownerOf = (ctx: MatrixContext, scope: Scope) => (scope === "in" ? ctx.inScope : ctx.outOfScope);

const SCHEME = {
  passMark: 50,
  components: [{ code: "TEST", title: "Final test", kind: "test", maxScore: 100, weight: 1 }],
};

/** A restricted course activity organised and hosted by the scope's organisation, owned by its nation. */
async function courseActivity(ctx: MatrixContext, scope: Scope) {
  const owner = ownerOf(ctx, scope);
  const code = `MATRIX-TR-${ctx.unique()}`;
  return (
    await ctx.db
      .insertInto("activity")
      .values({
        code,
        titleEn: `Matrix course ${code}`,
        kind: "course",
        menuYear: 2026,
        organiserId: owner.organisationId,
        hostInstitutionId: owner.organisationId,
        ownerNationId: owner.nationId,
        ownerOrganisationId: owner.organisationId,
        releasability: "restricted",
        status: "published",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function newPerson(ctx: MatrixContext, nationId: string) {
  return (
    await ctx.db
      .insertInto("person")
      .values({
        givenName: "Matrix",
        familyName: `Trainee ${ctx.unique()}`,
        nationId,
        ownerNationId: nationId,
        releasability: "internal",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** The caller's own person (the participant), if any. */
async function callerPerson(ctx: MatrixContext) {
  if (!ctx.caller.userId) return null;
  const user = await ctx.db
    .selectFrom("appUser")
    .select("personId")
    .where("id", "=", ctx.caller.userId)
    .executeTakeFirst();
  return user?.personId ?? null;
}

/**
 * A course (restricted activity) with one run, one session and one accepted participant. `scored` adds a passing
 * result and attendance; `signedOff` signs the run off with a pass; `holderId` names the participant.
 */
async function courseRun(
  ctx: MatrixContext,
  scope: Scope,
  options: { scored?: boolean; signedOff?: boolean; holderId?: string } = {},
) {
  const owner = ownerOf(ctx, scope);
  const activityId = await courseActivity(ctx, scope);
  const course = await ctx.db
    .insertInto("course")
    .values({ activityId, assessment: JSON.stringify(SCHEME) })
    .returning("id")
    .executeTakeFirstOrThrow();
  const event = await ctx.db
    .insertInto("event")
    .values({ activityId, startsOn: "2026-03-02", endsOn: "2026-03-02", city: "Baku" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const session = await ctx.db
    .insertInto("eventSession")
    .values({
      eventId: event.id,
      title: "Day 1",
      startsAt: "2026-03-02T05:00:00Z",
      endsAt: "2026-03-02T13:00:00Z",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const personId = options.holderId ?? (await newPerson(ctx, owner.nationId));
  const nomination = await ctx.db
    .insertInto("nomination")
    .values({ eventId: event.id, personId, nationId: owner.nationId, status: "accepted" })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (options.scored || options.signedOff) {
    await ctx.db
      .insertInto("assessmentResult")
      .values({ nominationId: nomination.id, eventId: event.id, componentCode: "TEST", score: 90 })
      .execute();
    await ctx.db
      .insertInto("sessionAttendance")
      .values({ sessionId: session.id, nominationId: nomination.id, present: true })
      .execute();
  }
  if (options.signedOff) {
    await ctx.db
      .insertInto("courseRun")
      .values({ eventId: event.id, courseId: course.id, signedOffAt: new Date() })
      .execute();
    await ctx.db
      .insertInto("courseOutcome")
      .values({ nominationId: nomination.id, eventId: event.id, outcome: "pass", totalPercent: 90 })
      .execute();
  }
  return {
    activityId,
    courseId: course.id,
    eventId: event.id,
    sessionId: session.id,
    nominationId: nomination.id,
    personId,
  };
}

/**
 * A certificate of a course run by the scope's organisation, held by a person of the scope's nation: the caller
 * themselves when they have a person (the participant), in scope.
 */
export async function certificate(ctx: MatrixContext, scope: Scope) {
  const owner = ownerOf(ctx, scope);
  const holderId =
    (scope === "in" ? await callerPerson(ctx) : null) ?? (await newPerson(ctx, owner.nationId));
  const run = await courseRun(ctx, scope, { signedOff: true, holderId });
  const row = await ctx.db
    .insertInto("certificate")
    .values({
      number: `ACC-2026-${ctx.unique()}`,
      verificationCode: randomBytes(20).toString("base64url"),
      courseId: run.courseId,
      eventId: run.eventId,
      nominationId: run.nominationId,
      personId: holderId,
      holderName: "Matrix Holder",
      issuedOn: "2026-03-02",
      validFrom: "2026-03-02",
      validUntil: "2030-03-02",
    })
    .returning(["id", "verificationCode"])
    .executeTakeFirstOrThrow();
  return row;
}

/** A one-area, one-standard set, so that a dossier can be completed in a single request. */
async function standardSet(ctx: MatrixContext) {
  const code = `MATRIX-SET-${ctx.unique()}`;
  const set = await ctx.db
    .insertInto("standardSet")
    .values({ code, titleEn: `Matrix standards ${code}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const area = await ctx.db
    .insertInto("standardArea")
    .values({ standardSetId: set.id, code: "A", titleEn: "Area A" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const standard = await ctx.db
    .insertInto("standard")
    .values({ areaId: area.id, code: "A1", titleEn: "Standard A1" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { setId: set.id, standardId: standard.id };
}

/** A new training centre under the scope's organisation, of the scope's nation. */
/** A new centre of the scope's nation: under the scope's organisation, or (`independent`) outside it. */
async function centre(ctx: MatrixContext, scope: Scope, independent = false) {
  const owner = ownerOf(ctx, scope);
  const code = `MATRIX-CENTRE-${ctx.unique()}`;
  return (
    await ctx.db
      .insertInto("organisation")
      .values({
        code,
        nameEn: `Matrix centre ${code}`,
        kind: "unit",
        parentId: independent ? null : owner.organisationId,
        nationId: owner.nationId,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function storedFile(ctx: MatrixContext) {
  const content = Buffer.from("Matrix evidence\n");
  return (
    await ctx.db
      .insertInto("storedFile")
      .values({
        filename: "evidence.txt",
        contentType: "text/plain",
        sizeBytes: content.length,
        sha256: createHash("sha256").update(content).digest("hex"),
        content,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

type ApplicationState = "draft" | "self_assessment" | "submitted" | "visit_planned" | "visited";

/**
 * A restricted accreditation application of a new centre of the scope's nation, owned by that nation and the centre,
 * in the given state. Before submission (the applicant's states) the centre lies under the scope's organisation and
 * the accrediting body reviews it; from submission (the reviewer's states) the scope's organisation reviews the
 * application of an independent centre of its nation and is on its release list — an applicant never reviews its
 * own application. `complete` adds a self-assessment and evidence for its one standard; `finding` an open finding.
 */
async function application(
  ctx: MatrixContext,
  scope: Scope,
  state: ApplicationState,
  options: { complete?: boolean; finding?: boolean } = {},
) {
  const owner = ownerOf(ctx, scope);
  const reviewedByScope = state !== "draft" && state !== "self_assessment";
  const centreId = await centre(ctx, scope, reviewedByScope);
  const set = await standardSet(ctx);
  const planned = state === "visit_planned" || state === "visited";
  const row = await ctx.db
    .insertInto("accreditationApplication")
    .values({
      centreId,
      kind: "accreditation",
      standardSetId: set.setId,
      reviewingOrganisationId: reviewedByScope ? owner.organisationId : null,
      state,
      submittedAt: state === "draft" || state === "self_assessment" ? null : new Date(),
      visitStartsOn: planned ? "2027-05-03" : null,
      visitEndsOn: planned ? "2027-05-05" : null,
      visitedAt: state === "visited" ? new Date() : null,
      ownerNationId: owner.nationId,
      ownerOrganisationId: centreId,
      releasability: "restricted",
      releaseOrganisations: reviewedByScope ? [owner.organisationId] : [],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  let evidenceId: string | null = null;
  if (options.complete) {
    await ctx.db
      .insertInto("accreditationSelfAssessment")
      .values({ applicationId: row.id, standardId: set.standardId, rating: "met" })
      .execute();
    evidenceId = (
      await ctx.db
        .insertInto("accreditationEvidence")
        .values({ applicationId: row.id, standardId: set.standardId, fileId: await storedFile(ctx) })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }
  let findingId: string | null = null;
  if (options.finding) {
    findingId = (
      await ctx.db
        .insertInto("accreditationFinding")
        .values({
          applicationId: row.id,
          standardId: set.standardId,
          kind: "finding",
          text: "Matrix finding",
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  }
  return { id: row.id, centreId, standardId: set.standardId, evidenceId: evidenceId!, findingId: findingId! };
}

const base = "/api/training/accreditation";

export const accessEntries: AccessEntry[] = [
  // ------------------------------------------------------------ courses and runs
  { method: "GET", url: "/api/training/courses", access: PUBLIC },
  {
    method: "GET",
    url: "/api/training/courses/:id",
    access: RESTRICTED_READERS,
    request: async (ctx, scope) => ({
      url: `/api/training/courses/${(await courseRun(ctx, scope)).courseId}`,
    }),
  },
  {
    method: "POST",
    url: "/api/training/courses",
    access: COURSE_STAFF,
    request: async (ctx, scope) => ({
      url: "/api/training/courses",
      body: { activityId: await courseActivity(ctx, scope), assessment: SCHEME },
    }),
  },
  {
    method: "PATCH",
    url: "/api/training/courses/:id",
    access: COURSE_STAFF,
    request: async (ctx, scope) => ({
      url: `/api/training/courses/${(await courseRun(ctx, scope)).courseId}`,
      body: { objectives: ["Matrix objective"] },
    }),
  },
  {
    method: "GET",
    url: "/api/training/runs/:eventId",
    access: RESTRICTED_READERS,
    request: async (ctx, scope) => ({ url: `/api/training/runs/${(await courseRun(ctx, scope)).eventId}` }),
  },
  {
    method: "PUT",
    url: "/api/training/runs/:eventId/attendance",
    access: COURSE_STAFF,
    request: async (ctx, scope) => {
      const run = await courseRun(ctx, scope);
      return {
        url: `/api/training/runs/${run.eventId}/attendance`,
        body: { entries: [{ sessionId: run.sessionId, nominationId: run.nominationId, present: true }] },
      };
    },
  },
  {
    method: "PUT",
    url: "/api/training/runs/:eventId/results",
    access: COURSE_STAFF,
    request: async (ctx, scope) => {
      const run = await courseRun(ctx, scope);
      return {
        url: `/api/training/runs/${run.eventId}/results`,
        body: { entries: [{ nominationId: run.nominationId, componentCode: "TEST", score: 75 }] },
      };
    },
  },
  {
    method: "POST",
    url: "/api/training/runs/:eventId/sign-off",
    access: COURSE_STAFF,
    request: async (ctx, scope) => ({
      url: `/api/training/runs/${(await courseRun(ctx, scope, { scored: true })).eventId}/sign-off`,
      body: { note: "Matrix sign-off" },
    }),
  },
  {
    method: "POST",
    url: "/api/training/runs/:eventId/certificates",
    access: COURSE_STAFF,
    request: async (ctx, scope) => ({
      url: `/api/training/runs/${(await courseRun(ctx, scope, { signedOff: true })).eventId}/certificates`,
      body: {},
    }),
  },
  // ------------------------------------------------------------ certificates
  { method: "GET", url: "/api/training/certificates", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/training/certificates/:id",
    access: CERTIFICATE_READERS,
    request: async (ctx, scope) => ({
      url: `/api/training/certificates/${(await certificate(ctx, scope)).id}`,
    }),
  },
  {
    method: "GET",
    url: "/api/training/certificates/:id/pdf",
    access: CERTIFICATE_READERS,
    request: async (ctx, scope) => ({
      url: `/api/training/certificates/${(await certificate(ctx, scope)).id}/pdf?lang=az`,
    }),
  },
  {
    method: "PUT",
    url: "/api/training/certificates/:id/language",
    access: LANGUAGE_CHOOSERS,
    request: async (ctx, scope) => ({
      url: `/api/training/certificates/${(await certificate(ctx, scope)).id}/language`,
      body: { language: "ru" },
    }),
  },
  {
    method: "POST",
    url: "/api/training/certificates/:id/revoke",
    access: COURSE_STAFF,
    request: async (ctx, scope) => ({
      url: `/api/training/certificates/${(await certificate(ctx, scope)).id}/revoke`,
      body: { reason: "Matrix revocation" },
    }),
  },
  {
    method: "POST",
    url: "/api/training/certificates/:id/reissue",
    access: COURSE_STAFF,
    request: async (ctx, scope) => ({
      url: `/api/training/certificates/${(await certificate(ctx, scope)).id}/reissue`,
      body: { reason: "Matrix correction of the name" },
    }),
  },
  {
    method: "GET",
    url: "/api/public/certificates/:code",
    // Anyone with the code of the QR, signed in or not: the code is the secret, whoever owns the record.
    access: PUBLIC,
    request: async (ctx, scope) => {
      const { verificationCode } = await certificate(ctx, scope);
      // The endpoint allows 20 look-ups a minute per address, and every matrix request comes from one address:
      // start each request with an empty window (the limit itself is tested in training.test.ts).
      await ctx.db.deleteFrom("rateLimitHit").where("key", "like", "certificate-verify:%").execute();
      return { url: `/api/public/certificates/${verificationCode}` };
    },
  },
  // ------------------------------------------------------------ registry
  { method: "GET", url: "/api/training/qualifications", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/training/registry",
    access: SIGNED_IN,
    request: () => ({ url: "/api/training/registry?qualification=CREVAL-EVALUATOR&validOn=2026-06-01" }),
  },
  // ------------------------------------------------------------ accreditation
  { method: "GET", url: "/api/training/standard-sets", access: SIGNED_IN },
  { method: "GET", url: base, access: SIGNED_IN },
  { method: "GET", url: `${base}/expiring`, access: SIGNED_IN },
  {
    method: "POST",
    url: `${base}/reminders`,
    access: ADMINISTRATORS,
    request: () => ({ url: `${base}/reminders`, body: { withinDays: 30 } }),
  },
  {
    method: "POST",
    url: base,
    // The centre's managers and its nation's coordinators apply for it.
    access: APPLICATION_EDITORS,
    request: async (ctx, scope) => ({
      url: base,
      body: { centreId: await centre(ctx, scope), kind: "partnership_training_centre_recognition" },
    }),
  },
  {
    method: "PUT",
    url: `${base}/:id/reviewer`,
    // The accrediting body appoints the reviewer: never the applicant, never its nation.
    access: ADMINISTRATORS,
    request: async (ctx, scope) => ({
      url: `${base}/${(await application(ctx, scope, "self_assessment")).id}/reviewer`,
      body: { reviewingOrganisationId: await centre(ctx, scope === "in" ? "out" : "in", true) },
    }),
  },
  {
    method: "GET",
    url: `${base}/:id`,
    access: RESTRICTED_READERS,
    request: async (ctx, scope) => ({ url: `${base}/${(await application(ctx, scope, "draft")).id}` }),
  },
  {
    method: "POST",
    url: `${base}/:id/start`,
    access: APPLICATION_EDITORS,
    request: async (ctx, scope) => ({
      url: `${base}/${(await application(ctx, scope, "draft")).id}/start`,
      body: {},
    }),
  },
  {
    method: "POST",
    url: `${base}/:id/submit`,
    access: APPLICATION_EDITORS,
    request: async (ctx, scope) => ({
      url: `${base}/${(await application(ctx, scope, "self_assessment", { complete: true })).id}/submit`,
      body: {},
    }),
  },
  {
    method: "POST",
    url: `${base}/:id/visit`,
    access: APPLICATION_REVIEWERS,
    request: async (ctx, scope) => ({
      url: `${base}/${(await application(ctx, scope, "submitted", { complete: true })).id}/visit`,
      body: {
        startsOn: "2027-05-03",
        endsOn: "2027-05-05",
        team: [{ personId: await newPerson(ctx, ownerOf(ctx, scope).nationId), role: "lead" }],
      },
    }),
  },
  {
    method: "POST",
    url: `${base}/:id/visited`,
    access: APPLICATION_REVIEWERS,
    request: async (ctx, scope) => ({
      url: `${base}/${(await application(ctx, scope, "visit_planned", { complete: true })).id}/visited`,
      body: {},
    }),
  },
  {
    method: "POST",
    url: `${base}/:id/decision`,
    access: APPLICATION_REVIEWERS,
    request: async (ctx, scope) => ({
      url: `${base}/${(await application(ctx, scope, "visited", { complete: true })).id}/decision`,
      body: { decision: "accredited", decidedOn: "2027-06-01" },
    }),
  },
  {
    method: "PUT",
    url: `${base}/:id/standards/:standardId/self-assessment`,
    access: APPLICATION_EDITORS,
    request: async (ctx, scope) => {
      const app = await application(ctx, scope, "self_assessment");
      return {
        url: `${base}/${app.id}/standards/${app.standardId}/self-assessment`,
        body: { rating: "partially_met", narrative: "Matrix narrative" },
      };
    },
  },
  {
    method: "POST",
    url: `${base}/:id/standards/:standardId/evidence`,
    access: APPLICATION_EDITORS,
    request: async (ctx, scope) => {
      const app = await application(ctx, scope, "self_assessment");
      const boundary = "----matrixtrainingboundary";
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evidence.txt"\r\nContent-Type: text/plain\r\n\r\nMatrix evidence\r\n--${boundary}--\r\n`;
      return {
        url: `${base}/${app.id}/standards/${app.standardId}/evidence`,
        body,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      };
    },
  },
  {
    method: "GET",
    url: `${base}/:id/evidence/:evidenceId`,
    access: RESTRICTED_READERS,
    request: async (ctx, scope) => {
      const app = await application(ctx, scope, "self_assessment", { complete: true });
      return { url: `${base}/${app.id}/evidence/${app.evidenceId}` };
    },
  },
  {
    method: "DELETE",
    url: `${base}/:id/evidence/:evidenceId`,
    access: APPLICATION_EDITORS,
    request: async (ctx, scope) => {
      const app = await application(ctx, scope, "self_assessment", { complete: true });
      return { url: `${base}/${app.id}/evidence/${app.evidenceId}` };
    },
  },
  {
    method: "POST",
    url: `${base}/:id/findings`,
    access: APPLICATION_REVIEWERS,
    request: async (ctx, scope) => {
      const app = await application(ctx, scope, "visited", { complete: true });
      return {
        url: `${base}/${app.id}/findings`,
        body: { standardId: app.standardId, kind: "recommendation", text: "Matrix recommendation" },
      };
    },
  },
  {
    method: "POST",
    url: `${base}/:id/findings/:findingId/close`,
    access: APPLICATION_REVIEWERS,
    request: async (ctx, scope) => {
      const app = await application(ctx, scope, "visited", { complete: true, finding: true });
      return {
        url: `${base}/${app.id}/findings/${app.findingId}/close`,
        body: { closureNote: "Matrix closure" },
      };
    },
  },
];
