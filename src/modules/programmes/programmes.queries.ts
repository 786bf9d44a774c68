import { type Expression, expressionBuilder, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/schema/index.js";
import type { GoalRating } from "../../db/schema/programmes.js";
import { releaseColumns, visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import type { FrameworkQuery, GoalQuery, PlanQuery, ProgrammeQuery } from "./programmes.schemas.js";

/** A linked record as evidence embeds it: its id and the named text fields, or null. */
type Ref<K extends string> = ({ id: string } & Record<K, string>) | null;
type Q = Kysely<DB>;

/** The releasability predicate as a SQL fragment, for the report queries written in SQL. */
const visible = (viewer: Viewer, alias: string): Expression<SqlBool> =>
  visibleTo(viewer, alias)(expressionBuilder<DB, keyof DB>());

const nationRef = (column: string) =>
  sql<{
    id: string;
    code: string;
    nameEn: string;
  } | null>`(select json_build_object('id', n.id, 'code', n.code, 'nameEn', n.name_en) from nation n where n.id = ${sql.ref(column)})`;

// ------------------------------------------------------------------ reference
export function listPlanKinds(db: Q) {
  return db
    .selectFrom("planKind")
    .select(["code", "nameEn", "nameAz", "nameRu", "replacedBy", "replacedSinceYear"])
    .orderBy("sortOrder")
    .execute();
}

export async function areaExists(db: Q, code: string) {
  return !!(await db
    .selectFrom("cooperationArea")
    .select("code")
    .where("code", "=", code)
    .executeTakeFirst());
}

export async function planKindExists(db: Q, code: string) {
  return !!(await db.selectFrom("planKind").select("code").where("code", "=", code).executeTakeFirst());
}

export function findVisibleActivity(db: Q, viewer: Viewer, id: string) {
  return db
    .selectFrom("activity as a")
    .select(["a.id", "a.code", "a.titleEn", "a.menuYear"])
    .select((eb) =>
      eb
        .selectFrom("activityArea as aa")
        .select((inner) => inner.fn.min("aa.areaCode").as("area"))
        .whereRef("aa.activityId", "=", "a.id")
        .as("areaCode"),
    )
    .where("a.id", "=", id)
    .where((eb) => eb.and([visibleTo(viewer, "a")(eb), eb("a.status", "not in", ["proposed", "rejected"])]))
    .executeTakeFirst();
}

// ------------------------------------------------------------------ framework documents
const frameworkSelect = (db: Q, viewer: Viewer) =>
  db
    .selectFrom("frameworkDocument as fd")
    .where(visibleTo(viewer, "fd"))
    .select([
      "fd.id",
      "fd.nationId",
      "fd.title",
      "fd.kind",
      "fd.parties",
      "fd.signedOn",
      "fd.signedPrecision",
      "fd.signatories",
      "fd.validFrom",
      "fd.validUntil",
      "fd.replacesId",
      "fd.source",
      "fd.note",
      "fd.sample",
      ...releaseColumns("fd"),
    ])
    .select((eb) => [
      nationRef("fd.nation_id").as("nation"),
      eb
        .selectFrom("frameworkDocument as next")
        .select("next.id")
        .whereRef("next.replacesId", "=", "fd.id")
        .limit(1)
        .as("replacedById"),
      jsonArrayFrom(
        eb
          .selectFrom("frameworkDocumentFile as link")
          .innerJoin("storedFile as f", "f.id", "link.fileId")
          .select(["f.id", "f.filename", "f.contentType", "f.sizeBytes", "f.createdAt"])
          .whereRef("link.documentId", "=", "fd.id")
          .orderBy("link.createdAt"),
      ).as("files"),
    ]);

export async function listFrameworks(db: Q, viewer: Viewer, query: FrameworkQuery) {
  let base = frameworkSelect(db, viewer);
  if (query.nationId) base = base.where("fd.nationId", "=", query.nationId);
  if (query.kind) base = base.where("fd.kind", "=", query.kind);
  const [limit, offset] = [query.limit ?? 25, query.offset ?? 0];
  const items = await base
    .select(sql<number>`count(*) over ()`.as("fullCount"))
    .orderBy("fd.signedOn", (ob) => ob.asc().nullsLast())
    .orderBy("fd.id")
    .limit(limit)
    .offset(offset)
    .execute();
  const total = items[0]?.fullCount ?? (offset > 0 ? await countFrameworks(db, viewer, query) : 0);
  return { items, total };
}

async function countFrameworks(db: Q, viewer: Viewer, query: FrameworkQuery) {
  let base = db.selectFrom("frameworkDocument as fd").where(visibleTo(viewer, "fd"));
  if (query.nationId) base = base.where("fd.nationId", "=", query.nationId);
  if (query.kind) base = base.where("fd.kind", "=", query.kind);
  return (await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n;
}

export function findFramework(db: Q, viewer: Viewer, id: string) {
  return frameworkSelect(db, viewer).where("fd.id", "=", id).executeTakeFirst();
}

// ------------------------------------------------------------------ plans
const planSelect = (db: Q, viewer: Viewer) =>
  db
    .selectFrom("plan as p")
    .where(visibleTo(viewer, "p"))
    .select([
      "p.id",
      "p.code",
      "p.title",
      "p.kind",
      "p.nationId",
      "p.frameworkDocumentId",
      "p.successorId",
      "p.description",
      "p.sample",
      ...releaseColumns("p"),
    ])
    .select((eb) => [
      nationRef("p.nation_id").as("nation"),
      eb
        .selectFrom("plan as before")
        .select("before.id")
        .whereRef("before.successorId", "=", "p.id")
        .limit(1)
        .as("predecessorId"),
      eb
        .selectFrom("planPeriod as pp")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("pp.planId", "=", "p.id")
        .$asScalar()
        .as("periodCount"),
    ]);

export async function listPlans(db: Q, viewer: Viewer, query: PlanQuery) {
  let base = planSelect(db, viewer);
  if (query.nationId) base = base.where("p.nationId", "=", query.nationId);
  if (query.kind) base = base.where("p.kind", "=", query.kind);
  let counter = db.selectFrom("plan as p").where(visibleTo(viewer, "p"));
  if (query.nationId) counter = counter.where("p.nationId", "=", query.nationId);
  if (query.kind) counter = counter.where("p.kind", "=", query.kind);
  return pageOf(query, base.orderBy("p.code"), counter);
}

export function findPlan(db: Q, viewer: Viewer, id: string) {
  return planSelect(db, viewer).where("p.id", "=", id).executeTakeFirst();
}

export function findPlanByCode(db: Q, viewer: Viewer, code: string) {
  return planSelect(db, viewer).where("p.code", "=", code).executeTakeFirst();
}

export function periodsOf(db: Q, planIds: string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("planPeriod as pp")
    .select(["pp.id", "pp.planId", "pp.number", "pp.label", "pp.title", "pp.note"])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("periodStatement as s")
          .select([
            "s.id",
            "s.startsOn",
            "s.startPrecision",
            "s.endsOn",
            "s.endPrecision",
            "s.source",
            "s.sample",
            "s.note",
          ])
          .whereRef("s.periodId", "=", "pp.id")
          .orderBy("s.startsOn")
          .orderBy("s.source"),
      ).as("statements"),
    )
    .where("pp.planId", "in", planIds)
    .orderBy("pp.planId")
    .orderBy("pp.number")
    .execute();
}

/** A period with the plan it belongs to, only when the plan is visible. */
export function findPeriod(db: Q, viewer: Viewer, periodId: string) {
  return db
    .selectFrom("planPeriod as pp")
    .innerJoin("plan as p", "p.id", "pp.planId")
    .where(visibleTo(viewer, "p"))
    .where("pp.id", "=", periodId)
    .select(["pp.id", "pp.planId", "p.code as planCode", "p.title as planTitle", ...releaseColumns("p")])
    .executeTakeFirst();
}

const lateAction = (asOf: string | RawBuilder<string>) =>
  sql<boolean>`(a.due_on < ${asOf}::date and a.status not in ('done', 'cancelled'))`;

export function objectivesOf(
  db: Q,
  where: { planId?: string; periodId?: string; id?: string },
  asOf: string,
) {
  let query = db
    .selectFrom("planObjective as o")
    .innerJoin("cooperationArea as area", "area.code", "o.areaCode")
    .select([
      "o.id",
      "o.planId",
      "o.periodId",
      "o.code",
      "o.title",
      "o.description",
      "o.sample",
      sql<{
        code: string;
        nameEn: string;
        nameAz: string;
        nameRu: string;
      }>`json_build_object('code', area.code, 'nameEn', area.name_en, 'nameAz', area.name_az, 'nameRu', area.name_ru)`.as(
        "area",
      ),
      sql<number>`(select count(*) from plan_action a where a.objective_id = o.id)`.as("actionCount"),
      sql<number>`(select count(*) from plan_action a where a.objective_id = o.id and a.status = 'done')`.as(
        "doneCount",
      ),
      sql<number>`(select count(*) from plan_action a where a.objective_id = o.id and ${lateAction(asOf)})`.as(
        "lateCount",
      ),
    ]);
  if (where.planId) query = query.where("o.planId", "=", where.planId);
  if (where.periodId) query = query.where("o.periodId", "=", where.periodId);
  if (where.id) query = query.where("o.id", "=", where.id);
  return query.orderBy("o.code").execute();
}

/** An objective with its plan, only when the plan is visible. */
export function findObjectiveOwner(db: Q, viewer: Viewer, objectiveId: string) {
  return db
    .selectFrom("planObjective as o")
    .innerJoin("plan as p", "p.id", "o.planId")
    .leftJoin("planPeriod as pp", "pp.id", "o.periodId")
    .where(visibleTo(viewer, "p"))
    .where("o.id", "=", objectiveId)
    .select([
      "o.id",
      "o.planId",
      "p.code as planCode",
      "p.title as planTitle",
      "pp.id as periodId",
      "pp.label as periodLabel",
      "pp.number as periodNumber",
      ...releaseColumns("p"),
    ])
    .executeTakeFirst();
}

export function findActionOwner(db: Q, viewer: Viewer, actionId: string) {
  return db
    .selectFrom("planAction as a")
    .innerJoin("planObjective as o", "o.id", "a.objectiveId")
    .innerJoin("plan as p", "p.id", "o.planId")
    .where(visibleTo(viewer, "p"))
    .where("a.id", "=", actionId)
    .selectAll("a")
    .select(["p.id as planId", ...releaseColumns("p")])
    .executeTakeFirst();
}

export function actionsOf(db: Q, viewer: Viewer, objectiveId: string, asOf: string) {
  return db
    .selectFrom("planAction as a")
    .select([
      "a.id",
      "a.objectiveId",
      "a.title",
      "a.responsibleNote",
      "a.dueOn",
      "a.status",
      "a.progress",
      "a.completedOn",
      "a.note",
      "a.sample",
      lateAction(asOf).as("late"),
    ])
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom("organisation as org")
          .select(["org.id", "org.code", "org.nameEn"])
          .whereRef("org.id", "=", "a.responsibleOrganisationId"),
      ).as("responsibleOrganisation"),
      jsonArrayFrom(
        eb
          .selectFrom("actionEvidence as ev")
          .leftJoin("activity as act", (join) =>
            join.onRef("act.id", "=", "ev.activityId").on(visibleTo(viewer, "act")),
          )
          .leftJoin("partnershipGoal as g", (join) =>
            join.onRef("g.id", "=", "ev.goalId").on(visibleTo(viewer, "g")),
          )
          .leftJoin("frameworkDocument as fd", (join) =>
            join.onRef("fd.id", "=", "ev.documentId").on(visibleTo(viewer, "fd")),
          )
          .select([
            "ev.id",
            "ev.url",
            "ev.note",
            sql<string>`case when ev.activity_id is not null then 'activity' when ev.goal_id is not null then 'goal'
              when ev.document_id is not null then 'document' else 'url' end`.as("kind"),
            sql<Ref<"code" | "titleEn">>`case when act.id is null then null
              else json_build_object('id', act.id, 'code', act.code, 'titleEn', act.title_en) end`.as(
              "activity",
            ),
            sql<Ref<"code" | "title">>`case when g.id is null then null
              else json_build_object('id', g.id, 'code', g.code, 'title', g.title) end`.as("goal"),
            sql<Ref<"title">>`case when fd.id is null then null
              else json_build_object('id', fd.id, 'title', fd.title) end`.as("document"),
          ])
          .whereRef("ev.actionId", "=", "a.id")
          // Evidence pointing at a record the viewer may not see is left out rather than shown empty.
          .where(
            sql<boolean>`(ev.url is not null or act.id is not null or g.id is not null or fd.id is not null)`,
          )
          .orderBy("ev.createdAt"),
      ).as("evidence"),
    ])
    .where("a.objectiveId", "=", objectiveId)
    .orderBy("a.dueOn", (ob) => ob.asc().nullsLast())
    .orderBy("a.title")
    .execute();
}

export function goalsOfObjective(db: Q, viewer: Viewer, objectiveId: string) {
  return db
    .selectFrom("actionEvidence as ev")
    .innerJoin("planAction as a", "a.id", "ev.actionId")
    .innerJoin("partnershipGoal as g", "g.id", "ev.goalId")
    .where("a.objectiveId", "=", objectiveId)
    .where(visibleTo(viewer, "g"))
    .select(["g.id", "g.code", "g.title", "g.status"])
    .distinct()
    .orderBy("g.code")
    .execute();
}

/** Per area: objectives and actions of a plan period, with what is done and what is late on `asOf`. */
export async function periodFigures(db: Q, periodId: string, asOf: string) {
  const { rows } = await sql<{
    areaCode: string;
    areaName: string;
    objectives: number;
    actions: number;
    done: number;
    inProgress: number;
    late: number;
    cancelled: number;
    averageProgress: number | null;
  }>`
    select o.area_code, area.name_en as area_name,
      count(distinct o.id)::int as objectives,
      count(a.id)::int as actions,
      count(a.id) filter (where a.status = 'done')::int as done,
      count(a.id) filter (where a.status = 'in_progress')::int as in_progress,
      count(a.id) filter (where ${lateAction(asOf)})::int as late,
      count(a.id) filter (where a.status = 'cancelled')::int as cancelled,
      round(avg(a.progress) filter (where a.status <> 'cancelled'), 1)::float8 as average_progress
    from plan_objective o
    join cooperation_area area on area.code = o.area_code
    left join plan_action a on a.objective_id = o.id
    where o.period_id = ${periodId}
    group by o.area_code, area.name_en, area.sort_order
    order by area.sort_order`.execute(db);
  const late = await db
    .selectFrom("planAction as a")
    .innerJoin("planObjective as o", "o.id", "a.objectiveId")
    .select(["a.id", "o.code as objectiveCode", "a.title", "a.dueOn", "a.status", "a.progress"])
    .where("o.periodId", "=", periodId)
    .where(lateAction(asOf))
    .orderBy("a.dueOn")
    .execute();
  return { areas: rows, late };
}

// ------------------------------------------------------------------ annual programmes
const programmeSelect = (db: Q, viewer: Viewer) =>
  db
    .selectFrom("annualProgramme as ap")
    .where(visibleTo(viewer, "ap"))
    .select([
      "ap.id",
      "ap.nationId",
      "ap.firstYear",
      "ap.lastYear",
      "ap.title",
      "ap.planId",
      "ap.status",
      "ap.note",
      "ap.sample",
      ...releaseColumns("ap"),
      nationRef("ap.nation_id").as("nation"),
      sql<number>`(select count(*) from programme_item pi where pi.programme_id = ap.id)`.as("itemCount"),
    ]);

export async function listProgrammes(db: Q, viewer: Viewer, query: ProgrammeQuery) {
  let base = programmeSelect(db, viewer);
  let counter = db.selectFrom("annualProgramme as ap").where(visibleTo(viewer, "ap"));
  if (query.nationId) {
    base = base.where("ap.nationId", "=", query.nationId);
    counter = counter.where("ap.nationId", "=", query.nationId);
  }
  if (query.year) {
    const year = query.year;
    base = base.where("ap.firstYear", "<=", year).where("ap.lastYear", ">=", year);
    counter = counter.where("ap.firstYear", "<=", year).where("ap.lastYear", ">=", year);
  }
  return pageOf(query, base.orderBy("ap.firstYear", "desc").orderBy("ap.id"), counter);
}

export function findProgramme(db: Q, viewer: Viewer, id: string) {
  return programmeSelect(db, viewer).where("ap.id", "=", id).executeTakeFirst();
}

export interface ItemRow {
  id: string;
  programmeId: string;
  programmeTitle: string;
  activityId: string | null;
  activity: { id: string; code: string; titleEn: string; kind: string; menuYear: number } | null;
  title: string;
  areaCode: string;
  plannedStartsOn: string | null;
  plannedEndsOn: string | null;
  plannedParticipants: number;
  ownOutcome: string | null;
  ownParticipants: number | null;
  note: string | null;
  sample: boolean;
  objectiveIds: string[];
  attended: number;
  completed: number;
  eventsAttended: number;
  implemented: boolean;
  year: number;
}

/**
 * Programme items with their actual figures. Actual = the programme nation's nominations with status accepted
 * and attendance attended or partly, on events (not cancelled) of the linked activity that start within the
 * programme's span; "completed" counts those of them marked completed. An own item's outcome is recorded by
 * hand. Only items of programmes the viewer may see are returned.
 */
export function itemRowsSql(viewer: Viewer, filter: RawBuilder<unknown>) {
  return sql`
    select pi.id, pi.programme_id, ap.title as programme_title, pi.activity_id,
      case when a.id is null then null else json_build_object(
        'id', a.id, 'code', a.code, 'titleEn', a.title_en, 'kind', a.kind, 'menuYear', a.menu_year) end as activity,
      coalesce(pi.title, a.title_en, '(not releasable)') as title,
      pi.area_code, pi.planned_starts_on, pi.planned_ends_on, pi.planned_participants,
      pi.own_outcome, pi.own_participants, pi.note, pi.sample,
      coalesce((select array_agg(pio.objective_id order by pio.objective_id) from programme_item_objective pio
        where pio.item_id = pi.id), '{}') as objective_ids,
      case when pi.activity_id is null
        then case when pi.own_outcome = 'done' then coalesce(pi.own_participants, 0) else 0 end
        else coalesce(actual.attended, 0) end::int as attended,
      coalesce(actual.completed, 0)::int as completed,
      case when pi.activity_id is null then (pi.own_outcome = 'done')::int
        else coalesce(actual.events, 0) end::int as events_attended,
      case when pi.activity_id is null then coalesce(pi.own_outcome = 'done', false)
        else coalesce(actual.attended, 0) > 0 end as implemented,
      coalesce(extract(year from pi.planned_starts_on)::int,
        case when a.menu_year between ap.first_year and ap.last_year then a.menu_year end,
        ap.first_year) as year
    from programme_item pi
    join annual_programme ap on ap.id = pi.programme_id
    left join activity a on a.id = pi.activity_id and ${visible(viewer, "a")}
    left join lateral (
      select count(*) filter (where n.attendance in ('attended', 'partly')) as attended,
        count(*) filter (where n.attendance in ('attended', 'partly') and n.completed) as completed,
        count(distinct e.id) filter (where n.attendance in ('attended', 'partly')) as events
      from event e
      join nomination n on n.event_id = e.id
      where e.activity_id = pi.activity_id and n.nation_id = ap.nation_id and n.status = 'accepted'
        and e.status <> 'cancelled'
        and e.starts_on between make_date(ap.first_year, 1, 1) and make_date(ap.last_year, 12, 31)
    ) actual on pi.activity_id is not null
    where ${visible(viewer, "ap")} and ${filter}`;
}

export async function itemsOfProgramme(db: Q, viewer: Viewer, programmeId: string) {
  const { rows } = await sql<ItemRow>`${itemRowsSql(viewer, sql`pi.programme_id = ${programmeId}`)}
    order by pi.area_code, coalesce(pi.planned_starts_on, '9999-12-31'), pi.id`.execute(db);
  return rows;
}

export async function itemsOfObjective(db: Q, viewer: Viewer, objectiveId: string) {
  const { rows } = await sql<ItemRow>`${itemRowsSql(
    viewer,
    sql`exists (select 1 from programme_item_objective pio where pio.item_id = pi.id and pio.objective_id = ${objectiveId})`,
  )} order by ap.first_year, pi.id`.execute(db);
  return rows;
}

export interface AreaFigureRow {
  areaCode: string;
  areaName: string;
  plannedItems: number;
  implementedItems: number;
  plannedParticipants: number;
  attended: number;
  completed: number;
}

/** Plan vs actual of one programme by area, computed in SQL from the same item rows. */
export async function programmeAreaFigures(db: Q, viewer: Viewer, programmeId: string) {
  const { rows } = await sql<AreaFigureRow>`
    with items as (${itemRowsSql(viewer, sql`pi.programme_id = ${programmeId}`)})
    select items.area_code, area.name_en as area_name,
      count(*)::int as planned_items,
      count(*) filter (where items.implemented)::int as implemented_items,
      sum(items.planned_participants)::int as planned_participants,
      sum(items.attended)::int as attended,
      sum(items.completed)::int as completed
    from items join cooperation_area area on area.code = items.area_code
    group by items.area_code, area.name_en, area.sort_order
    order by area.sort_order`.execute(db);
  return rows;
}

/** Distinct events of activities outside the programme that the nation attended within its span. */
export async function unplannedEventsAttended(
  db: Q,
  programme: { id: string; nationId: string; firstYear: number; lastYear: number },
) {
  const { rows } = await sql<{ n: number }>`
    select count(distinct e.id)::int as n
    from event e join nomination n on n.event_id = e.id
    where n.nation_id = ${programme.nationId} and n.status = 'accepted' and n.attendance in ('attended', 'partly')
      and e.status <> 'cancelled'
      and e.starts_on between make_date(${programme.firstYear}, 1, 1) and make_date(${programme.lastYear}, 12, 31)
      and e.activity_id not in (select pi.activity_id from programme_item pi
        where pi.programme_id = ${programme.id} and pi.activity_id is not null)`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Year by year: planned and implemented items of visible programmes, events attended, and recorded figures. */
export async function yearFigures(
  db: Q,
  viewer: Viewer,
  nationId: string,
  fromYear: number,
  toYear: number,
  mayReadNominations: boolean,
) {
  const { rows } = await sql<{
    year: number;
    plannedItems: number | null;
    implementedItems: number | null;
    eventsAttended: number;
    recorded: { eventCount: number; qualifier: string; source: string; sample: boolean }[];
  }>`
    with years as (select generate_series(${fromYear}::int, ${toYear}::int) as year),
    items as (${itemRowsSql(viewer, sql`ap.nation_id = ${nationId}`)}),
    planned as (
      select year, count(*)::int as planned_items, count(*) filter (where implemented)::int as implemented_items
      from items group by year),
    attended as (
      select extract(year from e.starts_on)::int as year, count(distinct e.id)::int as events
      from event e join nomination n on n.event_id = e.id
      where ${mayReadNominations} and n.nation_id = ${nationId} and n.status = 'accepted'
        and n.attendance in ('attended', 'partly') and e.status <> 'cancelled'
        and e.starts_on between make_date(${fromYear}::int, 1, 1) and make_date(${toYear}::int, 12, 31)
      group by 1)
    select years.year, planned.planned_items, planned.implemented_items,
      coalesce(attended.events, 0)::int as events_attended,
      coalesce((select json_agg(json_build_object('eventCount', pf.event_count, 'qualifier', pf.qualifier,
          'source', pf.source, 'sample', pf.sample) order by pf.source)
        from participation_figure pf
        where pf.nation_id = ${nationId} and pf.year = years.year and ${visible(viewer, "pf")}), '[]') as recorded
    from years
    left join planned on planned.year = years.year
    left join attended on attended.year = years.year
    order by years.year`.execute(db);
  return rows;
}

export function findItemOwner(db: Q, viewer: Viewer, itemId: string) {
  return db
    .selectFrom("programmeItem as pi")
    .innerJoin("annualProgramme as ap", "ap.id", "pi.programmeId")
    .where(visibleTo(viewer, "ap"))
    .where("pi.id", "=", itemId)
    .selectAll("pi")
    .select(["ap.nationId", ...releaseColumns("ap")])
    .executeTakeFirst();
}

// ------------------------------------------------------------------ goals
const goalLate = (asOf: string) =>
  sql<boolean>`(g.target_on < ${asOf}::date and g.status not in ('achieved', 'cancelled'))`;

function goalBase(db: Q, viewer: Viewer, query: Omit<GoalQuery, "limit" | "offset">, asOf: string) {
  let base = db.selectFrom("partnershipGoal as g").where(visibleTo(viewer, "g"));
  if (query.nationId) base = base.where("g.nationId", "=", query.nationId);
  if (query.areaCode) base = base.where("g.areaCode", "=", query.areaCode);
  if (query.status) base = base.where("g.status", "=", query.status);
  if (query.agreedYear) base = base.where("g.agreedYear", "=", query.agreedYear);
  if (query.late !== undefined)
    base = base.where(query.late ? goalLate(asOf) : sql<boolean>`not ${goalLate(asOf)}`);
  return base;
}

const goalSelect = (base: ReturnType<typeof goalBase>, asOf: string) =>
  base.select([
    "g.id",
    "g.nationId",
    "g.code",
    "g.title",
    "g.areaCode",
    "g.description",
    "g.targetOn",
    "g.agreedYear",
    "g.status",
    "g.planId",
    "g.sample",
    ...releaseColumns("g"),
    nationRef("g.nation_id").as("nation"),
    goalLate(asOf).as("late"),
    sql<GoalRating | null>`(select ga.rating from goal_assessment ga where ga.goal_id = g.id
      order by ga.cycle_year desc limit 1)`.as("latestRating"),
  ]);

export async function listGoals(db: Q, viewer: Viewer, query: GoalQuery, asOf: string) {
  const base = goalBase(db, viewer, query, asOf);
  return pageOf(query, goalSelect(base, asOf).orderBy("g.code"), base);
}

export async function goalCounts(
  db: Q,
  viewer: Viewer,
  query: Omit<GoalQuery, "limit" | "offset">,
  asOf: string,
) {
  const base = goalBase(db, viewer, query, asOf);
  const [byStatus, byArea, totals] = await Promise.all([
    base
      .select(["g.status as key", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("g.status")
      .execute(),
    base
      .select(["g.areaCode as key", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("g.areaCode")
      .execute(),
    base
      .select([
        (eb) => eb.fn.countAll<number>().as("total"),
        sql<number>`count(*) filter (where ${goalLate(asOf)})`.as("late"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: totals.total,
    late: totals.late,
    byStatus: Object.fromEntries(byStatus.map((row) => [row.key, row.n])),
    byArea: Object.fromEntries(byArea.map((row) => [row.key, row.n])),
  };
}

export function findGoal(db: Q, viewer: Viewer, id: string, asOf: string) {
  return goalSelect(goalBase(db, viewer, {}, asOf), asOf)
    .where("g.id", "=", id)
    .executeTakeFirst();
}

export async function goalDetailParts(db: Q, viewer: Viewer, goalId: string) {
  const [history, assessments, actions, activities] = await Promise.all([
    db
      .selectFrom("goalStatusChange")
      .select(["id", "fromStatus", "toStatus", "note", "changedAt"])
      .where("goalId", "=", goalId)
      .orderBy("changedAt")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("goalAssessment")
      .select(["id", "cycleYear", "rating", "comments", "assessedOn", "sample"])
      .where("goalId", "=", goalId)
      .orderBy("cycleYear")
      .execute(),
    db
      .selectFrom("actionEvidence as ev")
      .innerJoin("planAction as a", "a.id", "ev.actionId")
      .innerJoin("planObjective as o", "o.id", "a.objectiveId")
      .innerJoin("plan as p", "p.id", "o.planId")
      .where("ev.goalId", "=", goalId)
      .where(visibleTo(viewer, "p"))
      .select(["a.id", "a.title", "a.status", "a.objectiveId"])
      .distinct()
      .execute(),
    db
      .selectFrom("goalActivity as ga")
      .innerJoin("activity as a", "a.id", "ga.activityId")
      .where("ga.goalId", "=", goalId)
      .where(visibleTo(viewer, "a"))
      .select(["a.id", "a.code", "a.titleEn"])
      .orderBy("a.code")
      .execute(),
  ]);
  return { history, assessments, actions, activities };
}

// ------------------------------------------------------------------ milestones and timeline
export function listMilestones(db: Q, viewer: Viewer, nationId: string) {
  return db
    .selectFrom("partnershipMilestone as m")
    .where(visibleTo(viewer, "m"))
    .where("m.nationId", "=", nationId)
    .select([
      "m.id",
      "m.nationId",
      "m.occurredOn",
      "m.precision",
      "m.kind",
      "m.titleEn",
      "m.titleAz",
      "m.titleRu",
      "m.description",
      "m.source",
      "m.sample",
      ...releaseColumns("m"),
    ])
    .orderBy("m.occurredOn")
    .execute();
}

export function findMilestone(db: Q, viewer: Viewer, id: string) {
  return db
    .selectFrom("partnershipMilestone as m")
    .where(visibleTo(viewer, "m"))
    .where("m.id", "=", id)
    .selectAll("m")
    .executeTakeFirst();
}

/** Every area of cooperation with its names, for reports in the reader's language. */
export function areaNameRows(db: Q) {
  return db.selectFrom("cooperationArea").select(["code", "nameEn", "nameAz", "nameRu"]).execute();
}
