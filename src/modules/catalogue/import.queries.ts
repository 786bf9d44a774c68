import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { activityVisible } from "./catalogue.queries.js";

/** Reads of the activity and nomination imports (the writes go through the catalogue's service). */

type Q = Kysely<DB>;

const byCode = (rows: { id: string; code: string }[]) =>
  new Map(rows.map((row) => [row.code.toUpperCase(), row.id]));

/** Nation, organisation and cooperation-area codes a file may name, upper case (areas as stored). */
export async function importCodes(db: Q) {
  const [nations, organisations, areas] = await Promise.all([
    db.selectFrom("nation").select(["id", "code"]).where("archivedAt", "is", null).execute(),
    db.selectFrom("organisation").select(["id", "code"]).where("archivedAt", "is", null).execute(),
    db.selectFrom("cooperationArea").select("code").where("archivedAt", "is", null).execute(),
  ]);
  return {
    nation: byCode(nations),
    organisation: byCode(organisations),
    areas: new Set(areas.map((area) => area.code)),
  };
}

/** The activities holding any of the codes, whether or not the viewer sees them (codes are unique). */
export async function activitiesByCode(db: Q, viewer: Viewer, codes: string[]) {
  const rows = await db
    .selectFrom("activity as a")
    .select([
      "a.id",
      "a.code",
      "a.titleEn",
      "a.titleAz",
      "a.titleRu",
      "a.kind",
      "a.menuYear",
      "a.organiserId",
      "a.hostInstitutionId",
      "a.hostNationId",
      "a.city",
      "a.online",
      "a.languages",
      "a.capacity",
      "a.nationQuota",
      "a.status",
    ])
    .select((eb) => [
      sql<
        string[]
      >`array(select aa.area_code from activity_area aa where aa.activity_id = a.id order by 1)`.as("areas"),
      eb.and([activityVisible(viewer)(eb)]).as("visible"),
      sql<
        { startsOn: string; endsOn: string }[]
      >`coalesce((select json_agg(json_build_object('startsOn', e.starts_on, 'endsOn', e.ends_on)) from event e where e.activity_id = a.id), '[]')`.as(
        "events",
      ),
    ])
    .where("a.code", "in", codes.length ? codes : [""])
    .execute();
  return new Map(rows.map((row) => [row.code, row]));
}
export type ExistingActivity =
  Awaited<ReturnType<typeof activitiesByCode>> extends Map<string, infer V> ? V : never;

/** The events a nominations file may name: each visible activity of the codes with its events. */
export async function eventsByActivityCode(db: Q, viewer: Viewer, codes: string[]) {
  if (!codes.length) return [];
  return db
    .selectFrom("event as e")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .select(["e.id", "e.startsOn", "e.endsOn", "e.status", "a.code"])
    .where("a.code", "in", codes)
    .where(activityVisible(viewer))
    .orderBy("e.startsOn")
    .execute();
}

/** People a nominations file names by e-mail (case-insensitive), only those the viewer may see. */
export async function peopleByEmail(db: Q, viewer: Viewer, emails: string[]) {
  if (!emails.length) return [];
  return db
    .selectFrom("person")
    .select(["id", "email", "nationId"])
    .where((eb) => eb.fn("lower", ["email"]), "in", emails)
    .where("archivedAt", "is", null)
    .where(visibleTo(viewer, "person"))
    .execute();
}

/** People the viewer may see with this nation and name (case-insensitive): none, one, or several. */
export async function peopleByName(db: Q, viewer: Viewer, nationId: string, family: string, given: string) {
  return db
    .selectFrom("person")
    .select(["id", "email", "nationId"])
    .where("nationId", "=", nationId)
    .where((eb) => eb.fn("lower", ["familyName"]), "=", family.toLowerCase())
    .where((eb) => eb.fn("lower", ["givenName"]), "=", given.toLowerCase())
    .where("archivedAt", "is", null)
    .where(visibleTo(viewer, "person"))
    .limit(2)
    .execute();
}

/** The nominations that already exist for these events, as "eventId personId" keys. */
export async function existingNominations(db: Q, eventIds: string[]) {
  if (!eventIds.length) return new Set<string>();
  const rows = await db
    .selectFrom("nomination")
    .select(["eventId", "personId"])
    .where("eventId", "in", eventIds)
    .execute();
  return new Set(rows.map((row) => `${row.eventId} ${row.personId}`));
}

/** The date spans of the activities' events, in date order, as "YYYY-MM-DD/YYYY-MM-DD" per activity id. */
export async function eventDatesOf(db: Q, activityIds: string[]) {
  if (!activityIds.length) return new Map<string, string[]>();
  const rows = await db
    .selectFrom("event")
    .select(["activityId", "startsOn", "endsOn"])
    .where("activityId", "in", activityIds)
    .orderBy("startsOn")
    .orderBy("endsOn")
    .execute();
  const spans = new Map<string, string[]>();
  for (const row of rows)
    spans.set(row.activityId, [...(spans.get(row.activityId) ?? []), `${row.startsOn}/${row.endsOn}`]);
  return spans;
}
