import { expressionBuilder, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { itemRowsSql } from "./programmes.queries.js";

type Q = Kysely<DB>;
const ids = (values: string[]) => sql`${sql.val(values)}::uuid[]`;

export interface ProgrammeFigure {
  nationId: string;
  year: number;
  areaCode: string;
  planned: number;
  done: number;
}

/**
 * Planned and implemented items of the annual programmes the viewer may see, by nation, year and area: the same
 * item rows (and the same rule for "implemented") as the programme's implementation report.
 */
export async function programmeFigures(
  db: Q,
  viewer: Viewer,
  nationIds: string[],
  fromYear: number,
  toYear: number,
): Promise<ProgrammeFigure[]> {
  const { rows } = await sql<ProgrammeFigure>`
    with items as (${itemRowsSql(viewer, sql`ap.nation_id = any(${ids(nationIds)})`)})
    select ap.nation_id, items.year, items.area_code, count(*)::int as planned,
      count(*) filter (where items.implemented)::int as done
    from items join annual_programme ap on ap.id = items.programme_id
    where items.year between ${fromYear}::int and ${toYear}::int
    group by 1, 2, 3 order by 1, 2, 3`.execute(db);
  return rows;
}

export interface GoalFigure {
  nationId: string;
  status: string;
  goals: number;
}

/** Partnership goals the viewer may see, by nation and current status. */
export async function goalFigures(db: Q, viewer: Viewer, nationIds: string[]): Promise<GoalFigure[]> {
  const visible = visibleTo(viewer, "g")(expressionBuilder<DB, keyof DB>());
  const { rows } = await sql<GoalFigure>`
    select g.nation_id, g.status, count(*)::int as goals
    from partnership_goal g where g.nation_id = any(${ids(nationIds)}) and ${visible}
    group by 1, 2 order by 1, 2`.execute(db);
  return rows;
}

export interface DashboardNation {
  id: string;
  code: string;
  nameEn: string;
  nameAz: string;
  nameRu: string;
}

export function nationsById(db: Q, nationIds: string[]): Promise<DashboardNation[]> {
  return db
    .selectFrom("nation")
    .select(["id", "code", "nameEn", "nameAz", "nameRu"])
    .where("id", "in", nationIds.length ? nationIds : ["00000000-0000-0000-0000-000000000000"])
    .orderBy("code")
    .execute();
}

export function activeNations(db: Q): Promise<DashboardNation[]> {
  return db
    .selectFrom("nation")
    .select(["id", "code", "nameEn", "nameAz", "nameRu"])
    .where("archivedAt", "is", null)
    .orderBy("code")
    .execute();
}

export function areaNames(db: Q) {
  return db
    .selectFrom("cooperationArea")
    .select(["code", "nameEn", "nameAz", "nameRu"])
    .orderBy("sortOrder")
    .execute();
}
