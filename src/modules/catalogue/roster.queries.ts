import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { releaseColumns } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { nominationScope } from "./catalogue.queries.js";

type Q = Kysely<DB>;

/** The roster never grows past what a printed report can carry; a bigger event is cut with a note. */
export const ROSTER_LIMIT = 5000;

export interface RosterRow {
  id: string;
  status: string;
  priority: number;
  attendance: string | null;
  completed: boolean | null;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nationId: string;
  nationCode: string;
  nationNameEn: string;
  nationNameAz: string;
  nationNameRu: string;
}

/** The event's nominations the viewer may see (the rule of `GET /api/nominations`), by nation, then name. */
export async function rosterNominations(db: Q, viewer: Viewer, eventId: string) {
  const { rows } = await sql<RosterRow>`
    select n.id, n.status, n.priority, n.attendance, n.completed,
      p.given_name, p.family_name, p.rank_title,
      nt.id as nation_id, nt.code as nation_code, nt.name_en as nation_name_en, nt.name_az as nation_name_az,
      nt.name_ru as nation_name_ru
    from nomination n join person p on p.id = n.person_id join nation nt on nt.id = n.nation_id
      join event e on e.id = n.event_id join activity a on a.id = e.activity_id
    where n.event_id = ${eventId} and ${nominationScope(viewer)}
    order by nt.code, n.priority, p.family_name, p.given_name, n.id
    limit ${ROSTER_LIMIT + 1}`.execute(db);
  return rows;
}

/** What the roster's header and marking need of the event's activity (callers have checked it is visible). */
export function rosterActivity(db: Q, activityId: string) {
  return db
    .selectFrom("activity as a")
    .innerJoin("organisation as o", "o.id", "a.organiserId")
    .select([
      "a.code",
      "a.titleEn",
      "a.titleAz",
      "a.titleRu",
      "o.nameEn as organiserEn",
      "o.nameAz as organiserAz",
      "o.nameRu as organiserRu",
      ...releaseColumns("a"),
    ])
    .where("a.id", "=", activityId)
    .executeTakeFirstOrThrow();
}
