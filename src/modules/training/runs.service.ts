/* A course run (an event of a course): attendance, results, sign-off and the certificates it issues. */
import "./training.policy.js";
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { authorize, can } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { AppError, invalidState, orNotFound, unprocessable, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { recordRunAttendance } from "../catalogue/index.js";
import { notify } from "../notices/index.js";
import { addYears, certificateStatus, computeOutcome } from "./assessment.js";
import * as runQueries from "./runs.queries.js";
import * as queries from "./training.queries.js";
import type { AttendanceInput, ResultsInput } from "./training.schemas.js";

import { iso, newVerificationCode, titles, today } from "./training.values.js";

async function loadRun(ctx: Ctx, eventId: string) {
  return orNotFound(await queries.findRun(ctx.db, ctx.viewer, eventId), "The course run");
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
  return runQueries.ensureAndLockRun(trx, run.eventId, run.courseId);
}

async function acceptedNominations(trx: Transaction<DB>, eventId: string, ids: string[], field: string) {
  const known = new Set(await runQueries.acceptedAmong(trx, eventId, ids));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0)
    throw unprocessable(`${field}.${index}.nominationId`, "is not an accepted participant of this run");
}

/**
 * Locks the run for a change of its participants' entries (attendance, results): refused once the run is signed
 * off, and every entry must name an accepted participant.
 */
async function lockRunForEntries(
  trx: Transaction<DB>,
  run: queries.RunRow,
  entries: { nominationId: string }[],
  what: string,
) {
  const locked = await lockOpenRun(trx, run);
  if (locked.signedOffAt) throw invalidState(`The run is signed off: ${what} can no longer change`);
  await acceptedNominations(
    trx,
    run.eventId,
    [...new Set(entries.map((e) => e.nominationId))],
    "body.entries",
  );
}

/** The audit of a change of the run's entries: the event as the record, the entries as sent. */
const auditRunEntries = (
  trx: Transaction<DB>,
  ctx: Ctx,
  eventId: string,
  action: string,
  entries: unknown[],
) => writeAudit(trx, ctx, { action, recordType: "event", recordId: eventId, detail: { entries } });

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
    await lockRunForEntries(trx, run, input.entries, "attendance");
    const sessions = new Map(
      (await runQueries.sessionStarts(trx, eventId)).map((s) => [s.id, new Date(s.startsAt)]),
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
    await recordRunAttendance(trx, input.entries, ctx.viewer.userId);
    await auditRunEntries(trx, ctx, eventId, "course_run.attendance", input.entries);
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
    await lockRunForEntries(trx, run, input.entries, "results");
    const cleared = input.entries.filter((entry) => entry.score === null);
    for (const entry of cleared) await runQueries.clearResult(trx, entry.nominationId, entry.componentCode);
    const scored = input.entries.filter((entry) => entry.score !== null);
    if (scored.length)
      await runQueries.upsertResults(
        trx,
        scored.map((entry) => ({
          nominationId: entry.nominationId,
          eventId,
          componentCode: entry.componentCode,
          score: entry.score!,
          recordedBy: ctx.viewer.userId,
        })),
      );
    await auditRunEntries(trx, ctx, eventId, "course_run.results", input.entries);
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
    await runQueries.upsertOutcomes(
      trx,
      participants.map((p) => ({
        nominationId: p.nominationId,
        eventId,
        outcome: p.computed.outcome,
        totalPercent: p.computed.totalPercent,
        attendancePercent: p.computed.attendancePercent,
        reasons: JSON.stringify(p.computed.reasons),
      })),
    );
    await runQueries.markSignedOff(trx, eventId, ctx.viewer.userId, note ?? null);
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

/** The next certificate number: the issue year and the next value of one sequence (numbers never repeat). */
export async function nextNumber(trx: Transaction<DB>, issuedOn: string) {
  const n = await runQueries.nextCertificateSequence(trx);
  return `ACC-${issuedOn.slice(0, 4)}-${n.padStart(6, "0")}`;
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
      ? await runQueries.qualificationValidity(trx, run.qualificationCode)
      : undefined;
    const years = run.certificateValidityYears ?? qualification?.validityYears ?? null;
    const rows = await runQueries.passedWithoutCertificate(trx, eventId, nominationIds);
    const issuedOn = today();
    const issued: { id: string; number: string; holderName: string }[] = [];
    for (const row of rows) {
      const certificate = await runQueries.insertCertificate(trx, {
        number: await nextNumber(trx, issuedOn),
        verificationCode: newVerificationCode(),
        courseId: run.courseId,
        eventId,
        nominationId: row.nominationId,
        personId: row.personId,
        qualificationCode: run.qualificationCode,
        holderName: `${row.givenName} ${row.familyName}`,
        language: await runQueries.preferredLanguage(trx, row.personId),
        issuedOn,
        validFrom: run.endsOn,
        validUntil: years ? addYears(run.endsOn, years) : null,
        issuedBy: ctx.viewer.userId,
        sample: run.sample,
      });
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
