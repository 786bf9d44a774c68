/* Events of an activity: their page with the seat gauge, their changes, cancellation and sessions. */
import "./catalogue.policy.js";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { authorize, can } from "../../platform/access/policy.js";
import { hasRole, isAdministrator, readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { deleteRecord, insertRecord, insertRow, updateRow } from "../../platform/audited-write.js";
import { conflict, invalidState, orNotFound, validation } from "../../platform/errors.js";
import { type Ctx, inTransaction } from "../../platform/http/request-context.js";
import { allowedFrom, assertMove, assertTransition } from "../../platform/transitions.js";
import { notifyNominations } from "../notices/index.js";
import { grantedByNation, grantedTotal } from "./allocations.queries.js";
import * as queries from "./catalogue.queries.js";
import type { CancelInput, EventInput, EventPatch, SessionInput } from "./catalogue.schemas.js";
import { EVENT_TRANSITIONS } from "./catalogue.transitions.js";
import * as events from "./events.queries.js";
import { activityOfEvent, checkCapacity, visibleActivity } from "./loaders.service.js";
import { auditOffers, offerFreedSeats } from "./seats.service.js";

type Trx = Kysely<DB>;

/** The re-allocation date falls on or before the event's start. */
function checkReallocationDate(date: string | null | undefined, startsOn: string) {
  if (date && date > startsOn) throw validation("body.reallocationDate", "must not be after startsOn");
}

/**
 * The limits an event's seats may be lowered to (issue 22), checked under the event's row lock (the caller holds
 * it, so no seat is taken between the count and the change): the capacity never below the seats held (accepted
 * nominations and open seat offers) nor below the seats granted to nations; the per-nation quota (before the
 * re-allocation, while it binds) never below the seats held by a nation that it binds (one without a granted
 * allocation). `undefined` skips a limit that does not change; null (no limit) passes. 409 naming the field.
 */
export async function checkSeatLimits(
  trx: Trx,
  eventId: string,
  limits: { capacity?: number | null; nationQuota?: number | null },
  fields = { capacity: "body.capacity", nationQuota: "body.nationQuota" },
  of = "",
) {
  const { capacity, nationQuota } = limits;
  if (capacity == null && nationQuota == null) return;
  const held = await queries.acceptedCounts(trx, eventId);
  if (capacity != null) {
    const accepted = [...held.values()].reduce((sum, n) => sum + n, 0);
    if (accepted > capacity)
      throw conflict(
        `${of}${accepted} seats are already accepted or offered; the capacity cannot go below that`,
        fields.capacity,
      );
    const granted = await grantedTotal(trx, eventId);
    if (granted > capacity)
      throw conflict(
        `${of}${granted} seats are granted to nations; the capacity cannot go below that`,
        fields.capacity,
      );
  }
  if (nationQuota != null) {
    const allocated = await grantedByNation(trx, eventId);
    const most = Math.max(0, ...[...held].filter(([nation]) => !allocated.has(nation)).map(([, n]) => n));
    if (most > nationQuota)
      throw conflict(
        `${of}a nation without an allocation holds ${most} seats (accepted or offered); the per-nation quota cannot go below that`,
        fields.nationQuota,
      );
  }
}

export async function getEvent(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "activity.read");
  const { event, activity, owner } = await activityOfEvent(ctx, ctx.db, id);
  const [sessions, byNation, granted] = await Promise.all([
    queries.listSessions(ctx.db, id),
    queries.seatsByNation(ctx.db, id),
    grantedByNation(ctx.db, id),
  ]);
  // A nation's limit: its granted allocation, else the single quota; after the re-allocation only the capacity.
  const limitOf = (nationId: string) =>
    event.reallocatedAt ? null : (granted.get(nationId) ?? event.nationQuota);
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
      offered: event.offered,
      free: event.capacity === null ? null : Math.max(0, event.capacity - event.accepted - event.offered),
      byNation: byNation
        .filter((row) => seesAll || ctx.viewer.nationIds.includes(row.nation.id))
        .map((row) => ({ ...row, quota: limitOf(row.nation.id) })),
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

/** The activity as the rules of a new event need it. */
export interface EventParent {
  organiserId: string;
  hostInstitutionId?: string | null;
  status: string;
  capacity?: number | null;
  nationQuota?: number | null;
  hostNationId?: string | null;
}

/**
 * The rules of a new event of a visible activity (who may add it, the activity's state, its dates and capacity):
 * returns the row to insert. `createEvent` and the activities import both start here.
 */
export function newEvent(viewer: Viewer, activityId: string, activity: EventParent, input: EventInput) {
  if (input.endsOn < input.startsOn) throw validation("body.endsOn", "must not be before startsOn");
  checkReallocationDate(input.reallocationDate, input.startsOn);
  checkCapacity(input.capacity, input.nationQuota, "body.nationQuota");
  authorize(viewer, "event.manage", {
    organiserId: activity.organiserId,
    hostInstitutionId: activity.hostInstitutionId ?? null,
  });
  if (["completed", "cancelled"].includes(activity.status))
    throw invalidState(`The activity is ${activity.status}; it takes no new events`);
  checkCapacity(
    input.capacity ?? activity.capacity,
    input.nationQuota ?? activity.nationQuota,
    "body.nationQuota",
  );
  return { ...input, activityId, hostNationId: input.hostNationId ?? activity.hostNationId ?? null };
}

export async function createEvent(ctx: Ctx, activityId: string, input: EventInput) {
  authorize(ctx.viewer, "activity.read");
  if (input.endsOn < input.startsOn) throw validation("body.endsOn", "must not be before startsOn");
  checkReallocationDate(input.reallocationDate, input.startsOn);
  checkCapacity(input.capacity, input.nationQuota, "body.nationQuota");
  const id = await inTransaction(ctx, async (trx) => {
    const activity = await visibleActivity(ctx, trx, activityId);
    const row = await insertRow(trx, "event", newEvent(ctx.viewer, activityId, activity, input));
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
    const locked = orNotFound(await queries.lockEvent(trx, id), "The event");
    const before = await events.eventRow(trx, id);
    assertTransition(EVENT_TRANSITIONS, before.status, patch.status);
    if (before.status === "cancelled") throw invalidState("The event is cancelled");
    const startsOn = patch.startsOn ?? before.startsOn;
    const endsOn = patch.endsOn ?? before.endsOn;
    if (endsOn < startsOn) throw validation("body.endsOn", "must not be before startsOn");
    if (patch.reallocationDate !== undefined || patch.startsOn !== undefined)
      checkReallocationDate(
        patch.reallocationDate !== undefined ? patch.reallocationDate : before.reallocationDate,
        startsOn,
      );
    if (
      before.reallocatedAt &&
      patch.reallocationDate !== undefined &&
      patch.reallocationDate !== before.reallocationDate
    )
      throw conflict(
        `The seats were re-allocated on ${before.reallocatedAt.toISOString().slice(0, 10)}; the date cannot change`,
        "body.reallocationDate",
      );
    const activity = await events.activityCapacity(trx, before.activityId);
    const capacity = (patch.capacity !== undefined ? patch.capacity : before.capacity) ?? activity.capacity;
    const quota =
      (patch.nationQuota !== undefined ? patch.nationQuota : before.nationQuota) ?? activity.nationQuota;
    checkCapacity(capacity, quota, "body.nationQuota");
    await checkSeatLimits(trx, id, {
      capacity: patch.capacity !== undefined ? capacity : undefined,
      nationQuota: patch.nationQuota !== undefined && !before.reallocatedAt ? quota : undefined,
    });
    const after = await updateRow(trx, "event", id, patch);
    // More seats (or a larger quota) are offered to the waitlist at once.
    const offered = await offerFreedSeats(ctx, trx, id, null);
    // Those holding or waiting for a seat hear of a change of dates or place.
    const moved = (["startsOn", "endsOn", "city", "venue", "timeZone"] as const).filter(
      (field) => before[field] !== after[field],
    );
    if (moved.length) {
      const holders = await events.seatHolders(trx, id);
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
    await auditOffers(trx, ctx, offered);
  });
  return getEvent(ctx, id);
}

/** Cancels the event and its open nominations, whose people hear of it; the caller audits. */
export async function cancelEventInTransaction(ctx: Ctx, trx: Trx, id: string, reason: string) {
  const locked = orNotFound(await queries.lockEvent(trx, id), "The event");
  assertMove(EVENT_TRANSITIONS, locked.status, "cancelled");
  await events.markEventCancelled(trx, id, reason);
  const affected = await events.cancelNominationsOfEvent(trx, id, reason, ctx.viewer.userId);
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
  await insertRecord(ctx, "eventSession", { ...input, eventId }, { action: "event.session.add" });
  return getEvent(ctx, eventId);
}

export async function removeSession(ctx: Ctx, eventId: string, sessionId: string) {
  authorize(ctx.viewer, "activity.read");
  const { owner } = await activityOfEvent(ctx, ctx.db, eventId);
  authorize(ctx.viewer, "event.manage", owner);
  await deleteRecord(
    ctx,
    "eventSession",
    { id: sessionId, scope: { eventId }, missing: "The session" },
    { action: "event.session.remove" },
  );
  return getEvent(ctx, eventId);
}
