import { expressionBuilder, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { evaluationVisibleTo } from "./readiness.queries.js";

/**
 * Readiness evaluations of a nation's units as a part of the partnership timeline (columns in the order of
 * programmes' `timeline.queries.ts`), filtered by this capability's read rule (`evaluationVisibleTo`: releasability,
 * or a place on the evaluation's team).
 */
export function evaluationTimelineParts(viewer: Viewer, nationId: string): RawBuilder<unknown>[] {
  const evaluation = evaluationVisibleTo(viewer, "e")(expressionBuilder<DB, keyof DB>());
  return [
    sql`select 'evaluation', e.id, e.starts_on, 'day', e.ends_on, e.title, null, null,
        u.name_en || ' · ' || e.state || coalesce(' · ' || e.outcome, ''), '/readiness/evaluations/' || e.id,
        null, e.sample, false
      from evaluation e join organisation u on u.id = e.unit_id
      where u.nation_id = ${nationId} and ${evaluation}`,
  ];
}
