/* Nominations: filed by a nation, decided by the organisers, withdrawn, attended; and a person's or nation's record. */
import "./catalogue.policy.js";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { authorize, can } from "../../platform/access/policy.js";
import { canRead } from "../../platform/access/releasability.js";
import { readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { actorLabel, awaitDurable, withConnection, writeAudit } from "../../platform/audit.js";
import { lockRow } from "../../platform/audited-write.js";
import { isUniqueViolation } from "../../platform/constraint-errors.js";
import {
  AppError,
  conflict,
  invalidState,
  notFound,
  orNotFound,
  unprocessable,
  validation,
} from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { assertMove, withNext } from "../../platform/transitions.js";
import { assertOverrideReason, checkDoubleBooking } from "../directory/index.js";
import { notifyNominations } from "../notices/index.js";
import { organises } from "./catalogue.policy.js";
import * as queries from "./catalogue.queries.js";
import type {
  AttendanceInput,
  BulkDecisionInput,
  DecisionInput,
  NominationInput,
  NominationPatch,
  NominationQuery,
  ParticipationQuery,
  WithdrawInput,
} from "./catalogue.schemas.js";
import { NOMINATION_TRANSITIONS } from "./catalogue.transitions.js";
import { authorizePerson } from "./loaders.service.js";
import * as nominations from "./nominations.queries.js";
import { auditOffers, offerFreedSeats, seatRefusalMessage } from "./seats.service.js";

type Trx = Kysely<DB>;

/** The JavaScript twin of `activityVisible`, for an activity already loaded with its event. */
export function activityReadable(viewer: Viewer, event: queries.LockedEvent) {
  if (!canRead(viewer, event)) return false;
  // A proposal's alliance staff who do not organise it read it in the catalogue, not as a nomination's target.
  const openToAll = event.activityStatus !== "draft" && !queries.isProposal(event.activityStatus);
  return openToAll || readsEverything(viewer) || organises(viewer, event);
}

/**
 * A nomination as the viewer may read it: the coordinator's note only for the nominating nation's coordinators,
 * the organisers and administrators (`nomination.read_note`), never for the nominee or other readers.
 */
function withNoteFor<R extends queries.NominationRow & queries.NominationOwners>(viewer: Viewer, row: R) {
  const { organiserId, hostInstitutionId, ...rest } = row;
  const record = {
    nationId: row.nationId,
    personId: row.personId,
    activity: { organiserId, hostInstitutionId },
  };
  const note = can(viewer, "nomination.read_note", record) ? row.note : null;
  return withNext(NOMINATION_TRANSITIONS, { ...rest, note });
}

async function nominationOutput(ctx: Ctx, db: Trx, id: string) {
  const row = orNotFound(await queries.findNomination(db, id), "The nomination");
  const { nominatedBy: _n, ...rest } = row;
  return withNoteFor(ctx.viewer, rest);
}

async function loadNomination(ctx: Ctx, db: Trx, id: string) {
  const row = orNotFound(await queries.findNomination(db, id), "The nomination");
  const record = {
    nationId: row.nationId,
    personId: row.personId,
    activity: { organiserId: row.organiserId, hostInstitutionId: row.hostInstitutionId },
  };
  if (!can(ctx.viewer, "nomination.read", record)) throw notFound("The nomination");
  return { row, record };
}
export async function nominate(ctx: Ctx, eventId: string, input: NominationInput) {
  authorize(ctx.viewer, "nomination.list");
  const event = await queries.nominationContext(ctx.db, eventId, input.personId);
  if (!event || !activityReadable(ctx.viewer, event)) throw notFound("The event");
  const person = event.person;
  if (!person || person.archivedAt) throw unprocessable("body.personId", "no such person");
  authorize(ctx.viewer, "nomination.create", { nationId: person.nationId, activity: event });
  if (event.activityStatus !== "published")
    throw invalidState(`The activity is ${event.activityStatus}; it does not take nominations`);
  if (!["planned", "open"].includes(event.status))
    throw invalidState(`The event is ${event.status}; it does not take nominations`);
  const today = new Date().toISOString().slice(0, 10);
  if (event.nominationsCloseOn && event.nominationsCloseOn < today)
    throw invalidState(`Nominations closed on ${event.nominationsCloseOn}`);
  if (!event.eligible)
    throw unprocessable(
      "body.personId",
      `the person's nation is not eligible (${event.eligibility.replace("_", " ")})`,
    );
  const required = event.prerequisites.requiredActivityCodes ?? [];
  const overlapping = event.overlapping;
  const done = event.completedCodes;

  const warnings: { code: string; message: string }[] = [];
  for (const other of overlapping) {
    warnings.push({
      code: "overlap",
      message: `Already accepted for ${other.code} (${other.startsOn} – ${other.endsOn})`,
    });
  }
  const missing = required.filter((code) => !done.includes(code));
  if (missing.length)
    warnings.push({ code: "prerequisite", message: `Has not completed ${missing.join(", ")}` });
  const lacking = event.languages.filter((language) => !person.languages.includes(language));
  if (event.languages.length && lacking.length === event.languages.length)
    warnings.push({
      code: "language",
      message: `Speaks none of the working languages (${event.languages.join(", ")})`,
    });
  if (event.prerequisites.languageLevel)
    warnings.push({ code: "language_level", message: `Requires ${event.prerequisites.languageLevel}` });

  // Everything above reads without locks. The seat itself is decided, recorded, notified and audited by one
  // statement under the event's row lock, which re-checks that the event still takes nominations. It and the wait
  // for its flush share one connection: once it has committed, no second wait for the pool may answer 503.
  const taken = await withConnection(ctx.db, async (db) => {
    const row = await takeSeatOn(ctx, db, eventId, person, input, warnings);
    await awaitDurable(db);
    return row;
  });
  if (!taken) throw invalidState("The event stopped taking nominations");
  return withNext(NOMINATION_TRANSITIONS, taken);
}

function takeSeatOn(
  ctx: Ctx,
  db: Trx,
  eventId: string,
  person: { id: string; nationId: string },
  input: NominationInput,
  warnings: { code: string; message: string }[],
) {
  return queries
    .takeSeat(db, {
      eventId,
      personId: person.id,
      nationId: person.nationId,
      priority: input.priority ?? 100,
      note: input.note ?? null,
      warnings,
      actorUserId: ctx.viewer.userId,
      actorLabel: actorLabel(ctx.viewer),
      requestId: ctx.requestId,
    })
    .catch((error) => {
      if (isUniqueViolation(error))
        throw conflict("This person is already nominated for this event", "body.personId");
      throw error;
    });
}

export async function listNominations(ctx: Ctx, query: NominationQuery) {
  authorize(ctx.viewer, "nomination.list");
  const page = await queries.listNominations(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map((row) => withNoteFor(ctx.viewer, row)) });
}

export async function getNomination(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "nomination.list");
  await loadNomination(ctx, ctx.db, id);
  return nominationOutput(ctx, ctx.db, id);
}

export async function updateNomination(ctx: Ctx, id: string, patch: NominationPatch) {
  authorize(ctx.viewer, "nomination.list");
  const { row, record } = await loadNomination(ctx, ctx.db, id);
  authorize(ctx.viewer, "nomination.update", record);
  if (!["nominated", "waitlisted", "accepted"].includes(row.status))
    throw invalidState(`A ${row.status} nomination cannot be changed`);
  const { reason, ...fields } = patch;
  // A reason explains a change of priority; sent alone it would change nothing (and an empty UPDATE is no SQL).
  if (fields.priority === undefined && fields.note === undefined)
    throw validation("body.priority", "a reason goes with the new priority it explains");
  const reprioritised = fields.priority !== undefined && fields.priority !== row.priority;
  if (reprioritised && !reason?.trim())
    throw unprocessable("body.reason", "a change of priority needs a reason");
  await ctx.db.transaction().execute(async (trx) => {
    await queries.lockEvent(trx, row.eventId);
    const after = await nominations.updateNomination(trx, id, fields);
    await writeAudit(trx, ctx, {
      action: "nomination.update",
      recordType: "nomination",
      recordId: id,
      before: { priority: row.priority, note: row.note },
      after: { priority: after.priority, note: after.note },
      detail: reprioritised ? { reason: reason!.trim() } : undefined,
    });
  });
  return nominationOutput(ctx, ctx.db, id);
}

const DECISION_STATUS = {
  accept: "accepted",
  waitlist: "waitlisted",
  decline: "declined",
  cancel: "cancelled",
} as const;

/** One organiser decision in its own transaction, under the event's row lock. */
export async function decide(ctx: Ctx, id: string, input: DecisionInput) {
  authorize(ctx.viewer, "nomination.list");
  const { row: found, record } = await loadNomination(ctx, ctx.db, id);
  authorize(ctx.viewer, "nomination.decide", record);
  if (input.decision === "decline" && !input.reason)
    throw validation("body.reason", "a decline needs a reason");
  assertOverrideReason(input);
  await ctx.db.transaction().execute(async (trx) => {
    const event = orNotFound(await queries.lockEvent(trx, found.eventId), "The event");
    const before = await lockRow(trx, "nomination", { id, missing: "The nomination" });
    const status = DECISION_STATUS[input.decision];
    assertMove(NOMINATION_TRANSITIONS, before.status, status);
    if (event.status === "cancelled" || event.status === "completed")
      throw invalidState(`The event is ${event.status}`);
    if (status === "accepted") {
      const refused = await seatRefusalMessage(trx, event, before.nationId, id);
      if (refused) throw conflict(`${refused}; waitlist the nomination instead`);
    }
    // Under the event's and the nomination's locks, then the person's: one acceptance of a person at a time.
    const doubleBooking =
      status === "accepted"
        ? await checkDoubleBooking(
            trx,
            ctx.viewer,
            { personId: before.personId, from: event.startsOn, to: event.endsOn, exceptEventId: event.id },
            input,
          )
        : null;
    const after = await nominations.setNominationStatus(trx, id, {
      status,
      statusReason: input.reason ?? null,
      decidedBy: ctx.viewer.userId,
    });
    await nominations.setDoubleBooking(trx, id, doubleBooking);
    await notifyNominations(trx, {
      nominationIds: [id],
      kind: `nomination.${status}`,
      title: `${event.activityCode}: nomination ${status}`,
      body: input.reason ?? event.activityTitle,
      actorUserId: ctx.viewer.userId,
      organisers: false,
      concerned: true,
    });
    // A seat freed (an accepted nomination, or a waitlisted one holding an offer) is offered onward.
    const offered = before.status === "nominated" ? [] : await offerFreedSeats(ctx, trx, event.id, id);
    await writeAudit(trx, ctx, {
      action: `nomination.${input.decision}`,
      recordType: "nomination",
      recordId: id,
      before: { status: before.status },
      after: { status: after.status },
      detail:
        input.reason || doubleBooking
          ? { ...(input.reason ? { reason: input.reason } : {}), ...(doubleBooking ? { doubleBooking } : {}) }
          : undefined,
    });
    await auditOffers(trx, ctx, offered);
  });
  return nominationOutput(ctx, ctx.db, id);
}

export async function decideMany(ctx: Ctx, input: BulkDecisionInput) {
  authorize(ctx.viewer, "nomination.list");
  const results = [];
  for (const nominationId of input.nominationIds) {
    try {
      const after = await decide(ctx, nominationId, { decision: input.decision, reason: input.reason });
      results.push({ nominationId, ok: true, status: after.status, error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ nominationId, ok: false, status: null, error: error.message });
    }
  }
  return { results };
}

export async function withdraw(ctx: Ctx, id: string, input: WithdrawInput) {
  authorize(ctx.viewer, "nomination.list");
  const { row: found, record } = await loadNomination(ctx, ctx.db, id);
  authorize(ctx.viewer, "nomination.withdraw", record);
  await ctx.db.transaction().execute(async (trx) => {
    const event = orNotFound(await queries.lockEvent(trx, found.eventId), "The event");
    const before = await lockRow(trx, "nomination", { id, missing: "The nomination" });
    assertMove(NOMINATION_TRANSITIONS, before.status, "withdrawn");
    await nominations.setNominationStatus(trx, id, {
      status: "withdrawn",
      statusReason: input.reason ?? null,
      decidedBy: ctx.viewer.userId,
    });
    await notifyNominations(trx, {
      nominationIds: [id],
      kind: "nomination.withdrawn",
      title: `${event.activityCode}: nomination withdrawn`,
      body: input.reason ?? event.activityTitle,
      actorUserId: ctx.viewer.userId,
      organisers: true,
      concerned: true,
    });
    const offered = before.status === "nominated" ? [] : await offerFreedSeats(ctx, trx, event.id, null);
    await writeAudit(trx, ctx, {
      action: "nomination.withdraw",
      recordType: "nomination",
      recordId: id,
      before: { status: before.status },
      after: { status: "withdrawn" },
      detail: input.reason ? { reason: input.reason } : undefined,
    });
    await auditOffers(trx, ctx, offered);
  });
  return nominationOutput(ctx, ctx.db, id);
}

/** Attendance (attended, partly, absent) and completion of an accepted nomination, after the event began. */
export async function recordAttendance(ctx: Ctx, id: string, input: AttendanceInput) {
  authorize(ctx.viewer, "nomination.list");
  const { row, record } = await loadNomination(ctx, ctx.db, id);
  authorize(ctx.viewer, "nomination.attendance", record);
  if (row.status !== "accepted") throw invalidState("Attendance is recorded for accepted nominations only");
  const today = new Date().toISOString().slice(0, 10);
  if (row.event.startsOn > today)
    throw invalidState(
      `Attendance opens on ${row.event.startsOn}, when the event begins: the event has not started yet`,
    );
  if (await queries.resultsSignedOff(ctx.db, row.eventId))
    throw invalidState("The results of this event are signed off: attendance is locked");
  const completed = input.completed ?? (input.attendance === "absent" ? false : null);
  if (input.attendance === "absent" && completed)
    throw validation("body.completed", "an absent person cannot complete");
  await ctx.db.transaction().execute(async (trx) => {
    await nominations.setAttendance(trx, id, { attendance: input.attendance, completed });
    await notifyNominations(trx, {
      nominationIds: [id],
      kind: "nomination.attendance",
      title: `${row.event.activityCode}: attendance recorded (${input.attendance})`,
      body: completed === null ? null : completed ? "Completed" : "Not completed",
      actorUserId: ctx.viewer.userId,
      organisers: false,
      concerned: true,
    });
    await writeAudit(trx, ctx, {
      action: "nomination.attendance",
      recordType: "nomination",
      recordId: id,
      before: { attendance: row.attendance, completed: row.completed },
      after: { attendance: input.attendance, completed },
    });
  });
  return nominationOutput(ctx, ctx.db, id);
}

// ------------------------------------------------------------------ participation
export async function personParticipation(ctx: Ctx, personId: string) {
  authorize(ctx.viewer, "nomination.list");
  await authorizePerson(ctx, personId, "participation.person");
  return (await queries.personHistory(ctx.db, ctx.viewer, personId)).map((row) =>
    withNoteFor(ctx.viewer, row),
  );
}

export async function nationParticipation(ctx: Ctx, nationId: string, query: ParticipationQuery) {
  authorize(ctx.viewer, "participation.nation", { id: nationId });
  const result = await queries.nationParticipation(ctx.db, nationId, query.year);
  return { nationId, year: query.year ?? null, ...result };
}
