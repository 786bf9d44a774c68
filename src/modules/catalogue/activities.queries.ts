import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";

/* The writes of an activity and its cooperation areas (activities.service.ts); its reads are in catalogue.queries.ts. */

type Q = Kysely<DB>;

/** The activity's cooperation areas, by code. */
export async function areasOf(db: Q, activityId: string) {
  const rows = await db
    .selectFrom("activityArea")
    .select("areaCode")
    .where("activityId", "=", activityId)
    .orderBy("areaCode")
    .execute();
  return rows.map((row) => row.areaCode);
}

export async function deleteAreas(trx: Q, activityId: string) {
  await trx.deleteFrom("activityArea").where("activityId", "=", activityId).execute();
}

/** Those of the codes that name a cooperation area in use (not archived). */
export async function knownAreaCodes(db: Q, codes: string[]) {
  const rows = await db
    .selectFrom("cooperationArea")
    .select("code")
    .where("code", "in", codes)
    .where("archivedAt", "is", null)
    .execute();
  return rows.map((row) => row.code);
}

export async function insertAreas(trx: Q, activityId: string, codes: string[]) {
  await trx
    .insertInto("activityArea")
    .values(codes.map((areaCode) => ({ activityId, areaCode })))
    .execute();
}

/** The areas of one activity given to another (a copy). */
export async function copyAreas(trx: Q, fromActivityId: string, toActivityId: string) {
  await sql`insert into activity_area (activity_id, area_code)
    select ${toActivityId}, area_code from activity_area where activity_id = ${fromActivityId}`.execute(trx);
}

/** The cooperation areas in use, in their order. */
export function listAreas(db: Q) {
  return db
    .selectFrom("cooperationArea")
    .select(["code", "nameEn", "nameAz", "nameRu"])
    .where("archivedAt", "is", null)
    .orderBy("sortOrder")
    .execute();
}

/** Inserts an activity; a unique violation (its code) is the caller's to map. */
/** The events of an activity that are neither cancelled nor completed. */
export function liveEventIds(db: Q, activityId: string) {
  return db
    .selectFrom("event")
    .select("id")
    .where("activityId", "=", activityId)
    .where("status", "not in", ["cancelled", "completed"])
    .execute();
}

/**
 * The live events of an activity that take its capacity or its per-nation quota (their own is null), in id order
 * (the order their rows are locked in when the activity's limits change).
 */
export function inheritingLiveEvents(db: Q, activityId: string) {
  return db
    .selectFrom("event")
    .select(["id", "startsOn", "capacity", "nationQuota", "reallocatedAt"])
    .where("activityId", "=", activityId)
    .where("status", "not in", ["cancelled", "completed"])
    .where((eb) => eb.or([eb("capacity", "is", null), eb("nationQuota", "is", null)]))
    .orderBy("id")
    .execute();
}

/** Every event row of an activity (a copy takes them all). */
export function eventRowsOfActivity(db: Q, activityId: string) {
  return db.selectFrom("event").selectAll().where("activityId", "=", activityId).execute();
}

/** The sessions of one event given to another, moved by whole years (a copy). */
export async function copySessions(trx: Q, fromEventId: string, toEventId: string, years: number) {
  await sql`insert into event_session (event_id, title, starts_at, ends_at)
    select ${toEventId}, title, starts_at + make_interval(years => ${years}), ends_at + make_interval(years => ${years})
    from event_session where event_id = ${fromEventId}`.execute(trx);
}

/** The activity row, locked for the rest of the transaction; undefined when there is none. */
export function lockActivity(trx: Q, id: string) {
  return trx.selectFrom("activity").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/**
 * Those of the organisations that belong to a partner nation of the alliance today: a current partnership
 * membership (partnership for peace, EAPC, NACC) and no current alliance membership. Their new activities are
 * proposals unless alliance staff create them (activities.service.ts `proposalRule`).
 */
export async function partnerOrganisationIds(db: Q, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const current = sql`m.nation_id = o.nation_id and m.started_on <= current_date
    and (m.ended_on is null or m.ended_on >= current_date)`;
  const { rows } = await sql<{ id: string }>`select o.id from organisation o
    where o.id = any(${sql.val([...new Set(ids)])}::uuid[])
      and exists (select 1 from nation_membership m
        where ${current} and m.kind in ('partnership_for_peace', 'eapc', 'nacc'))
      and not exists (select 1 from nation_membership m where ${current} and m.kind = 'alliance_member')`.execute(
    db,
  );
  return new Set(rows.map((row) => row.id));
}
