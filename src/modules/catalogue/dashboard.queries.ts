import { expressionBuilder, type Kysely, sql } from "kysely";
import { PLANNED_EACH_TIME } from "../../db/prepared.js";
import type { DB } from "../../db/schema/index.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { activityVisible, nominationScope } from "./catalogue.queries.js";

export interface ParticipationFigure {
  nationId: string;
  year: number;
  eventsAttended: number;
  participants: number;
}

/**
 * Participation of each nation by year: distinct events (not cancelled) its people attended (accepted, attended or
 * partly) and their attendances. Counted only over nominations the viewer may see (`nominationScope`, the policy's
 * `seesNomination`) of activities the viewer may see, so a count never reveals another nation's nominations.
 */
export async function participationFigures(
  db: Kysely<DB>,
  viewer: Viewer,
  nationIds: string[],
  fromYear: number,
  toYear: number,
): Promise<ParticipationFigure[]> {
  const activity = activityVisible(viewer, "a")(expressionBuilder<DB, keyof DB>());
  // Planned for its nations and years at each call: the generic plan read every nomination (PLANNED_EACH_TIME).
  const { rows } = await sql<ParticipationFigure>`${sql.raw(PLANNED_EACH_TIME)}
    select n.nation_id, extract(year from e.starts_on)::int as year,
      count(distinct e.id)::int as events_attended, count(*)::int as participants
    from nomination n join event e on e.id = n.event_id join activity a on a.id = e.activity_id
    where n.nation_id = any(${sql.val(nationIds)}::uuid[]) and n.status = 'accepted'
      and n.attendance in ('attended', 'partly') and e.status <> 'cancelled'
      and e.starts_on between make_date(${fromYear}::int, 1, 1) and make_date(${toYear}::int, 12, 31)
      and ${activity} and ${nominationScope(viewer)}
    group by 1, 2 order by 1, 2`.execute(db);
  return rows;
}
