import "./catalogue.policy.js";
import { createHash, randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { type Action, authorize, can } from "../../platform/access/policy.js";
import { canRead, releaseOutput, resolveRelease } from "../../platform/access/releasability.js";
import { hasRole, isAdministrator, readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { lockRow } from "../../platform/audited-write.js";
import { isUniqueViolation } from "../../platform/constraint-errors.js";
import {
  AppError,
  conflict,
  invalidState,
  notFound,
  unprocessable,
  validation,
} from "../../platform/errors.js";
import { type Ctx, inTransaction } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { renderCalendar } from "../../platform/icalendar.js";
import { allowedFrom, assertMove, assertTransition, withNext } from "../../platform/transitions.js";
import { notifyNominations } from "../notifications/index.js";
import { organises } from "./catalogue.policy.js";
import * as queries from "./catalogue.queries.js";
import type {
  ActivityInput,
  ActivityPatch,
  ActivityQuery,
  ActivityStatusChange,
  AttendanceInput,
  BulkDecisionInput,
  CalendarQuery,
  CalendarTokenInput,
  CancelInput,
  CopyActivityInput,
  DecisionInput,
  EventInput,
  EventPatch,
  NominationInput,
  NominationPatch,
  NominationQuery,
  ParticipationQuery,
  SessionInput,
  WithdrawInput,
} from "./catalogue.schemas.js";
import { ACTIVITY_TRANSITIONS, EVENT_TRANSITIONS, NOMINATION_TRANSITIONS } from "./catalogue.transitions.js";

type Trx = Kysely<DB>;

// ------------------------------------------------------------------ activities
export async function searchActivities(ctx: Ctx, query: ActivityQuery) {
  authorize(ctx.viewer, "activity.read");
  if (query.from && query.to && query.to < query.from)
    throw validation("query.to", "must not be before from");
  const result = await queries.searchActivities(ctx.db, ctx.viewer, query);
  return { ...paged(query, result), ...(result.facets ? { facets: result.facets } : {}) };
}

export async function getActivity(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "activity.read");
  const found = await queries.findActivity(ctx.db, ctx.viewer, id);
  if (!found) throw notFound("The activity");
  const { summary, full, events, eligibleNations } = found;
  const activity = { organiserId: full.organiserId, hostInstitutionId: full.hostInstitutionId };
  return {
    ...summary,
    descriptionEn: full.descriptionEn,
    descriptionAz: full.descriptionAz,
    descriptionRu: full.descriptionRu,
    hostInstitution: full.hiId ? { id: full.hiId, code: full.hiCode!, nameEn: full.hiNameEn! } : null,
    venue: full.venue,
    eligibleNations,
    nationQuota: full.nationQuota,
    prerequisites: full.prerequisites,
    externalRefs: full.externalRefs,
    cancelReason: full.cancelReason,
    copiedFromId: full.copiedFromId,
    events,
    canEdit: can(ctx.viewer, "activity.update", activity),
    allowedTransitions: allowedFrom(ACTIVITY_TRANSITIONS, summary.status),
    canNominate:
      summary.status === "published" &&
      (isAdministrator(ctx.viewer) || hasRole(ctx.viewer, "national_coordinator")),
    ...releaseOutput({
      ownerNationId: full.ownerNationId,
      ownerOrganisationId: full.ownerOrganisationId,
      releasability: full.releasability,
      releaseNations: full.releaseNations,
      releaseOrganisations: full.releaseOrganisations,
    }),
  };
}

function checkCapacity(capacity: number | null | undefined, quota: number | null | undefined, field: string) {
  if (capacity != null && quota != null && quota > capacity)
    throw validation(field, "the per-nation quota cannot exceed the capacity");
}

async function areasOf(trx: Trx, activityId: string) {
  const rows = await trx
    .selectFrom("activityArea")
    .select("areaCode")
    .where("activityId", "=", activityId)
    .orderBy("areaCode")
    .execute();
  return rows.map((row) => row.areaCode);
}

async function replaceAreas(trx: Trx, activityId: string, areas: string[]) {
  await trx.deleteFrom("activityArea").where("activityId", "=", activityId).execute();
  if (!areas.length) return;
  const known = await trx
    .selectFrom("cooperationArea")
    .select("code")
    .where("code", "in", areas)
    .where("archivedAt", "is", null)
    .execute();
  const unknown = areas.filter((area) => !known.some((row) => row.code === area));
  if (unknown.length) throw unprocessable("body.areas", `unknown area ${unknown.join(", ")}`);
  await trx
    .insertInto("activityArea")
    .values(areas.map((areaCode) => ({ activityId, areaCode })))
    .execute();
}

export async function createActivity(ctx: Ctx, input: ActivityInput) {
  authorize(ctx.viewer, "activity.create", input);
  checkCapacity(input.capacity, input.nationQuota, "body.nationQuota");
  if (input.eligibility === "named_nations" && !input.eligibleNationIds?.length)
    throw validation("body.eligibleNationIds", "name at least one nation");
  const {
    areas,
    eligibleNationIds,
    prerequisites,
    externalRefs,
    ownerNationId,
    ownerOrganisationId,
    releasability,
    releaseNationIds,
    releaseOrganisationIds,
    ...fields
  } = input;
  const release = resolveRelease(
    ctx.viewer,
    { ownerNationId, ownerOrganisationId, releasability, releaseNationIds, releaseOrganisationIds },
    { ownerOrganisationId: input.organiserId, releasability: "public" },
  );
  const id = await inTransaction(ctx, async (trx) => {
    const row = await trx
      .insertInto("activity")
      .values({
        ...fields,
        eligibleNations: eligibleNationIds ?? [],
        prerequisites: JSON.stringify(prerequisites ?? {}),
        externalRefs: JSON.stringify(externalRefs ?? []),
        ...release,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => {
        if (isUniqueViolation(error))
          throw conflict("An activity with this code already exists", "body.code");
        throw error;
      });
    await replaceAreas(trx, row.id, areas ?? []);
    await writeAudit(trx, ctx, {
      action: "activity.create",
      recordType: "activity",
      recordId: row.id,
      after: { ...row, areas: areas ?? [] },
    });
    return row.id;
  });
  return getActivity(ctx, id);
}

async function loadActivityForUpdate(trx: Trx, id: string) {
  const row = await trx
    .selectFrom("activity")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("The activity");
  return row;
}

/** The activity as the viewer may see it, or 404 (never 403 for records the viewer cannot see). */
async function visibleActivity(ctx: Ctx, trx: Trx, id: string) {
  const row = await loadActivityForUpdate(trx, id);
  const visible = await queries.findActivitySummary(trx, ctx.viewer, id);
  if (!visible) throw notFound("The activity");
  return row;
}

export async function updateActivity(ctx: Ctx, id: string, patch: ActivityPatch) {
  authorize(ctx.viewer, "activity.read");
  await inTransaction(ctx, async (trx) => {
    const before = await visibleActivity(ctx, trx, id);
    authorize(ctx.viewer, "activity.update", before);
    const {
      areas,
      eligibleNationIds,
      prerequisites,
      externalRefs,
      releaseNationIds,
      releaseOrganisationIds,
      ...fields
    } = patch;
    checkCapacity(
      fields.capacity !== undefined ? fields.capacity : before.capacity,
      fields.nationQuota !== undefined ? fields.nationQuota : before.nationQuota,
      "body.nationQuota",
    );
    if (fields.ownerNationId !== undefined || fields.ownerOrganisationId !== undefined) {
      resolveRelease(
        ctx.viewer,
        { ownerNationId: fields.ownerNationId, ownerOrganisationId: fields.ownerOrganisationId },
        {
          ownerNationId: before.ownerNationId,
          ownerOrganisationId: before.ownerOrganisationId,
          releasability: "public",
        },
        before,
      );
    }
    const set = {
      ...fields,
      ...(eligibleNationIds ? { eligibleNations: eligibleNationIds } : {}),
      ...(prerequisites ? { prerequisites: JSON.stringify(prerequisites) } : {}),
      ...(externalRefs ? { externalRefs: JSON.stringify(externalRefs) } : {}),
      ...(releaseNationIds ? { releaseNations: releaseNationIds } : {}),
      ...(releaseOrganisationIds ? { releaseOrganisations: releaseOrganisationIds } : {}),
    };
    // A patch of the areas alone changes no column of the activity row.
    const after = Object.keys(set).length
      ? await trx
          .updateTable("activity")
          .set(set)
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : before;
    const areasBefore = areas ? await areasOf(trx, id) : undefined;
    if (areas) await replaceAreas(trx, id, areas);
    await writeAudit(trx, ctx, {
      action: "activity.update",
      recordType: "activity",
      recordId: id,
      before: areasBefore ? { ...before, areas: areasBefore } : before,
      after: areas ? { ...after, areas: [...new Set(areas)].sort() } : after,
    });
  });
  return getActivity(ctx, id);
}

export async function changeActivityStatus(ctx: Ctx, id: string, input: ActivityStatusChange) {
  authorize(ctx.viewer, "activity.read");
  if (input.status === "cancelled" && !input.reason)
    throw validation("body.reason", "a cancellation needs a reason");
  await ctx.db.transaction().execute(async (trx) => {
    const before = await visibleActivity(ctx, trx, id);
    authorize(ctx.viewer, "activity.update", before);
    assertMove(ACTIVITY_TRANSITIONS, before.status, input.status);
    const after = await trx
      .updateTable("activity")
      .set({
        status: input.status,
        cancelReason: input.status === "cancelled" ? input.reason! : before.cancelReason,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.status === "cancelled") {
      const events = await trx
        .selectFrom("event")
        .select("id")
        .where("activityId", "=", id)
        .where("status", "not in", ["cancelled", "completed"])
        .execute();
      for (const event of events) await cancelEventInTransaction(ctx, trx, event.id, input.reason!);
    }
    await writeAudit(trx, ctx, {
      action: "activity.status",
      recordType: "activity",
      recordId: id,
      before: { status: before.status },
      after: { status: after.status },
      detail: input.reason ? { reason: input.reason } : undefined,
    });
  });
  return getActivity(ctx, id);
}

const shiftYear = (date: string, years: number) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // 29 February moves to 28 February in a year without it.
  const day = m === 2 && d === 29 && new Date(Date.UTC(y + years, 1, 29)).getUTCMonth() !== 1 ? 28 : d;
  return `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};

/** Copies a recurring activity, its areas, events and sessions to another menu year as a draft. */
export async function copyActivity(ctx: Ctx, id: string, input: CopyActivityInput) {
  authorize(ctx.viewer, "activity.read");
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const source = await visibleActivity(ctx, trx, id);
    authorize(ctx.viewer, "activity.update", source);
    const years = input.menuYear - source.menuYear;
    if (years === 0) throw validation("body.menuYear", "choose a different year than the activity's");
    const code =
      input.code ??
      (source.code.includes(String(source.menuYear))
        ? source.code.replace(String(source.menuYear), String(input.menuYear))
        : `${source.code}-${input.menuYear}`);
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      search: _s,
      status: _st,
      cancelReason: _cr,
      copiedFromId: _cf,
      prerequisites,
      externalRefs,
      ...fields
    } = source;
    const row = await trx
      .insertInto("activity")
      .values({
        ...fields,
        code,
        menuYear: input.menuYear,
        status: "draft",
        copiedFromId: source.id,
        prerequisites: JSON.stringify(prerequisites),
        externalRefs: JSON.stringify(externalRefs),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => {
        if (isUniqueViolation(error))
          throw conflict(`An activity with the code ${code} already exists`, "body.code");
        throw error;
      });
    await sql`insert into activity_area (activity_id, area_code)
      select ${row.id}, area_code from activity_area where activity_id = ${source.id}`.execute(trx);
    const events = await trx.selectFrom("event").selectAll().where("activityId", "=", source.id).execute();
    for (const event of events) {
      const copy = await trx
        .insertInto("event")
        .values({
          activityId: row.id,
          title: event.title,
          startsOn: shiftYear(event.startsOn, years),
          endsOn: shiftYear(event.endsOn, years),
          timeZone: event.timeZone,
          city: event.city,
          venue: event.venue,
          hostNationId: event.hostNationId,
          capacity: event.capacity,
          nationQuota: event.nationQuota,
          nominationsCloseOn: event.nominationsCloseOn ? shiftYear(event.nominationsCloseOn, years) : null,
          acceptance: event.acceptance,
          sample: event.sample,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await sql`insert into event_session (event_id, title, starts_at, ends_at)
        select ${copy.id}, title, starts_at + make_interval(years => ${years}), ends_at + make_interval(years => ${years})
        from event_session where event_id = ${event.id}`.execute(trx);
    }
    await writeAudit(trx, ctx, {
      action: "activity.copy",
      recordType: "activity",
      recordId: row.id,
      after: row,
      detail: { copiedFrom: source.code, events: events.length },
    });
    return row.id;
  });
  return getActivity(ctx, newId);
}

export async function listAreas(ctx: Ctx) {
  authorize(ctx.viewer, "activity.read");
  return ctx.db
    .selectFrom("cooperationArea")
    .select(["code", "nameEn", "nameAz", "nameRu"])
    .where("archivedAt", "is", null)
    .orderBy("sortOrder")
    .execute();
}

// ------------------------------------------------------------------ events
async function activityOfEvent(ctx: Ctx, db: Trx, eventId: string) {
  const event = await queries.findEvent(db, eventId);
  if (!event) throw notFound("The event");
  const activity = await queries.findActivitySummary(db, ctx.viewer, event.activityId);
  if (!activity) throw notFound("The event");
  const owner = await db
    .selectFrom("activity")
    .select(["organiserId", "hostInstitutionId"])
    .where("id", "=", event.activityId)
    .executeTakeFirstOrThrow();
  return { event, activity, owner };
}

export async function getEvent(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "activity.read");
  const { event, activity, owner } = await activityOfEvent(ctx, ctx.db, id);
  const [sessions, byNation] = await Promise.all([
    queries.listSessions(ctx.db, id),
    queries.seatsByNation(ctx.db, id),
  ]);
  const canManage = can(ctx.viewer, "event.manage", owner);
  const seesAll = canManage || readsEverything(ctx.viewer);
  const nominated = byNation.reduce((sum, row) => sum + row.nominated, 0);
  return {
    ...event,
    activity,
    sessions,
    seats: {
      capacity: event.capacity,
      nationQuota: event.nationQuota,
      accepted: event.accepted,
      waitlisted: event.waitlisted,
      nominated,
      free: event.capacity === null ? null : Math.max(0, event.capacity - event.accepted),
      byNation: byNation
        .filter((row) => seesAll || ctx.viewer.nationIds.includes(row.nation.id))
        .map((row) => ({ ...row, quota: event.nationQuota })),
    },
    canManage,
    allowedTransitions: allowedFrom(EVENT_TRANSITIONS, event.status),
    canNominate:
      activity.status === "published" &&
      ["planned", "open"].includes(event.status) &&
      (isAdministrator(ctx.viewer) || hasRole(ctx.viewer, "national_coordinator")),
  };
}

/** For other capabilities (training: a course run is an event): the event with effective capacity, unfiltered. */
export async function findEventById(db: Trx, id: string) {
  return queries.findEvent(db, id);
}

export async function createEvent(ctx: Ctx, activityId: string, input: EventInput) {
  authorize(ctx.viewer, "activity.read");
  if (input.endsOn < input.startsOn) throw validation("body.endsOn", "must not be before startsOn");
  checkCapacity(input.capacity, input.nationQuota, "body.nationQuota");
  const id = await inTransaction(ctx, async (trx) => {
    const activity = await visibleActivity(ctx, trx, activityId);
    authorize(ctx.viewer, "event.manage", activity);
    if (["completed", "cancelled"].includes(activity.status))
      throw invalidState(`The activity is ${activity.status}; it takes no new events`);
    checkCapacity(
      input.capacity ?? activity.capacity,
      input.nationQuota ?? activity.nationQuota,
      "body.nationQuota",
    );
    const row = await trx
      .insertInto("event")
      .values({ ...input, activityId, hostNationId: input.hostNationId ?? activity.hostNationId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, { action: "event.create", recordType: "event", recordId: row.id, after: row });
    return row.id;
  });
  return getEvent(ctx, id);
}

export async function updateEvent(ctx: Ctx, id: string, patch: EventPatch) {
  authorize(ctx.viewer, "activity.read");
  const { owner } = await activityOfEvent(ctx, ctx.db, id);
  authorize(ctx.viewer, "event.manage", owner);
  await inTransaction(ctx, async (trx) => {
    const locked = await queries.lockEvent(trx, id);
    if (!locked) throw notFound("The event");
    const before = await trx.selectFrom("event").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    assertTransition(EVENT_TRANSITIONS, before.status, patch.status);
    if (before.status === "cancelled") throw invalidState("The event is cancelled");
    const startsOn = patch.startsOn ?? before.startsOn;
    const endsOn = patch.endsOn ?? before.endsOn;
    if (endsOn < startsOn) throw validation("body.endsOn", "must not be before startsOn");
    const activity = await trx
      .selectFrom("activity")
      .select(["capacity", "nationQuota"])
      .where("id", "=", before.activityId)
      .executeTakeFirstOrThrow();
    const capacity = (patch.capacity !== undefined ? patch.capacity : before.capacity) ?? activity.capacity;
    const quota =
      (patch.nationQuota !== undefined ? patch.nationQuota : before.nationQuota) ?? activity.nationQuota;
    checkCapacity(capacity, quota, "body.nationQuota");
    if (capacity != null && patch.capacity !== undefined) {
      const counts = await queries.acceptedCounts(trx, id);
      const accepted = [...counts.values()].reduce((sum, n) => sum + n, 0);
      if (accepted > capacity)
        throw conflict(
          `${accepted} seats are already accepted; the capacity cannot go below that`,
          "body.capacity",
        );
    }
    const after = await trx
      .updateTable("event")
      .set(patch)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // More seats (or a larger quota) serve the waitlist at once.
    const promoted = await promoteFromWaitlist(ctx, trx, id, null);
    // Those holding or waiting for a seat hear of a change of dates or place.
    const moved = (["startsOn", "endsOn", "city", "venue", "timeZone"] as const).filter(
      (field) => before[field] !== after[field],
    );
    if (moved.length) {
      const holders = await trx
        .selectFrom("nomination")
        .select("id")
        .where("eventId", "=", id)
        .where("status", "in", ["accepted", "waitlisted"])
        .execute();
      await notifyNominations(trx, {
        nominationIds: holders.map((n) => n.id),
        kind: "event.changed",
        title: `${locked.activityCode}: the event changed (${moved.join(", ")})`,
        body: null,
        actorUserId: ctx.viewer.userId,
        organisers: false,
        concerned: true,
      });
    }
    await writeAudit(trx, ctx, { action: "event.update", recordType: "event", recordId: id, before, after });
    await auditPromotions(trx, ctx, promoted);
  });
  return getEvent(ctx, id);
}

async function cancelEventInTransaction(ctx: Ctx, trx: Trx, id: string, reason: string) {
  const locked = await queries.lockEvent(trx, id);
  if (!locked) throw notFound("The event");
  assertMove(EVENT_TRANSITIONS, locked.status, "cancelled");
  await trx
    .updateTable("event")
    .set({ status: "cancelled", cancelReason: reason })
    .where("id", "=", id)
    .execute();
  const affected = await trx
    .updateTable("nomination")
    .set({
      status: "cancelled",
      statusReason: `Event cancelled: ${reason}`,
      decidedBy: ctx.viewer.userId,
      decidedAt: sql`now()`,
    })
    .where("eventId", "=", id)
    .where("status", "in", ["nominated", "accepted", "waitlisted"])
    .returning("id")
    .execute();
  await notifyNominations(trx, {
    nominationIds: affected.map((nomination) => nomination.id),
    kind: "nomination.cancelled",
    title: `${locked.activityCode}: the event was cancelled`,
    body: reason,
    actorUserId: ctx.viewer.userId,
    organisers: false,
    concerned: true,
  });
  return affected.length;
}

export async function cancelEvent(ctx: Ctx, id: string, input: CancelInput) {
  authorize(ctx.viewer, "activity.read");
  const { owner } = await activityOfEvent(ctx, ctx.db, id);
  authorize(ctx.viewer, "event.manage", owner);
  await ctx.db.transaction().execute(async (trx) => {
    const count = await cancelEventInTransaction(ctx, trx, id, input.reason);
    await writeAudit(trx, ctx, {
      action: "event.cancel",
      recordType: "event",
      recordId: id,
      after: { status: "cancelled" },
      detail: { reason: input.reason, nominationsCancelled: count },
    });
  });
  return getEvent(ctx, id);
}

export async function addSession(ctx: Ctx, eventId: string, input: SessionInput) {
  authorize(ctx.viewer, "activity.read");
  const { owner } = await activityOfEvent(ctx, ctx.db, eventId);
  authorize(ctx.viewer, "event.manage", owner);
  if (new Date(input.endsAt) <= new Date(input.startsAt))
    throw validation("body.endsAt", "must be after startsAt");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("eventSession")
      .values({ ...input, eventId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "event.session.add",
      recordType: "event_session",
      recordId: row.id,
      after: row,
    });
  });
  return getEvent(ctx, eventId);
}

export async function removeSession(ctx: Ctx, eventId: string, sessionId: string) {
  authorize(ctx.viewer, "activity.read");
  const { owner } = await activityOfEvent(ctx, ctx.db, eventId);
  authorize(ctx.viewer, "event.manage", owner);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("eventSession")
      .where("id", "=", sessionId)
      .where("eventId", "=", eventId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound("The session");
    await writeAudit(trx, ctx, {
      action: "event.session.remove",
      recordType: "event_session",
      recordId: sessionId,
      before: row,
    });
  });
  return getEvent(ctx, eventId);
}

export async function calendar(ctx: Ctx, query: CalendarQuery) {
  authorize(ctx.viewer, "activity.read");
  if (query.to < query.from) throw validation("query.to", "must not be before from");
  if (query.nationId) authorize(ctx.viewer, "calendar.nation", { id: query.nationId });
  if (query.personId) await authorizePerson(ctx, query.personId, "calendar.person");
  return queries.calendarEntries(ctx.db, ctx.viewer, query);
}

// ------------------------------------------------------------------ seats
type Promotion = { nominationId: string; eventId: string };

/**
 * Serves the waitlist of a locked event in priority order (1 first, then arrival) while seats and the nation's
 * quota allow. Runs inside the transaction that freed the seat, under the same row lock.
 */
async function promoteFromWaitlist(
  ctx: Ctx,
  trx: Trx,
  eventId: string,
  skipId: string | null,
): Promise<Promotion[]> {
  const event = await queries.lockEvent(trx, eventId);
  if (!event || !["planned", "open", "closed"].includes(event.status)) return [];
  const counts = await queries.acceptedCounts(trx, eventId);
  let total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const promoted: Promotion[] = [];
  for (const candidate of await queries.waitlist(trx, eventId)) {
    if (event.capacity !== null && total >= event.capacity) break;
    if (candidate.id === skipId) continue;
    const nationCount = counts.get(candidate.nationId) ?? 0;
    if (event.nationQuota !== null && nationCount >= event.nationQuota) continue;
    await trx
      .updateTable("nomination")
      .set({
        status: "accepted",
        statusReason: "Promoted from the waitlist",
        decidedBy: ctx.viewer.userId,
        decidedAt: sql`now()`,
      })
      .where("id", "=", candidate.id)
      .execute();
    counts.set(candidate.nationId, nationCount + 1);
    total++;
    promoted.push({ nominationId: candidate.id, eventId });
    await notifyNominations(trx, {
      nominationIds: [candidate.id],
      kind: "nomination.promoted",
      title: `${event.activityCode}: promoted from the waitlist to a seat`,
      body: event.activityTitle,
      actorUserId: null,
      organisers: true,
      concerned: true,
    });
  }
  return promoted;
}

async function auditPromotions(trx: Trx, ctx: Ctx, promoted: Promotion[]) {
  for (const promotion of promoted) {
    await writeAudit(trx, ctx, {
      action: "nomination.promote",
      recordType: "nomination",
      recordId: promotion.nominationId,
      before: { status: "waitlisted" },
      after: { status: "accepted" },
      detail: { reason: "seat freed on the event" },
    });
  }
}

function seatAvailable(event: queries.LockedEvent, counts: Map<string, number>, nationId: string) {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (event.capacity !== null && total >= event.capacity) return "capacity" as const;
  if (event.nationQuota !== null && (counts.get(nationId) ?? 0) >= event.nationQuota) return "quota" as const;
  return null;
}

// ------------------------------------------------------------------ nominations
/** The JavaScript twin of `activityVisible`, for an activity already loaded with its event. */
export function activityReadable(viewer: Viewer, event: queries.LockedEvent) {
  if (!canRead(viewer, event)) return false;
  return event.activityStatus !== "draft" || readsEverything(viewer) || organises(viewer, event);
}

async function authorizePerson(ctx: Ctx, personId: string, action: Action) {
  // A person the viewer may not see is reported as missing, as the directory does.
  const person = await queries.findVisiblePerson(ctx.db, ctx.viewer, personId);
  if (!person) throw notFound("The person");
  authorize(ctx.viewer, action, person);
  return person;
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
  const row = await queries.findNomination(db, id);
  if (!row) throw notFound("The nomination");
  const { nominatedBy: _n, ...rest } = row;
  return withNoteFor(ctx.viewer, rest);
}

async function loadNomination(ctx: Ctx, db: Trx, id: string) {
  const row = await queries.findNomination(db, id);
  if (!row) throw notFound("The nomination");
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
  // statement under the event's row lock, which re-checks that the event still takes nominations.
  const taken = await queries
    .takeSeat(ctx.db, {
      eventId,
      personId: person.id,
      nationId: person.nationId,
      priority: input.priority ?? 100,
      note: input.note ?? null,
      warnings,
      actorUserId: ctx.viewer.userId,
      actorLabel: ctx.viewer.username ?? "system",
      requestId: ctx.requestId,
    })
    .catch((error) => {
      if (isUniqueViolation(error))
        throw conflict("This person is already nominated for this event", "body.personId");
      throw error;
    });
  if (!taken) throw invalidState("The event stopped taking nominations");
  return withNext(NOMINATION_TRANSITIONS, taken);
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
  await ctx.db.transaction().execute(async (trx) => {
    await queries.lockEvent(trx, row.eventId);
    const after = await trx
      .updateTable("nomination")
      .set(patch)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "nomination.update",
      recordType: "nomination",
      recordId: id,
      before: { priority: row.priority, note: row.note },
      after: { priority: after.priority, note: after.note },
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
  await ctx.db.transaction().execute(async (trx) => {
    const event = await queries.lockEvent(trx, found.eventId);
    if (!event) throw notFound("The event");
    const before = await lockRow(trx, "nomination", { id, missing: "The nomination" });
    const status = DECISION_STATUS[input.decision];
    assertMove(NOMINATION_TRANSITIONS, before.status, status);
    if (event.status === "cancelled" || event.status === "completed")
      throw invalidState(`The event is ${event.status}`);
    if (status === "accepted") {
      const full = seatAvailable(event, await queries.acceptedCounts(trx, event.id), before.nationId);
      if (full === "capacity")
        throw conflict(`All ${event.capacity} seats of the event are taken; waitlist the nomination instead`);
      if (full === "quota")
        throw conflict(
          `The nation's quota of ${event.nationQuota} seats is used; waitlist the nomination instead`,
        );
    }
    const after = await trx
      .updateTable("nomination")
      .set({
        status,
        statusReason: input.reason ?? null,
        decidedBy: ctx.viewer.userId,
        decidedAt: sql`now()`,
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await notifyNominations(trx, {
      nominationIds: [id],
      kind: `nomination.${status}`,
      title: `${event.activityCode}: nomination ${status}`,
      body: input.reason ?? event.activityTitle,
      actorUserId: ctx.viewer.userId,
      organisers: false,
      concerned: true,
    });
    const promoted = before.status === "accepted" ? await promoteFromWaitlist(ctx, trx, event.id, id) : [];
    await writeAudit(trx, ctx, {
      action: `nomination.${input.decision}`,
      recordType: "nomination",
      recordId: id,
      before: { status: before.status },
      after: { status: after.status },
      detail: input.reason ? { reason: input.reason } : undefined,
    });
    await auditPromotions(trx, ctx, promoted);
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
    const event = await queries.lockEvent(trx, found.eventId);
    if (!event) throw notFound("The event");
    const before = await lockRow(trx, "nomination", { id, missing: "The nomination" });
    assertMove(NOMINATION_TRANSITIONS, before.status, "withdrawn");
    await trx
      .updateTable("nomination")
      .set({
        status: "withdrawn",
        statusReason: input.reason ?? null,
        decidedBy: ctx.viewer.userId,
        decidedAt: sql`now()`,
      })
      .where("id", "=", id)
      .execute();
    await notifyNominations(trx, {
      nominationIds: [id],
      kind: "nomination.withdrawn",
      title: `${event.activityCode}: nomination withdrawn`,
      body: input.reason ?? event.activityTitle,
      actorUserId: ctx.viewer.userId,
      organisers: true,
      concerned: true,
    });
    const promoted = before.status === "accepted" ? await promoteFromWaitlist(ctx, trx, event.id, null) : [];
    await writeAudit(trx, ctx, {
      action: "nomination.withdraw",
      recordType: "nomination",
      recordId: id,
      before: { status: before.status },
      after: { status: "withdrawn" },
      detail: input.reason ? { reason: input.reason } : undefined,
    });
    await auditPromotions(trx, ctx, promoted);
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
    await trx
      .updateTable("nomination")
      .set({ attendance: input.attendance, completed })
      .where("id", "=", id)
      .execute();
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

/** Per-session presence of accepted nominations (a course's attendance sheet). */
export async function recordSessionAttendance(
  ctx: Ctx,
  sessionId: string,
  entries: { nominationId: string; present: boolean; note?: string | null }[],
  eventId?: string,
) {
  authorize(ctx.viewer, "nomination.list");
  const session = await ctx.db
    .selectFrom("eventSession")
    .select(["id", "eventId", "startsAt"])
    .where("id", "=", sessionId)
    .executeTakeFirst();
  if (!session || (eventId && session.eventId !== eventId)) throw notFound("The session");
  const { owner } = await activityOfEvent(ctx, ctx.db, session.eventId);
  authorize(ctx.viewer, "event.manage", owner);
  if (new Date(session.startsAt) > new Date())
    throw invalidState(
      `Attendance of this session opens at ${new Date(session.startsAt).toISOString()}, when it begins`,
    );
  if (await queries.resultsSignedOff(ctx.db, session.eventId))
    throw invalidState("The results of this event are signed off: attendance is locked");
  await ctx.db.transaction().execute(async (trx) => {
    for (const entry of entries) {
      const nomination = await trx
        .selectFrom("nomination")
        .select(["id", "status"])
        .where("id", "=", entry.nominationId)
        .where("eventId", "=", session.eventId)
        .executeTakeFirst();
      if (nomination?.status !== "accepted")
        throw unprocessable("body.nominationId", "not an accepted nomination of this event");
      await trx
        .insertInto("sessionAttendance")
        .values({
          sessionId,
          nominationId: entry.nominationId,
          present: entry.present,
          note: entry.note ?? null,
          recordedBy: ctx.viewer.userId,
        })
        .onConflict((oc) =>
          oc.columns(["sessionId", "nominationId"]).doUpdateSet({
            present: entry.present,
            note: entry.note ?? null,
            recordedBy: ctx.viewer.userId,
            recordedAt: sql`now()`,
          }),
        )
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: "event.session.attendance",
      recordType: "event_session",
      recordId: sessionId,
      detail: { entries: entries.length },
    });
  });
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

// ------------------------------------------------------------------ iCalendar feeds
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const tokenColumns = [
  "id",
  "scope",
  "nationId",
  "personId",
  "search",
  "label",
  "createdAt",
  "lastUsedAt",
  "revokedAt",
] as const;

export async function listCalendarTokens(ctx: Ctx) {
  authorize(ctx.viewer, "calendar.token");
  return ctx.db
    .selectFrom("calendarToken")
    .select([...tokenColumns])
    .where("userId", "=", ctx.viewer.userId!)
    .orderBy("createdAt", "desc")
    .execute();
}

export async function createCalendarToken(ctx: Ctx, input: CalendarTokenInput) {
  authorize(ctx.viewer, "calendar.token");
  if (input.scope === "nation") {
    if (!input.nationId) throw validation("body.nationId", "a nation feed needs nationId");
    authorize(ctx.viewer, "calendar.nation", { id: input.nationId });
  }
  if (input.scope === "person") {
    const personId = input.personId ?? ctx.viewer.personId;
    if (!personId) throw validation("body.personId", "a person feed needs personId");
    input = { ...input, personId };
    await authorizePerson(ctx, personId, "calendar.person");
  }
  if (input.scope === "search" && !input.search)
    throw validation("body.search", "a saved-search feed needs search");
  const token = randomBytes(24).toString("base64url");
  const row = await ctx.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto("calendarToken")
      .values({
        tokenHash: hashToken(token),
        userId: ctx.viewer.userId!,
        scope: input.scope,
        nationId: input.scope === "nation" ? input.nationId! : null,
        personId: input.scope === "person" ? input.personId! : null,
        search: input.scope === "search" ? JSON.stringify(input.search) : null,
        label: input.label ?? null,
      })
      .returning([...tokenColumns])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "calendar.token.create",
      recordType: "calendar_token",
      recordId: created.id,
      after: { scope: created.scope, nationId: created.nationId, personId: created.personId },
    });
    return created;
  });
  return { ...row, token, url: `/api/calendar/${token}.ics` };
}

export async function revokeCalendarToken(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "calendar.token");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("calendarToken")
      .set({ revokedAt: sql`now()` })
      .where("id", "=", id)
      .where("userId", "=", ctx.viewer.userId!)
      .where("revokedAt", "is", null)
      .returning(["id"])
      .executeTakeFirst();
    if (!row) throw notFound("The calendar feed");
    await writeAudit(trx, ctx, {
      action: "calendar.token.revoke",
      recordType: "calendar_token",
      recordId: id,
    });
  });
}

/**
 * The public feed: the token stands in for a session. The feed is built as its owner would see it now, so a
 * role taken away, a revoked token or a disabled account stops it.
 */
export async function calendarFeed(
  ctx: Ctx,
  token: string,
  ownerViewer: (userId: string) => Promise<Viewer | undefined>,
) {
  authorize(ctx.viewer, "activity.read");
  const row = await ctx.db
    .selectFrom("calendarToken as t")
    .innerJoin("appUser as u", "u.id", "t.userId")
    .select([
      "t.id",
      "t.userId",
      "t.scope",
      "t.nationId",
      "t.personId",
      "t.search",
      "t.label",
      "t.revokedAt",
      "u.disabledAt",
    ])
    .where("t.tokenHash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.revokedAt || row.disabledAt) throw notFound("The calendar feed");
  const viewer = await ownerViewer(row.userId);
  if (!viewer) throw notFound("The calendar feed");
  const owner: Ctx = { ...ctx, viewer };
  if (row.scope === "nation" && (!row.nationId || !can(viewer, "calendar.nation", { id: row.nationId })))
    throw notFound("The calendar feed");
  if (row.scope === "person") {
    const person = await ctx.db
      .selectFrom("person")
      .select(["id", "nationId"])
      .where("id", "=", row.personId!)
      .executeTakeFirst();
    if (!person || !can(viewer, "calendar.person", person)) throw notFound("The calendar feed");
  }
  const search = (row.search ?? {}) as Record<string, string | number | undefined>;
  const entries = await queries.calendarEntries(owner.db, viewer, {
    ...(row.scope === "nation" ? { nationId: row.nationId! } : {}),
    ...(row.scope === "person" ? { personId: row.personId! } : {}),
    ...(row.scope === "search"
      ? {
          q: search.q as string | undefined,
          kind: search.kind as string | undefined,
          area: search.area as string | undefined,
          organiserId: search.organiserId as string | undefined,
          hostNationId: search.hostNationId as string | undefined,
          language: search.language as string | undefined,
          year: search.year as number | undefined,
        }
      : {}),
  });
  await ctx.db
    .updateTable("calendarToken")
    .set({ lastUsedAt: sql`now()` })
    .where("id", "=", row.id)
    .execute();
  return renderCalendar({
    name: row.label ?? `Accord ${row.scope}`,
    entries,
  });
}

/**
 * Every live feed token of a user, revoked with their sessions (log out everywhere, password change or reset): a
 * feed URL is a credential too, and may have leaked with whatever made the user end their sessions. The caller
 * audits it, in its own transaction.
 */
export async function revokeCalendarTokensOfUser(trx: Kysely<DB>, userId: string): Promise<number> {
  const result = await trx
    .updateTable("calendarToken")
    .set({ revokedAt: sql`now()` })
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
