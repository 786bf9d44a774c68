import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { coordinatedNationIds, readsEverything } from "../../platform/access/viewer.js";
import type { ApplicationQuery } from "./applications.schemas.js";

type Db = Kysely<DB>;

export interface ApplicationRow {
  id: string;
  eventId: string;
  event: { id: string; startsOn: string; endsOn: string; activityCode: string; activityTitle: string };
  person: { id: string; givenName: string; familyName: string };
  nation: { id: string; code: string; nameEn: string };
  nationId: string;
  personId: string;
  status: "pending" | "approved" | "refused";
  motivation: string | null;
  reason: string | null;
  nominationId: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  total: number;
}

/**
 * Applications the viewer may read, filtered in SQL: one's own, those of the nations one coordinates, all for
 * administrators and global auditors.
 */
export async function listApplications(db: Db, viewer: Viewer, query: ApplicationQuery & { id?: string }) {
  const own = viewer.personId;
  const nations = coordinatedNationIds(viewer);
  const visible = readsEverything(viewer)
    ? sql`true`
    : sql`(ap.person_id = ${own}::uuid or ap.nation_id = any(${nations}::uuid[]))`;
  const scope =
    query.scope === "mine"
      ? sql`ap.person_id = ${own}::uuid`
      : query.scope === "deciding"
        ? sql`(ap.nation_id = any(${nations}::uuid[]) or ${readsEverything(viewer) && nations.length === 0})`
        : sql`true`;
  const { rows } = await sql<ApplicationRow>`
    select ap.id, ap.event_id, ap.person_id, ap.nation_id, ap.status, ap.motivation, ap.reason, ap.nomination_id,
      ap.decided_at, ap.created_at,
      json_build_object('id', e.id, 'startsOn', e.starts_on, 'endsOn', e.ends_on, 'activityCode', a.code,
        'activityTitle', a.title_en) as event,
      json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name) as person,
      json_build_object('id', n.id, 'code', n.code, 'nameEn', n.name_en) as nation,
      count(*) over ()::int as total
    from event_application ap join event e on e.id = ap.event_id join activity a on a.id = e.activity_id
      join person p on p.id = ap.person_id join nation n on n.id = ap.nation_id
    where ${visible} and ${scope}
      and (${query.status ?? null}::text is null or ap.status = ${query.status ?? null})
      and (${query.eventId ?? null}::uuid is null or ap.event_id = ${query.eventId ?? null}::uuid)
      and (${query.id ?? null}::uuid is null or ap.id = ${query.id ?? null}::uuid)
    order by ap.status = 'pending' desc, ap.created_at desc, ap.id
    limit ${query.limit ?? 25} offset ${query.offset ?? 0}`.execute(db);
  return { items: rows, total: rows[0]?.total ?? 0 };
}

/** Whether the person already holds a nomination for the event (an application would be pointless). */
export async function hasNomination(db: Db, eventId: string, personId: string) {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from nomination where event_id = ${eventId} and person_id = ${personId}) as found`.execute(
    db,
  );
  return rows[0]?.found ?? false;
}
