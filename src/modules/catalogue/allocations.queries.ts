import { type InsertObject, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";

/*
 * Per-nation seat allocations (0039_seat_allocation). The seat rule itself is the database's
 * `accord_seat_refusal`; the writes run under the event's row lock their caller holds.
 */

type Q = Kysely<DB>;

/** Why one more seat of the event may not go to the nation (null: it may); see accord_seat_refusal. */
export type SeatRefusal = "capacity" | "allocation" | "quota" | "reserved";

/** The seat rule, asked under the event's row lock; `except` is a nomination whose own open offer is not counted. */
export async function seatRefusal(trx: Q, eventId: string, nationId: string, except: string | null = null) {
  const { rows } = await sql<{ refusal: SeatRefusal | null }>`
    select accord_seat_refusal(${eventId}::uuid, ${nationId}::uuid, ${except}::uuid) as refusal`.execute(trx);
  return rows[0]?.refusal ?? null;
}

export interface AllocationRow {
  nation: { id: string; code: string; nameEn: string };
  requested: number | null;
  requestNote: string | null;
  requestedAt: string | null;
  granted: number | null;
  grantedAt: string | null;
  /** Seats the nation holds: accepted nominations and open seat offers. */
  held: number;
  waitlisted: number;
}

/**
 * Every nation with an allocation row or a nomination holding or waiting for a seat of the event, with its
 * requested and granted seats and its use.
 */
export async function eventAllocations(db: Q, eventId: string) {
  const { rows } = await sql<AllocationRow>`
    with use as (
      select n.nation_id,
        count(*) filter (where n.status = 'accepted'
          or exists (select 1 from seat_offer o where o.nomination_id = n.id and o.status = 'offered'))::int as held,
        count(*) filter (where n.status = 'waitlisted')::int as waitlisted
      from nomination n where n.event_id = ${eventId} and n.status in ('accepted', 'waitlisted')
      group by n.nation_id),
    nations as (
      select nation_id from event_seat_allocation where event_id = ${eventId}
      union select nation_id from use)
    select json_build_object('id', nt.id, 'code', nt.code, 'name_en', nt.name_en) as nation,
      al.requested, al.request_note, to_json(al.requested_at) #>> '{}' as requested_at,
      al.granted, to_json(al.granted_at) #>> '{}' as granted_at,
      coalesce(u.held, 0) as held, coalesce(u.waitlisted, 0) as waitlisted
    from nations x join nation nt on nt.id = x.nation_id
    left join event_seat_allocation al on al.event_id = ${eventId} and al.nation_id = x.nation_id
    left join use u on u.nation_id = x.nation_id
    order by nt.code`.execute(db);
  return rows;
}

export function findAllocation(db: Q, eventId: string, nationId: string) {
  return db
    .selectFrom("eventSeatAllocation")
    .selectAll()
    .where("eventId", "=", eventId)
    .where("nationId", "=", nationId)
    .executeTakeFirst();
}

export function nationExists(db: Q, nationId: string) {
  return db.selectFrom("nation").select("id").where("id", "=", nationId).executeTakeFirst();
}

/** The seats granted to the other nations of the event. */
export async function grantedToOthers(db: Q, eventId: string, nationId: string) {
  const row = await db
    .selectFrom("eventSeatAllocation")
    .select(sql<number>`coalesce(sum(granted), 0)::int`.as("granted"))
    .where("eventId", "=", eventId)
    .where("nationId", "<>", nationId)
    .executeTakeFirstOrThrow();
  return row.granted;
}

/** The seats granted on the event in all. */
export async function grantedTotal(db: Q, eventId: string) {
  const row = await db
    .selectFrom("eventSeatAllocation")
    .select(sql<number>`coalesce(sum(granted), 0)::int`.as("granted"))
    .where("eventId", "=", eventId)
    .executeTakeFirstOrThrow();
  return row.granted;
}

export function saveRequest(
  trx: Q,
  input: { eventId: string; nationId: string; requested: number; note: string | null; by: string | null },
) {
  const values = {
    requested: input.requested,
    requestNote: input.note,
    requestedAt: sql<Date>`now()`,
    requestedBy: input.by,
  };
  return saveAllocation(trx, input, values);
}

export function saveGrant(
  trx: Q,
  input: { eventId: string; nationId: string; granted: number | null; by: string | null },
) {
  const values = { granted: input.granted, grantedAt: sql<Date>`now()`, grantedBy: input.by };
  return saveAllocation(trx, input, values);
}

/** Writes the request's or the grant's columns of a nation's allocation of an event, creating it when there is none. */
function saveAllocation(
  trx: Q,
  key: { eventId: string; nationId: string },
  values: Omit<InsertObject<DB, "eventSeatAllocation">, "eventId" | "nationId">,
) {
  return trx
    .insertInto("eventSeatAllocation")
    .values({ eventId: key.eventId, nationId: key.nationId, ...values })
    .onConflict((oc) => oc.columns(["eventId", "nationId"]).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An allocation left with neither a request nor a grant is removed. */
export async function dropEmptyAllocation(trx: Q, eventId: string, nationId: string) {
  await trx
    .deleteFrom("eventSeatAllocation")
    .where("eventId", "=", eventId)
    .where("nationId", "=", nationId)
    .where("requested", "is", null)
    .where("granted", "is", null)
    .execute();
}

/** Seats granted and not held on the event (they return to the pool at its re-allocation). */
export async function unusedAllocated(db: Q, eventId: string) {
  const { rows } = await sql<{ unused: number }>`
    select coalesce(sum(greatest(al.granted - (
      select count(*) from nomination n where n.event_id = al.event_id and n.nation_id = al.nation_id
        and (n.status = 'accepted'
          or exists (select 1 from seat_offer o where o.nomination_id = n.id and o.status = 'offered'))), 0)), 0)::int
      as unused
    from event_seat_allocation al where al.event_id = ${eventId} and al.granted is not null`.execute(db);
  return rows[0]?.unused ?? 0;
}

/** Events whose re-allocation date has come (in UTC) and that still run, not yet re-allocated (read unlocked). */
export async function eventsDueForReallocation(db: Q, now: Date) {
  const rows = await db
    .selectFrom("event")
    .select("id")
    .where("reallocatedAt", "is", null)
    .where("reallocationDate", "<=", now.toISOString().slice(0, 10))
    .where("status", "in", ["planned", "open", "closed"])
    .orderBy("reallocationDate")
    .execute();
  return rows.map((row) => row.id);
}

/** Marks a locked event re-allocated, unless a run before this one did: then undefined. */
export function markReallocated(trx: Q, eventId: string, now: Date) {
  return trx
    .updateTable("event")
    .set({ reallocatedAt: sql`now()` })
    .where("id", "=", eventId)
    .where("reallocatedAt", "is", null)
    .where("reallocationDate", "<=", now.toISOString().slice(0, 10))
    .where("status", "in", ["planned", "open", "closed"])
    .returning(["id", "reallocationDate", "reallocatedAt"])
    .executeTakeFirst();
}

/** The event's re-allocation state (the caller holds its row lock). */
export function eventState(db: Q, eventId: string) {
  return db
    .selectFrom("event")
    .select(["reallocationDate", "reallocatedAt"])
    .where("id", "=", eventId)
    .executeTakeFirstOrThrow();
}

/** Seats the nation holds on the event: accepted nominations and open seat offers. */
export async function heldByNation(db: Q, eventId: string, nationId: string) {
  const { rows } = await sql<{ held: number }>`
    select count(*)::int as held from nomination n
    where n.event_id = ${eventId} and n.nation_id = ${nationId}
      and (n.status = 'accepted'
        or exists (select 1 from seat_offer o where o.nomination_id = n.id and o.status = 'offered'))`.execute(
    db,
  );
  return rows[0]?.held ?? 0;
}

/** The granted allocation of each nation of the event that has one. */
export async function grantedByNation(db: Q, eventId: string) {
  const rows = await db
    .selectFrom("eventSeatAllocation")
    .select(["nationId", "granted"])
    .where("eventId", "=", eventId)
    .where("granted", "is not", null)
    .execute();
  return new Map(rows.map((row) => [row.nationId, row.granted as number]));
}
