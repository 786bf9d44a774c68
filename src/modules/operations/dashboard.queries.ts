import { expressionBuilder, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";

export interface ContributionFigure {
  nationId: string;
  year: number;
  currency: string;
  /** numeric as text, to keep every cent. */
  pledged: string;
  paid: string;
}

/** Trust-fund contributions of each nation by year and currency, over the contributions the viewer may see. */
export async function contributionFigures(
  db: Kysely<DB>,
  viewer: Viewer,
  nationIds: string[],
  fromYear: number,
  toYear: number,
): Promise<ContributionFigure[]> {
  const visible = visibleTo(viewer, "fc")(expressionBuilder<DB, keyof DB>());
  const { rows } = await sql<ContributionFigure>`
    select fc.nation_id, fc.year, fc.currency, sum(fc.pledged)::text as pledged, sum(fc.paid)::text as paid
    from fund_contribution fc
    where fc.nation_id = any(${sql.val(nationIds)}::uuid[]) and fc.year between ${fromYear}::int and ${toYear}::int
      and ${visible}
    group by 1, 2, 3 order by 1, 2, 3`.execute(db);
  return rows;
}
