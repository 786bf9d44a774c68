import { expressionBuilder, type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import type { TimelineKind } from "./timeline.schemas.js";

type Q = Kysely<DB>;

const visible = (viewer: Viewer, alias: string) =>
  visibleTo(viewer, alias)(expressionBuilder<DB, keyof DB>());

export interface TimelineRow {
  kind: TimelineKind;
  id: string;
  startsOn: string;
  precision: string;
  endsOn: string | null;
  title: string;
  titleAz: string | null;
  titleRu: string | null;
  detail: string | null;
  link: string | null;
  source: string | null;
  sample: boolean;
  discrepancy: boolean;
}

/**
 * The programmes capability's own parts of the timeline. The first part fixes the columns of the union, which every
 * other capability's part follows: kind, id, starts_on, precision, ends_on, title, title_az, title_ru, detail, link,
 * source, sample, discrepancy.
 */
export function programmeTimelineParts(viewer: Viewer, nationId: string): RawBuilder<unknown>[] {
  return [
    sql`select 'milestone'::text as kind, m.id, m.occurred_on as starts_on, m.precision::text,
        null::date as ends_on, m.title_en::text as title, m.title_az::text, m.title_ru::text,
        m.description::text as detail, null::text as link, m.source::text, m.sample, false as discrepancy
      from partnership_milestone m where m.nation_id = ${nationId} and ${visible(viewer, "m")}`,
    sql`select 'framework', fd.id, fd.signed_on, fd.signed_precision, fd.valid_until, fd.title, null, null,
        pk.name_en, '/programmes/frameworks/' || fd.id, fd.source, fd.sample, false
      from framework_document fd join plan_kind pk on pk.code = fd.kind
      where fd.nation_id = ${nationId} and fd.signed_on is not null and ${visible(viewer, "fd")}`,
    sql`select 'plan_period', pp.id, min(s.starts_on),
        (array_agg(s.start_precision order by s.starts_on))[1],
        case when bool_or(s.ends_on is null) then null else max(s.ends_on) end,
        p.title || ' ' || pp.label, null, null,
        string_agg(distinct s.source, '; '), '/programmes/periods/' || pp.id, string_agg(distinct s.source, '; '),
        bool_or(s.sample) or p.sample,
        count(distinct (s.starts_on, s.ends_on)) > 1
      from plan_period pp join plan p on p.id = pp.plan_id join period_statement s on s.period_id = pp.id
      where p.nation_id = ${nationId} and ${visible(viewer, "p")}
      group by pp.id, p.title, p.sample`,
    sql`select 'programme', ap.id, make_date(ap.first_year, 1, 1), 'year', make_date(ap.last_year, 12, 31),
        ap.title, null, null, ap.status, '/programmes/annual/' || ap.id, null, ap.sample, false
      from annual_programme ap where ap.nation_id = ${nationId} and ${visible(viewer, "ap")}`,
    sql`select 'goal', g.id, coalesce(make_date(g.agreed_year, 1, 1), g.target_on), 'year', g.target_on,
        g.code || ' ' || g.title, null, null, g.status, '/programmes/goals/' || g.id, null, g.sample, false
      from partnership_goal g
      where g.nation_id = ${nationId} and (g.agreed_year is not null or g.target_on is not null)
        and ${visible(viewer, "g")}`,
  ];
}

/**
 * Everything dated about a nation's partnership in one statement: the parts of every capability, each filtered by
 * its owner's read rule, and the kind and year filters applied in SQL to the whole union. The kind of most parts is
 * a constant, so with the kinds bound as parameters the planner drops the parts not asked for.
 */
export async function timeline(
  db: Q,
  parts: RawBuilder<unknown>[],
  filter: { kinds: string[] | null; fromYear?: number; toYear?: number },
): Promise<TimelineRow[]> {
  const { rows } = await sql<TimelineRow>`
    select * from (${sql.join(
      parts.map((part) => sql`(${part})`),
      sql` union all `,
    )}) t
    where (${filter.kinds}::text[] is null or t.kind = any(${filter.kinds}::text[]))
      and (${filter.fromYear ?? null}::int is null
        or coalesce(t.ends_on, t.starts_on) >= make_date(${filter.fromYear ?? 1900}::int, 1, 1))
      and (${filter.toYear ?? null}::int is null or t.starts_on <= make_date(${filter.toYear ?? 2200}::int, 12, 31))
    order by t.starts_on, t.kind, t.title, t.id`.execute(db);
  return rows;
}

export function findNation(db: Q, nationId: string) {
  return db
    .selectFrom("nation")
    .select(["id", "code", "nameEn"])
    .where("id", "=", nationId)
    .executeTakeFirst();
}
