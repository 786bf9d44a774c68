import { expressionBuilder, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { activityVisible, nominationScope } from "./catalogue.queries.js";

/**
 * The events a nation's people took part in (accepted, not absent, event not cancelled), one entry per event, as a
 * part of the partnership timeline (programmes' `timeline.queries.ts` composes the parts; columns in its order).
 * An event counts only through nominations the viewer may see (`nominationScope`, the policy's `seesNomination`) of
 * an activity the viewer may see (`activityVisible`), so another nation's coordinator learns nothing of them.
 * Courses and training are the kind `course`; every other activity kind is `event`.
 */
export function eventTimelineParts(viewer: Viewer, nationId: string): RawBuilder<unknown>[] {
  const activity = activityVisible(viewer, "a")(expressionBuilder<DB, keyof DB>());
  return [
    sql`select case when a.kind in ('course', 'training') then 'course' else 'event' end, e.id, e.starts_on,
        'day', e.ends_on, coalesce(e.title, a.title_en), a.title_az, a.title_ru,
        count(*)::text || ' × ' || a.code, '/catalogue/events/' || e.id, null, e.sample or bool_or(n.sample), false
      from nomination n join event e on e.id = n.event_id join activity a on a.id = e.activity_id
      where n.nation_id = ${nationId} and n.status = 'accepted' and n.attendance is distinct from 'absent'
        and e.status <> 'cancelled' and ${activity} and ${nominationScope(viewer)}
      group by e.id, a.id`,
  ];
}
