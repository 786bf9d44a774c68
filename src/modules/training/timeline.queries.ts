import { expressionBuilder, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { certificateVisibleTo } from "./training.queries.js";

/**
 * Certificates held by a nation's people and accreditation applications of its training centres, as parts of the
 * partnership timeline (columns in the order of programmes' `timeline.queries.ts`). Each is filtered by this
 * capability's own read rule: `certificateVisibleTo` (the holder, the nation's overseers, the course's organisers)
 * and the application's releasability.
 */
export function trainingTimelineParts(viewer: Viewer, nationId: string): RawBuilder<unknown>[] {
  const application = visibleTo(viewer, "app")(expressionBuilder<DB, keyof DB>());
  return [
    sql`select 'certificate', x.id, x.valid_from, 'day', x.valid_until,
        x.holder_name || ' — ' || coalesce(q.name_en, a.title_en), q.name_az, q.name_ru,
        x.number || case when x.revoked_at is not null then ' (revoked)' else '' end,
        '/people/' || x.person_id, null, x.sample, false
      from certificate x join person p on p.id = x.person_id join course c on c.id = x.course_id
        join activity a on a.id = c.activity_id left join qualification q on q.code = x.qualification_code
      where p.nation_id = ${nationId} and ${certificateVisibleTo(viewer)()}`,
    sql`select 'accreditation', app.id, coalesce(app.decided_on, app.visit_starts_on, app.created_at::date), 'day',
        app.valid_until, o.name_en || ' — ' || app.kind, o.name_az, o.name_ru,
        app.state || coalesce(' · ' || app.decision, ''), '/training/accreditation/' || app.id, null, app.sample, false
      from accreditation_application app join organisation o on o.id = app.centre_id
      where o.nation_id = ${nationId} and ${application}`,
  ];
}
