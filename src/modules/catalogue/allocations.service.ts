/*
 * Per-nation seat allocations (issue 22, item 1): a nation's coordinator requests seats of an event, those who
 * run the event grant (and change) each nation's allocation, and on the event's re-allocation date the scheduled
 * job `seats_reallocate` returns the allocated seats not held to the pool and offers them to the waiting list.
 * The seat rule itself is the database's (`accord_seat_refusal`, src/db/functions); every write here holds the
 * event's row lock, the lock every seat write takes first.
 */
import "./catalogue.policy.js";
import "./allocations.policy.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";
import { authorize, can } from "../../platform/access/policy.js";
import { ANONYMOUS, readsEverything } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { conflict, invalidState, orNotFound, unprocessable, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as allocations from "./allocations.queries.js";
import type { AllocationGrant, AllocationRequest } from "./allocations.schemas.js";
import * as queries from "./catalogue.queries.js";
import { activityOfEvent } from "./loaders.service.js";
import { auditOffers, offerFreedSeats } from "./seats.service.js";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export async function listAllocations(ctx: Ctx, eventId: string) {
  authorize(ctx.viewer, "seat_allocation.list");
  const { event, owner } = await activityOfEvent(ctx, ctx.db, eventId);
  const canGrant = can(ctx.viewer, "event.manage", owner);
  const seesAll = canGrant || readsEverything(ctx.viewer);
  const rows = await allocations.eventAllocations(ctx.db, eventId);
  const binding = event.reallocatedAt === null;
  const sum = (pick: (row: allocations.AllocationRow) => number) => rows.reduce((n, row) => n + pick(row), 0);
  const reserved = sum((row) => (row.granted === null ? 0 : Math.max(0, row.granted - row.held)));
  const held = sum((row) => row.held);
  return {
    eventId,
    capacity: event.capacity,
    nationQuota: event.nationQuota,
    reallocationDate: event.reallocationDate,
    reallocatedAt: event.reallocatedAt,
    totals: {
      requested: sum((row) => row.requested ?? 0),
      granted: sum((row) => row.granted ?? 0),
      held,
      pool: event.capacity === null ? null : Math.max(0, event.capacity - held - (binding ? reserved : 0)),
    },
    items: rows
      .filter((row) => seesAll || ctx.viewer.nationIds.includes(row.nation.id))
      .map((row) => ({ ...row, limit: binding ? (row.granted ?? event.nationQuota) : null })),
    canGrant,
    canRequest:
      ["planned", "open"].includes(event.status) &&
      ctx.viewer.grants.some(
        (grant) => grant.role === "national_coordinator" || grant.role === "administrator",
      ),
  };
}

/** Allocations change while the event is planned or open and not re-allocated yet. */
function assertOpen(event: queries.LockedEvent, reallocatedAt: Date | null) {
  if (!["planned", "open"].includes(event.status)) throw invalidState(`The event is ${event.status}`);
  if (reallocatedAt)
    throw invalidState(
      `The seats of the event were re-allocated on ${reallocatedAt.toISOString().slice(0, 10)}`,
    );
}

/** Locks the event for a nation's allocation: the event open, its seats not re-allocated, the nation known. */
async function lockOpenEvent(trx: Db, eventId: string, nationId: string) {
  const event = orNotFound(await queries.lockEvent(trx, eventId), "The event");
  assertOpen(event, (await allocations.eventState(trx, eventId)).reallocatedAt);
  if (!(await allocations.nationExists(trx, nationId))) throw validation("body.nationId", "no such nation");
  return event;
}

export async function requestSeats(ctx: Ctx, eventId: string, input: AllocationRequest) {
  authorize(ctx.viewer, "seat_allocation.request", { nationId: input.nationId });
  await activityOfEvent(ctx, ctx.db, eventId);
  const note = input.note?.trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    await lockOpenEvent(trx, eventId, input.nationId);
    const before = await allocations.findAllocation(trx, eventId, input.nationId);
    const after = await allocations.saveRequest(trx, {
      eventId,
      nationId: input.nationId,
      requested: input.requested,
      note,
      by: ctx.viewer.userId,
    });
    await writeAudit(trx, ctx, {
      action: "seat_allocation.request",
      recordType: "event_seat_allocation",
      recordId: `${eventId}:${input.nationId}`,
      before: before ? { requested: before.requested, requestNote: before.requestNote } : null,
      after: { requested: after.requested, requestNote: after.requestNote },
    });
  });
  return listAllocations(ctx, eventId);
}

export async function grantSeats(ctx: Ctx, eventId: string, input: AllocationGrant) {
  authorize(ctx.viewer, "seat_allocation.list");
  const { owner } = await activityOfEvent(ctx, ctx.db, eventId);
  authorize(ctx.viewer, "event.manage", owner);
  await ctx.db.transaction().execute(async (trx) => {
    const event = await lockOpenEvent(trx, eventId, input.nationId);
    const before = await allocations.findAllocation(trx, eventId, input.nationId);
    if (input.granted !== null) {
      const others = await allocations.grantedToOthers(trx, eventId, input.nationId);
      if (event.capacity !== null && others + input.granted > event.capacity)
        throw unprocessable(
          "body.granted",
          `${others} of the ${event.capacity} seats are granted to other nations; at most ${Math.max(0, event.capacity - others)} remain`,
        );
      const held = await allocations.heldByNation(trx, eventId, input.nationId);
      if (input.granted < held)
        throw conflict(
          `The nation already holds ${held} seats (accepted or offered); the allocation cannot go below that`,
          "body.granted",
        );
    }
    const after = await allocations.saveGrant(trx, {
      eventId,
      nationId: input.nationId,
      granted: input.granted,
      by: ctx.viewer.userId,
    });
    await allocations.dropEmptyAllocation(trx, eventId, input.nationId);
    // A larger allocation (or one taken back) may let waitlisted nominations of the nation have a seat.
    const offered = await offerFreedSeats(ctx, trx, eventId, null);
    await writeAudit(trx, ctx, {
      action: "seat_allocation.grant",
      recordType: "event_seat_allocation",
      recordId: `${eventId}:${input.nationId}`,
      before: before ? { granted: before.granted } : null,
      after: { granted: after.granted },
      detail: input.reason?.trim() ? { reason: input.reason.trim() } : undefined,
    });
    await auditOffers(trx, ctx, offered);
  });
  return listAllocations(ctx, eventId);
}

/**
 * Re-allocates the events whose re-allocation date has come: one transaction per event, under its row lock; the
 * event is marked re-allocated (once: a second run, on this or another instance, finds it marked and does
 * nothing), its allocated seats not held return to the pool and the waiting list is offered the free seats in
 * priority order. Audited per event. Returns the events re-allocated by this run.
 */
export async function reallocateDue(db: Db, config: Config, now = new Date()): Promise<string[]> {
  const ctx: Ctx = { db, viewer: ANONYMOUS, requestId: null, config };
  const done: string[] = [];
  for (const eventId of await allocations.eventsDueForReallocation(db, now)) {
    await db.transaction().execute(async (trx) => {
      const event = await queries.lockEvent(trx, eventId);
      if (!event) return;
      const returned = await allocations.unusedAllocated(trx, eventId);
      const marked = await allocations.markReallocated(trx, eventId, now);
      if (!marked) return;
      const offered = await offerFreedSeats(ctx, trx, eventId, null);
      await writeAudit(trx, ctx, {
        action: "event.reallocate",
        recordType: "event",
        recordId: eventId,
        before: { reallocatedAt: null },
        after: { reallocatedAt: iso(marked.reallocatedAt) },
        detail: {
          reallocationDate: marked.reallocationDate,
          returnedSeats: returned,
          offers: offered.length,
        },
      });
      await auditOffers(trx, ctx, offered);
      done.push(eventId);
    });
  }
  return done;
}
