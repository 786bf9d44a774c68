import "./training.policy.js";
import { randomBytes } from "node:crypto";
import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { AssessmentScheme } from "../../db/schema/training.js";
import { type Action, authorize, can } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { isForeignKeyViolation, isUniqueViolation } from "../../platform/constraint-errors.js";
import { AppError, invalidState, notFound, unprocessable, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { enforceRateLimit } from "../../platform/rate-limit.js";
import { notify } from "../notifications/index.js";
import { addYears, certificateStatus, computeOutcome } from "./assessment.js";
import { certificateChanged } from "./certificate-changes.js";
import { type Language, renderCertificatePdf } from "./certificate-pdf.js";
import { certificateIssuer } from "./certificate-verify.queries.js";
import { publicCertificate, VERIFY_LIMIT } from "./certificate-verify.service.js";
import type { CertificateRecord } from "./training.policy.js";
import * as queries from "./training.queries.js";
import type {
  AttendanceInput,
  CertificateQuery,
  CourseInput,
  CoursePatch,
  CourseQuery,
  RegistryQuery,
  ResultsInput,
} from "./training.schemas.js";

export const today = () => new Date().toISOString().slice(0, 10);
const titles = (row: { titleEn: string; titleAz: string | null; titleRu: string | null }) => ({
  en: row.titleEn,
  az: row.titleAz,
  ru: row.titleRu,
});
const iso = (value: Date | string | null) => (value instanceof Date ? value.toISOString() : value);

/** The code in the QR: 160 random bits, base64url (27 characters). */
export const VERIFICATION_CODE = /^[A-Za-z0-9_-]{27}$/;
export const newVerificationCode = () => randomBytes(20).toString("base64url");
export const verificationUrl = (ctx: Pick<Ctx, "config">, code: string) =>
  `${ctx.config.publicUrl.replace(/\/$/, "")}/verify/${code}`;

// ------------------------------------------------------------------ courses
function courseOutput(ctx: Ctx, row: queries.CourseRow) {
  return {
    id: row.id,
    activityId: row.activityId,
    activityCode: row.activityCode,
    title: titles(row),
    organiserId: row.organiserId,
    hostInstitutionId: row.hostInstitutionId,
    qualification: row.qualificationCode
      ? {
          code: row.qualificationCode,
          name: { en: row.qualificationNameEn!, az: row.qualificationNameAz, ru: row.qualificationNameRu },
          validityYears: row.qualificationValidityYears!,
        }
      : null,
    objectives: row.objectives,
    modules: row.modules,
    totalHours: row.modules.reduce((sum, module) => sum + module.hours, 0),
    entryRequirements: row.entryRequirements,
    assessment: row.assessment,
    certificateValidityYears: row.certificateValidityYears,
    director: row.director,
    instructors: row.instructors,
    sample: row.sample,
    canManage: can(ctx.viewer, "course.manage", row),
  };
}

export async function listCourses(ctx: Ctx, query: CourseQuery) {
  authorize(ctx.viewer, "course.read");
  const page = await queries.listCourses(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map((row) => courseOutput(ctx, row)) });
}

export async function getCourse(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "course.read");
  const row = await queries.findCourse(ctx.db, ctx.viewer, id);
  if (!row) throw notFound("The course");
  const runs = await queries.courseRuns(ctx.db, id);
  return {
    ...courseOutput(ctx, row),
    runs: runs.map((run) => ({ ...run, signedOffAt: iso(run.signedOffAt) })),
  };
}

function checkScheme(scheme: AssessmentScheme, field: string) {
  const codes = new Set<string>();
  for (const [index, component] of scheme.components.entries()) {
    if (codes.has(component.code)) throw validation(`${field}.components.${index}.code`, "is used twice");
    codes.add(component.code);
    if (component.minScore !== undefined && component.minScore > component.maxScore) {
      throw validation(`${field}.components.${index}.minScore`, "must not exceed maxScore");
    }
  }
  if (scheme.components.every((component) => component.weight === 0)) {
    throw validation(`${field}.components`, "at least one component needs a weight");
  }
}

export async function createCourse(ctx: Ctx, input: CourseInput) {
  const activity = await ctx.db
    .selectFrom("activity")
    .select(["id", "kind", "organiserId", "hostInstitutionId"])
    .where("id", "=", input.activityId)
    .executeTakeFirst();
  authorize(ctx.viewer, "course.manage", activity ?? { organiserId: "", hostInstitutionId: null });
  if (!activity) throw notFound("The activity");
  if (activity.kind !== "course") throw unprocessable("body.activityId", "the activity is not a course");
  checkScheme(input.assessment, "body.assessment");
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("course")
        .values({
          activityId: input.activityId,
          qualificationCode: input.qualificationCode ?? null,
          objectives: input.objectives ?? [],
          modules: JSON.stringify(input.modules ?? []),
          entryRequirements: JSON.stringify(input.entryRequirements ?? {}),
          assessment: JSON.stringify(input.assessment),
          certificateValidityYears: input.certificateValidityYears ?? null,
          directorPersonId: input.directorPersonId ?? null,
          instructorPersonIds: input.instructorPersonIds ?? [],
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "course.create",
        recordType: "course",
        recordId: row.id,
        after: row,
      });
      return row.id;
    })
    .catch((error) => {
      if (isUniqueViolation(error))
        throw new AppError("CONFLICT", "The activity already has a course definition", [
          { field: "body.activityId", message: "already has a course definition" },
        ]);
      if (isForeignKeyViolation(error)) throw unprocessable("body", "an unknown qualification or person");
      throw error;
    });
  return getCourse(ctx, id);
}

export async function updateCourse(ctx: Ctx, id: string, patch: CoursePatch) {
  const course = await queries.findCourse(ctx.db, ctx.viewer, id);
  authorize(ctx.viewer, "course.manage", course ?? { organiserId: "", hostInstitutionId: null });
  if (!course) throw notFound("The course");
  if (patch.assessment) checkScheme(patch.assessment, "body.assessment");
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("course")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const { modules, entryRequirements, assessment, ...rest } = patch;
      const after = await trx
        .updateTable("course")
        .set({
          ...rest,
          ...(modules ? { modules: JSON.stringify(modules) } : {}),
          ...(entryRequirements ? { entryRequirements: JSON.stringify(entryRequirements) } : {}),
          ...(assessment ? { assessment: JSON.stringify(assessment) } : {}),
        })
        .where("id", "=", id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "course.update",
        recordType: "course",
        recordId: id,
        before,
        after,
      });
    })
    .catch((error) => {
      if (isForeignKeyViolation(error)) throw unprocessable("body", "an unknown qualification or person");
      throw error;
    });
  return getCourse(ctx, id);
}

// ------------------------------------------------------------------ runs: attendance, results, sign-off
async function loadRun(ctx: Ctx, eventId: string) {
  const run = await queries.findRun(ctx.db, ctx.viewer, eventId);
  if (!run) throw notFound("The course run");
  return run;
}

function computeParticipants(
  run: queries.RunRow,
  parts: Awaited<ReturnType<typeof queries.runParticipants>>,
) {
  const held = new Set(parts.attendance.map((entry) => entry.sessionId));
  return parts.people.map((person) => {
    const attendance: Record<string, boolean> = {};
    for (const entry of parts.attendance) {
      if (entry.nominationId === person.nominationId) attendance[entry.sessionId] = entry.present;
    }
    const scores: Record<string, number> = {};
    for (const entry of parts.scores) {
      if (entry.nominationId === person.nominationId) scores[entry.componentCode] = Number(entry.score);
    }
    const certificate = parts.certificates.find((c) => c.nominationId === person.nominationId);
    return {
      nominationId: person.nominationId,
      person: {
        id: person.id,
        givenName: person.givenName,
        familyName: person.familyName,
        rankTitle: person.rankTitle,
        nationCode: person.nationCode,
      },
      attendance,
      scores,
      computed: computeOutcome(run.assessment, {
        scores,
        sessionsHeld: held.size,
        sessionsAttended: Object.entries(attendance).filter(
          ([session, present]) => present && held.has(session),
        ).length,
      }),
      certificate: certificate
        ? { id: certificate.id, number: certificate.number, status: certificateStatus(certificate, today()) }
        : null,
    };
  });
}

export async function getRun(ctx: Ctx, eventId: string) {
  authorize(ctx.viewer, "course.read");
  const run = await loadRun(ctx, eventId);
  const canManage = can(ctx.viewer, "course.manage", run);
  const parts = await queries.runParticipants(ctx.db, eventId);
  const participants = computeParticipants(run, parts);
  const count = (outcome: string) => participants.filter((p) => p.computed.outcome === outcome).length;
  return {
    eventId: run.eventId,
    course: {
      id: run.courseId,
      activityCode: run.activityCode,
      title: titles(run),
      assessment: run.assessment,
    },
    title: run.title,
    startsOn: run.startsOn,
    endsOn: run.endsOn,
    city: run.city,
    status: run.status,
    signedOffAt: iso(run.signedOffAt),
    signedOffBy: run.signedOffBy,
    sessions: parts.sessions.map((s) => ({ ...s, startsAt: iso(s.startsAt)!, endsAt: iso(s.endsAt)! })),
    // Participants' results are for the course's staff; others see the run without them.
    participants: canManage ? participants : [],
    summary: {
      enrolled: participants.length,
      pass: canManage ? count("pass") : 0,
      fail: canManage ? count("fail") : 0,
      incomplete: canManage ? count("incomplete") : 0,
      certificates: parts.certificates.length,
    },
    canManage,
  };
}

/** Locks the run's row (created on first use) so writes to one run are serialised, and refuses a signed-off run. */
async function lockOpenRun(trx: Transaction<DB>, run: queries.RunRow) {
  await trx
    .insertInto("courseRun")
    .values({ eventId: run.eventId, courseId: run.courseId })
    .onConflict((oc) => oc.column("eventId").doNothing())
    .execute();
  const locked = await trx
    .selectFrom("courseRun")
    .selectAll()
    .where("eventId", "=", run.eventId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return locked;
}

async function acceptedNominations(trx: Transaction<DB>, eventId: string, ids: string[], field: string) {
  const rows = await trx
    .selectFrom("nomination")
    .select("id")
    .where("eventId", "=", eventId)
    .where("status", "=", "accepted")
    .where("id", "in", ids.length ? ids : ["00000000-0000-0000-0000-000000000000"])
    .execute();
  const known = new Set(rows.map((row) => row.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0)
    throw unprocessable(`${field}.${index}.nominationId`, "is not an accepted participant of this run");
}

/**
 * What is recorded about a run follows its calendar: attendance and results from the first day of the course,
 * sign-off and certificates from its last day. Recording them earlier would certify a course nobody took.
 */
function requireStarted(run: queries.RunRow, what: string) {
  if (run.startsOn > today())
    throw invalidState(
      `${what} opens on ${run.startsOn}, when the course begins: the course has not started yet`,
    );
}
function requireEnded(run: queries.RunRow, what: string) {
  if (run.endsOn > today())
    throw invalidState(
      `${what} is possible from ${run.endsOn}, the last day of the course: it has not ended yet`,
    );
}

export async function recordAttendance(ctx: Ctx, eventId: string, input: AttendanceInput) {
  const run = await loadRun(ctx, eventId);
  authorize(ctx.viewer, "course.manage", run);
  requireStarted(run, "Attendance");
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockOpenRun(trx, run);
    if (locked.signedOffAt) throw invalidState("The run is signed off: attendance can no longer change");
    await acceptedNominations(
      trx,
      eventId,
      [...new Set(input.entries.map((e) => e.nominationId))],
      "body.entries",
    );
    const sessions = new Map(
      (
        await trx
          .selectFrom("eventSession")
          .select(["id", "startsAt"])
          .where("eventId", "=", eventId)
          .execute()
      ).map((s) => [s.id, new Date(s.startsAt)]),
    );
    const bad = input.entries.findIndex((entry) => !sessions.has(entry.sessionId));
    if (bad >= 0) throw unprocessable(`body.entries.${bad}.sessionId`, "is not a session of this run");
    const now = new Date();
    const early = input.entries.findIndex((entry) => sessions.get(entry.sessionId)! > now);
    if (early >= 0) {
      const field = `body.entries.${early}.sessionId`;
      const message = `the session begins at ${sessions.get(input.entries[early]!.sessionId)!.toISOString()}: attendance opens then`;
      throw new AppError("INVALID_STATE", `${field}: ${message}`, [{ field, message }]);
    }
    await trx
      .insertInto("sessionAttendance")
      .values(input.entries.map((entry) => ({ ...entry, recordedBy: ctx.viewer.userId })))
      .onConflict((oc) =>
        oc.columns(["sessionId", "nominationId"]).doUpdateSet((eb) => ({
          present: eb.ref("excluded.present"),
          recordedBy: eb.ref("excluded.recordedBy"),
          recordedAt: sql<Date>`now()`,
        })),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: "course_run.attendance",
      recordType: "event",
      recordId: eventId,
      detail: { entries: input.entries },
    });
  });
  return getRun(ctx, eventId);
}

export async function recordResults(ctx: Ctx, eventId: string, input: ResultsInput) {
  const run = await loadRun(ctx, eventId);
  authorize(ctx.viewer, "course.manage", run);
  const components = new Map(run.assessment.components.map((c) => [c.code, c]));
  for (const [index, entry] of input.entries.entries()) {
    const component = components.get(entry.componentCode);
    if (!component)
      throw validation(`body.entries.${index}.componentCode`, "is not a component of the assessment scheme");
    if (entry.score !== null && entry.score > component.maxScore) {
      throw validation(`body.entries.${index}.score`, `must not exceed ${component.maxScore}`);
    }
  }
  requireStarted(run, "Recording results");
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockOpenRun(trx, run);
    if (locked.signedOffAt) throw invalidState("The run is signed off: results can no longer change");
    await acceptedNominations(
      trx,
      eventId,
      [...new Set(input.entries.map((e) => e.nominationId))],
      "body.entries",
    );
    const cleared = input.entries.filter((entry) => entry.score === null);
    for (const entry of cleared) {
      await trx
        .deleteFrom("assessmentResult")
        .where("nominationId", "=", entry.nominationId)
        .where("componentCode", "=", entry.componentCode)
        .execute();
    }
    const scored = input.entries.filter((entry) => entry.score !== null);
    if (scored.length) {
      await trx
        .insertInto("assessmentResult")
        .values(
          scored.map((entry) => ({
            nominationId: entry.nominationId,
            eventId,
            componentCode: entry.componentCode,
            score: entry.score!,
            recordedBy: ctx.viewer.userId,
          })),
        )
        .onConflict((oc) =>
          oc.columns(["nominationId", "componentCode"]).doUpdateSet((eb) => ({
            score: eb.ref("excluded.score"),
            recordedBy: eb.ref("excluded.recordedBy"),
            recordedAt: sql<Date>`now()`,
          })),
        )
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: "course_run.results",
      recordType: "event",
      recordId: eventId,
      detail: { entries: input.entries },
    });
  });
  return getRun(ctx, eventId);
}

/** The instructor's sign-off: outcomes are computed from the scheme and frozen; certificates may then be issued. */
export async function signOff(ctx: Ctx, eventId: string, note: string | undefined) {
  const run = await loadRun(ctx, eventId);
  authorize(ctx.viewer, "course.manage", run);
  requireEnded(run, "Signing off the results");
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockOpenRun(trx, run);
    if (locked.signedOffAt) throw invalidState("The run is already signed off");
    const participants = computeParticipants(run, await queries.runParticipants(trx, eventId));
    if (participants.length === 0) throw invalidState("The run has no accepted participants to sign off");
    const incomplete = participants.filter((p) => p.computed.outcome === "incomplete");
    if (incomplete.length) {
      throw new AppError(
        "UNPROCESSABLE",
        `${incomplete.length} participant(s) have results missing: ${incomplete
          .slice(0, 5)
          .map((p) => `${p.person.givenName} ${p.person.familyName} (${p.computed.reasons.join(", ")})`)
          .join("; ")}`,
        [{ field: "body", message: "every participant needs a result for every component" }],
      );
    }
    await trx
      .insertInto("courseOutcome")
      .values(
        participants.map((p) => ({
          nominationId: p.nominationId,
          eventId,
          outcome: p.computed.outcome,
          totalPercent: p.computed.totalPercent,
          attendancePercent: p.computed.attendancePercent,
          reasons: JSON.stringify(p.computed.reasons),
        })),
      )
      .onConflict((oc) =>
        oc.column("nominationId").doUpdateSet((eb) => ({
          outcome: eb.ref("excluded.outcome"),
          totalPercent: eb.ref("excluded.totalPercent"),
          attendancePercent: eb.ref("excluded.attendancePercent"),
          reasons: eb.ref("excluded.reasons"),
          computedAt: sql<Date>`now()`,
        })),
      )
      .execute();
    await trx
      .updateTable("courseRun")
      .set({ signedOffAt: sql<Date>`now()`, signedOffBy: ctx.viewer.userId, signOffNote: note ?? null })
      .where("eventId", "=", eventId)
      .execute();
    await writeAudit(trx, ctx, {
      action: "course_run.sign_off",
      recordType: "event",
      recordId: eventId,
      detail: {
        pass: participants.filter((p) => p.computed.outcome === "pass").length,
        fail: participants.filter((p) => p.computed.outcome === "fail").length,
      },
    });
  });
  return getRun(ctx, eventId);
}

async function nextNumber(trx: Transaction<DB>, issuedOn: string) {
  const { rows } = await sql<{ n: string }>`select nextval('certificate_number_seq')::text as n`.execute(trx);
  return `ACC-${issuedOn.slice(0, 4)}-${rows[0]!.n.padStart(6, "0")}`;
}

async function preferredLanguage(trx: Transaction<DB>, personId: string): Promise<Language> {
  const user = await trx
    .selectFrom("appUser")
    .select("preferredLanguage")
    .where("personId", "=", personId)
    .where("disabledAt", "is", null)
    .orderBy("createdAt")
    .executeTakeFirst();
  return (user?.preferredLanguage as Language | undefined) ?? "en";
}

/** Issues certificates to the passed participants of a signed-off run who have no live certificate yet. */
export async function issueCertificates(ctx: Ctx, eventId: string, nominationIds: string[] | undefined) {
  const run = await loadRun(ctx, eventId);
  authorize(ctx.viewer, "course.manage", run);
  requireEnded(run, "Issuing certificates");
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockOpenRun(trx, run);
    if (!locked.signedOffAt) throw invalidState("The run is not signed off yet: sign off the results first");
    const qualification = run.qualificationCode
      ? await trx
          .selectFrom("qualification")
          .select("validityYears")
          .where("code", "=", run.qualificationCode)
          .executeTakeFirst()
      : undefined;
    const years = run.certificateValidityYears ?? qualification?.validityYears ?? null;
    let candidates = trx
      .selectFrom("courseOutcome as o")
      .innerJoin("nomination as n", "n.id", "o.nominationId")
      .innerJoin("person as p", "p.id", "n.personId")
      .where("o.eventId", "=", eventId)
      .where("o.outcome", "=", "pass")
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("certificate as x")
              .select("x.id")
              .whereRef("x.nominationId", "=", "o.nominationId")
              .where("x.revokedAt", "is", null),
          ),
        ),
      )
      .select(["o.nominationId", "p.id as personId", "p.givenName", "p.familyName"]);
    if (nominationIds)
      candidates = candidates.where("o.nominationId", "in", nominationIds.length ? nominationIds : [""]);
    const rows = nominationIds?.length === 0 ? [] : await candidates.orderBy("p.familyName").execute();
    const issuedOn = today();
    const issued: { id: string; number: string; holderName: string }[] = [];
    for (const row of rows) {
      const certificate = await trx
        .insertInto("certificate")
        .values({
          number: await nextNumber(trx, issuedOn),
          verificationCode: newVerificationCode(),
          courseId: run.courseId,
          eventId,
          nominationId: row.nominationId,
          personId: row.personId,
          qualificationCode: run.qualificationCode,
          holderName: `${row.givenName} ${row.familyName}`,
          language: await preferredLanguage(trx, row.personId),
          issuedOn,
          validFrom: run.endsOn,
          validUntil: years ? addYears(run.endsOn, years) : null,
          issuedBy: ctx.viewer.userId,
          sample: run.sample,
        })
        .returning(["id", "number", "holderName", "nominationId", "validFrom", "validUntil"])
        .executeTakeFirstOrThrow();
      issued.push({ id: certificate.id, number: certificate.number, holderName: certificate.holderName });
      await notify(trx, {
        recipients: { people: [row.personId] },
        kind: "certificate.issued",
        record: { type: "certificate", id: certificate.id, link: "/training/certificates" },
        title: `Certificate ${certificate.number}`,
        params: { title: certificate.number },
        actorUserId: ctx.viewer.userId,
      });
    }
    for (const certificate of issued) {
      await writeAudit(trx, ctx, {
        action: "certificate.issue",
        recordType: "certificate",
        recordId: certificate.id,
        after: certificate,
      });
    }
    return { issued: issued.length, certificates: issued };
  });
}

// ------------------------------------------------------------------ certificates
const certificateRecord = (row: queries.CertificateRow): CertificateRecord => ({
  personId: row.personId,
  personNationId: row.personNationId,
  course: { organiserId: row.organiserId, hostInstitutionId: row.hostInstitutionId },
});

function certificateOutput(ctx: Ctx, row: queries.CertificateRow) {
  return {
    id: row.id,
    number: row.number,
    holderName: row.holderName,
    personId: row.personId,
    nationCode: row.nationCode,
    courseId: row.courseId,
    courseTitle: titles(row),
    eventId: row.eventId,
    courseStartsOn: row.courseStartsOn,
    courseEndsOn: row.courseEndsOn,
    qualificationCode: row.qualificationCode,
    language: row.language,
    issuedOn: row.issuedOn,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    status: certificateStatus(row, today()),
    revokedAt: iso(row.revokedAt),
    revokedReason: row.revokedReason,
    replacesId: row.replacesId,
    verificationUrl: verificationUrl(ctx, row.verificationCode),
    sample: row.sample,
  };
}

export async function listCertificates(ctx: Ctx, query: CertificateQuery) {
  authorize(ctx.viewer, "certificate.list");
  const page = await queries.listCertificates(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map((row) => certificateOutput(ctx, row)) });
}

async function loadCertificate(ctx: Ctx, id: string, action: Action) {
  const row = await queries.findCertificate(ctx.db, id);
  // Someone who may not see the certificate learns nothing about it, not even that it exists.
  if (!row || !can(ctx.viewer, "certificate.read", certificateRecord(row))) {
    authorize(ctx.viewer, "certificate.list");
    throw notFound("The certificate");
  }
  authorize(ctx.viewer, action, certificateRecord(row));
  return row;
}

export async function getCertificate(ctx: Ctx, id: string) {
  const row = await loadCertificate(ctx, id, "certificate.read");
  return certificateOutput(ctx, row);
}

export async function certificatePdf(ctx: Ctx, id: string, language?: Language) {
  const row = await loadCertificate(ctx, id, "certificate.read");
  const lang = (language ?? row.language) as Language;
  const { issuer, signatory, qualification } = await certificateIssuer(ctx.db, row);
  const pick = (en: string, az: string | null | undefined, ru: string | null | undefined) =>
    (lang === "az" ? az : lang === "ru" ? ru : en) || en;
  const pdf = await renderCertificatePdf({
    language: lang,
    number: row.number,
    holderName: row.holderName,
    courseTitle: pick(row.titleEn, row.titleAz, row.titleRu),
    courseStartsOn: row.courseStartsOn,
    courseEndsOn: row.courseEndsOn,
    qualificationName: qualification
      ? pick(qualification.nameEn, qualification.nameAz, qualification.nameRu)
      : null,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    issuerName: pick(issuer.nameEn, issuer.nameAz, issuer.nameRu),
    signatoryName: signatory,
    verificationUrl: verificationUrl(ctx, row.verificationCode),
  });
  return { pdf, filename: `${row.number}-${lang}.pdf` };
}

export async function setCertificateLanguage(ctx: Ctx, id: string, language: Language) {
  const row = await loadCertificate(ctx, id, "certificate.choose_language");
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable("certificate").set({ language }).where("id", "=", id).execute();
    await writeAudit(trx, ctx, {
      action: "certificate.language",
      recordType: "certificate",
      recordId: id,
      before: { language: row.language },
      after: { language },
    });
  });
  return getCertificate(ctx, id);
}

async function revokeLocked(trx: Transaction<DB>, ctx: Ctx, id: string, reason: string) {
  const before = await trx
    .selectFrom("certificate")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (before.revokedAt) throw invalidState(`The certificate ${before.number} is already revoked`);
  const after = await trx
    .updateTable("certificate")
    .set({ revokedAt: sql<Date>`now()`, revokedReason: reason, revokedBy: ctx.viewer.userId })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { before, after };
}

export async function revokeCertificate(ctx: Ctx, id: string, reason: string) {
  await loadCertificate(ctx, id, "certificate.revoke");
  await ctx.db.transaction().execute(async (trx) => {
    const { before, after } = await revokeLocked(trx, ctx, id, reason);
    await notify(trx, {
      recipients: { people: [before.personId] },
      kind: "certificate.revoked",
      record: { type: "certificate", id, link: "/training/certificates" },
      title: `Certificate ${before.number}`,
      body: reason,
      params: { title: before.number, reason },
      actorUserId: ctx.viewer.userId,
    });
    await writeAudit(trx, ctx, {
      action: "certificate.revoke",
      recordType: "certificate",
      recordId: id,
      before: { revokedAt: before.revokedAt, revokedReason: null },
      after: { revokedAt: after.revokedAt, revokedReason: after.revokedReason },
      detail: { reason },
    });
    await certificateChanged(trx, ctx, before, reason);
  });
  return getCertificate(ctx, id);
}

/** Re-issue: the old certificate is revoked with the reason and a new one (new number, new code) replaces it. */
export async function reissueCertificate(ctx: Ctx, id: string, reason: string, language?: Language) {
  await loadCertificate(ctx, id, "certificate.revoke");
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const { before } = await revokeLocked(trx, ctx, id, `Re-issued: ${reason}`);
    const holder = await trx
      .selectFrom("person")
      .select(["givenName", "familyName"])
      .where("id", "=", before.personId)
      .executeTakeFirstOrThrow();
    const issuedOn = today();
    const row = await trx
      .insertInto("certificate")
      .values({
        number: await nextNumber(trx, issuedOn),
        verificationCode: newVerificationCode(),
        courseId: before.courseId,
        eventId: before.eventId,
        nominationId: before.nominationId,
        personId: before.personId,
        qualificationCode: before.qualificationCode,
        holderName: `${holder.givenName} ${holder.familyName}`,
        language: language ?? before.language,
        issuedOn,
        validFrom: before.validFrom,
        validUntil: before.validUntil,
        replacesId: before.id,
        issuedBy: ctx.viewer.userId,
        sample: before.sample,
      })
      .returning(["id", "number", "holderName", "validFrom", "validUntil", "replacesId"])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "certificate.revoke",
      recordType: "certificate",
      recordId: before.id,
      after: { revokedReason: `Re-issued: ${reason}`, replacedBy: row.id },
    });
    await writeAudit(trx, ctx, {
      action: "certificate.reissue",
      recordType: "certificate",
      recordId: row.id,
      after: row,
      detail: { reason, replaces: before.number },
    });
    return row.id;
  });
  return getCertificate(ctx, newId);
}

export { VERIFY_LIMIT };

/**
 * Public verification by the code of the QR. Rate-limited per address before anything is looked up; unknown and
 * malformed codes get the same 404, so the endpoint tells nothing about which codes exist.
 */
export async function verifyCertificate(ctx: Ctx, code: string, ip: string) {
  authorize(ctx.viewer, "certificate.verify");
  await enforceRateLimit(ctx.db, `certificate-verify:${ip}`, VERIFY_LIMIT.hits, VERIFY_LIMIT.windowSeconds);
  const row = VERIFICATION_CODE.test(code) ? await queries.findCertificateByCode(ctx.db, code) : undefined;
  if (!row) throw notFound("The certificate");
  return publicCertificate(ctx, row);
}

// ------------------------------------------------------------------ registry
export async function listQualifications(ctx: Ctx) {
  authorize(ctx.viewer, "registry.read");
  const rows = await queries.listQualifications(ctx.db, ctx.viewer);
  return rows.map((row) => ({
    code: row.code,
    name: { en: row.nameEn, az: row.nameAz, ru: row.nameRu },
    validityYears: row.validityYears,
    holders: row.holders,
  }));
}

/** Certificates expiring within this many days are flagged in the registry. */
export const EXPIRY_ALERT_DAYS = 90;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export async function getRegistry(ctx: Ctx, query: RegistryQuery) {
  authorize(ctx.viewer, "registry.read");
  const onDate = query.validOn ?? today();
  const page = await queries.registry(ctx.db, ctx.viewer, query, onDate);
  const alertDays = query.expiringWithinDays ?? EXPIRY_ALERT_DAYS;
  return paged(query, {
    total: page.total,
    items: page.items.map((row) => {
      const daysLeft = row.validUntil ? daysBetween(onDate, row.validUntil) : null;
      return { ...row, daysLeft, expiringSoon: daysLeft !== null && daysLeft <= alertDays };
    }),
  });
}
