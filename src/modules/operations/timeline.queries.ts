import { expressionBuilder, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";

const visible = (viewer: Viewer, alias: string) =>
  visibleTo(viewer, alias)(expressionBuilder<DB, keyof DB>());

/**
 * A nation's deployments (contingent rotations), exercises it took part in and its trust-fund contributions, as
 * parts of the partnership timeline (columns in the order of programmes' `timeline.queries.ts`). Each by this
 * capability's read rule: the releasability of the contingent, the exercise and the contribution.
 */
export function operationsTimelineParts(viewer: Viewer, nationId: string): RawBuilder<unknown>[] {
  return [
    sql`select 'deployment', r.id, r.starts_on, r.start_precision, r.ends_on,
        c.name || coalesce(' — ' || r.label, ''), null, null, o.name, '/operations/contingents/' || c.id, o.source,
        r.sample or c.sample, false
      from contingent_rotation r join contingent c on c.id = r.contingent_id join operation o on o.id = c.operation_id
      where c.nation_id = ${nationId} and ${visible(viewer, "c")}`,
    sql`select 'exercise', x.id, x.starts_on, 'day', x.ends_on, x.name, null, null, xp.role,
        '/exercises/' || x.id, x.source, x.sample, false
      from exercise_participant xp join exercise x on x.id = xp.exercise_id
      where xp.nation_id = ${nationId} and x.status <> 'cancelled' and ${visible(viewer, "x")}`,
    sql`select 'contribution', fc.id, make_date(fc.year, 1, 1), 'year', make_date(fc.year, 12, 31),
        tf.name, null, null,
        fc.currency || ' ' || fc.pledged::text || ' / ' || fc.paid::text, '/operations/contributions', null,
        fc.sample, false
      from fund_contribution fc join trust_fund tf on tf.id = fc.trust_fund_id
      where fc.nation_id = ${nationId} and ${visible(viewer, "fc")}`,
  ];
}
