import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { activityVisible } from "../catalogue/index.js";
import type {
  ContingentQuery,
  ExerciseQuery,
  FundContributionQuery,
  LessonQuery,
  OperationQuery,
  StrengthQuery,
} from "./operations.schemas.js";

type Q = Kysely<DB>;
// biome-ignore lint/suspicious/noExplicitAny: reference helpers work from any table alias
type AnyEb = ExpressionBuilder<any, any>;

const matches = (q: string) => sql<boolean>`search @@ accord_search_query(${q})`;

const nationRef = (eb: AnyEb, column: string) =>
  jsonObjectFrom(
    eb
      .selectFrom("nation as rn")
      .select(["rn.id", "rn.code", "rn.nameEn"])
      .whereRef("rn.id", "=", sql.ref(column)),
  );
const organisationRef = (eb: AnyEb, column: string) =>
  jsonObjectFrom(
    eb
      .selectFrom("organisation as ro")
      .select(["ro.id", "ro.code", "ro.nameEn"])
      .whereRef("ro.id", "=", sql.ref(column)),
  );

const releaseColumns = <T extends string>(table: T) =>
  [
    `${table}.ownerNationId` as const,
    `${table}.ownerOrganisationId` as const,
    `${table}.releasability` as const,
    `${table}.releaseNations` as const,
    `${table}.releaseOrganisations` as const,
  ] as const;

// ------------------------------------------------------------------ exercises
type Counts = { member: number; partner: number; observer: number; total: number };
type Ref = { id: string; code: string; nameEn: string };

/** Participation by role, counted in SQL so that every screen shows the same totals. */
const participationOf = (exerciseColumn: string) =>
  sql<Counts>`(select json_build_object(
      'member', count(*) filter (where p.role = 'member'),
      'partner', count(*) filter (where p.role = 'partner'),
      'observer', count(*) filter (where p.role = 'observer'),
      'total', count(*))
    from exercise_participant p where p.exercise_id = ${sql.ref(exerciseColumn)})`;

const hostNationsOf = (exerciseColumn: string) =>
  sql<Ref[]>`(select coalesce(json_agg(json_build_object('id', h.id, 'code', h.code, 'nameEn', h.name_en)
      order by h.first_stage), '[]'::json)
    from (select n.id, n.code, n.name_en, min(s.stage_no) as first_stage
          from exercise_stage s join nation n on n.id = s.host_nation_id
          where s.exercise_id = ${sql.ref(exerciseColumn)} group by n.id) h)`;

const exerciseSelect = (db: Q) =>
  db
    .selectFrom("exercise")
    .select([
      "exercise.id",
      "exercise.code",
      "exercise.name",
      "exercise.kind",
      "exercise.status",
      "exercise.scenario",
      "exercise.leadOrganisationId",
      "exercise.activityId",
      "exercise.startsOn",
      "exercise.endsOn",
      "exercise.sample",
      "exercise.sampleNote",
      "exercise.source",
      ...releaseColumns("exercise"),
    ])
    .select((eb) => [
      organisationRef(eb, "exercise.lead_organisation_id").$notNull().as("leadOrganisation"),
      hostNationsOf("exercise.id").as("hostNations"),
      participationOf("exercise.id").as("participation"),
    ]);

export async function listExercises(db: Q, viewer: Viewer, query: ExerciseQuery) {
  let base = db.selectFrom("exercise").where(visibleTo(viewer, "exercise"));
  if (query.q?.trim()) {
    const q = query.q.trim();
    base = base.where((eb) =>
      eb.or([
        matches(q),
        sql<boolean>`exercise.name ilike ${`%${q.replace(/[\\%_]/g, "\\$&")}%`}`,
        eb("exercise.code", "=", q.toUpperCase()),
      ]),
    );
  }
  if (query.kind) base = base.where("exercise.kind", "=", query.kind);
  if (query.status) base = base.where("exercise.status", "=", query.status);
  if (query.leadOrganisationId)
    base = base.where("exercise.leadOrganisationId", "=", query.leadOrganisationId);
  if (query.year) base = base.where(sql<boolean>`extract(year from exercise.starts_on) = ${query.year}`);
  if (query.nationId) {
    const nationId = query.nationId;
    base = base.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("exerciseParticipant as p")
            .select("p.id")
            .whereRef("p.exerciseId", "=", "exercise.id")
            .where("p.nationId", "=", nationId),
        ),
        eb.exists(
          eb
            .selectFrom("exerciseStage as s")
            .select("s.id")
            .whereRef("s.exerciseId", "=", "exercise.id")
            .where("s.hostNationId", "=", nationId),
        ),
      ]),
    );
  }
  const ids = base.select("exercise.id");
  const [items, count] = await Promise.all([
    exerciseSelect(db)
      .where("exercise.id", "in", ids)
      .orderBy("exercise.startsOn", "desc")
      .orderBy("exercise.id")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export function findExercise(db: Q, viewer: Viewer, id: string) {
  return exerciseSelect(db)
    .where("exercise.id", "=", id)
    .where(visibleTo(viewer, "exercise"))
    .executeTakeFirst();
}

export function exerciseParts(db: Q, id: string) {
  return Promise.all([
    db
      .selectFrom("exerciseStage as s")
      .select(["s.id", "s.stageNo", "s.place", "s.startsOn", "s.endsOn"])
      .select((eb) => nationRef(eb, "s.host_nation_id").$notNull().as("hostNation"))
      .where("s.exerciseId", "=", id)
      .orderBy("s.stageNo")
      .execute(),
    db
      .selectFrom("exerciseParticipant as p")
      .innerJoin("nation as n", "n.id", "p.nationId")
      .select(["p.id", "p.role", "p.note", "p.sample"])
      .select((eb) => [
        nationRef(eb, "p.nation_id").$notNull().as("nation"),
        sql<number>`(select coalesce(sum(c.quantity), 0)::int from exercise_contribution c
          where c.participant_id = p.id and c.kind = 'personnel')`.as("personnel"),
        jsonArrayFrom(
          eb
            .selectFrom("exerciseContribution as c")
            .select(["c.id", "c.kind", "c.category", "c.quantity", "c.description"])
            .whereRef("c.participantId", "=", "p.id")
            .orderBy("c.kind")
            .orderBy("c.category"),
        ).as("contributions"),
      ])
      .where("p.exerciseId", "=", id)
      .orderBy(sql`array_position(array['member', 'partner', 'observer'], p.role)`)
      .orderBy("n.nameEn")
      .execute(),
    db
      .selectFrom("planningConference as k")
      .select(["k.id", "k.kind", "k.startsOn", "k.endsOn", "k.place", "k.eventId", "k.note"])
      .select((eb) => [
        sql<number>`(select coalesce(sum(a.attendees), 0)::int from planning_conference_attendance a
          where a.conference_id = k.id)`.as("totalAttendees"),
        jsonArrayFrom(
          eb
            .selectFrom("planningConferenceAttendance as a")
            .innerJoin("nation as an", "an.id", "a.nationId")
            .select(["a.attendees"])
            .select((inner) => nationRef(inner, "a.nation_id").as("nation"))
            .whereRef("a.conferenceId", "=", "k.id")
            .orderBy("an.nameEn"),
        ).as("attendance"),
      ])
      .where("k.exerciseId", "=", id)
      .orderBy(sql`array_position(array['initial', 'main', 'final'], k.kind)`)
      .execute(),
    db
      .selectFrom("exerciseMilestone as m")
      .select(["m.id", "m.title", "m.dueOn", "m.doneOn"])
      .select((eb) => [
        nationRef(eb, "m.owner_nation_id").as("ownerNation"),
        organisationRef(eb, "m.owner_organisation_id").as("ownerOrganisation"),
        sql<boolean>`(m.done_on is null and m.due_on < current_date)`.as("overdue"),
      ])
      .where("m.exerciseId", "=", id)
      .orderBy("m.dueOn")
      .orderBy("m.createdAt")
      .execute(),
    db
      .selectFrom("trainingObjective as o")
      .select(["o.id", "o.position", "o.text"])
      .where("o.exerciseId", "=", id)
      .orderBy("o.position")
      .orderBy("o.createdAt")
      .execute(),
  ]);
}

// ------------------------------------------------------------------ lessons
/** Lessons with their exercise and follow-up activity: the activity only when the viewer may read it. */
const lessonSelect = (db: Q, viewer: Viewer) =>
  db
    .selectFrom("lesson")
    .innerJoin("exercise", "exercise.id", "lesson.exerciseId")
    .select([
      "lesson.id",
      "lesson.exerciseId",
      "lesson.title",
      "lesson.observation",
      "lesson.recommendation",
      "lesson.status",
      "lesson.ownerNationId",
      "lesson.ownerOrganisationId",
      "lesson.followUpActivityId",
      "lesson.followUpReference",
      "lesson.statusNote",
      "lesson.sample",
      "lesson.updatedAt",
    ])
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom("exercise as le")
          .select(["le.id", "le.code", "le.name"])
          .whereRef("le.id", "=", "lesson.exerciseId"),
      )
        .$notNull()
        .as("exercise"),
      nationRef(eb, "lesson.owner_nation_id").as("ownerNation"),
      organisationRef(eb, "lesson.owner_organisation_id").as("ownerOrganisation"),
      jsonObjectFrom(
        eb
          .selectFrom("activity as fa")
          .select(["fa.id", "fa.code", "fa.titleEn"])
          .whereRef("fa.id", "=", "lesson.followUpActivityId")
          .where(activityVisible(viewer, "fa")),
      ).as("followUpActivity"),
    ]);

export async function listLessons(db: Q, viewer: Viewer, query: LessonQuery) {
  let base = db
    .selectFrom("lesson")
    .innerJoin("exercise", "exercise.id", "lesson.exerciseId")
    .where(visibleTo(viewer, "exercise"));
  if (query.exerciseId) base = base.where("lesson.exerciseId", "=", query.exerciseId);
  if (query.status) base = base.where("lesson.status", "=", query.status);
  const ids = base.select("lesson.id");
  const [items, count] = await Promise.all([
    lessonSelect(db, viewer)
      .where("lesson.id", "in", ids)
      .orderBy("exercise.startsOn", "desc")
      .orderBy("lesson.createdAt")
      .orderBy("lesson.id")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export function findLesson(db: Q, viewer: Viewer, id: string) {
  return lessonSelect(db, viewer)
    .select([
      "exercise.ownerNationId as exerciseOwnerNationId",
      "exercise.ownerOrganisationId as exerciseOwnerOrganisationId",
    ])
    .where("lesson.id", "=", id)
    .where(visibleTo(viewer, "exercise"))
    .executeTakeFirst();
}

export function lessonsOfExercise(db: Q, viewer: Viewer, exerciseId: string) {
  return lessonSelect(db, viewer)
    .where("lesson.exerciseId", "=", exerciseId)
    .orderBy("lesson.createdAt")
    .orderBy("lesson.id")
    .execute();
}

// ------------------------------------------------------------------ operations
/** Contingents the viewer may see, as a subquery for counts and aggregates. */
const visibleContingents = (db: Q, viewer: Viewer) =>
  db.selectFrom("contingent").where(visibleTo(viewer, "contingent"));

const operationSelect = (db: Q, viewer: Viewer) =>
  db
    .selectFrom("operation")
    .select([
      "operation.id",
      "operation.code",
      "operation.name",
      "operation.startsOn",
      "operation.endsOn",
      "operation.description",
      "operation.source",
      "operation.leadOrganisationId",
    ])
    .select((eb) => [
      organisationRef(eb, "operation.lead_organisation_id").$notNull().as("leadOrganisation"),
      eb
        .selectFrom("contingent as vc")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("vc.operationId", "=", "operation.id")
        .where(visibleTo(viewer, "vc"))
        .$castTo<number>()
        .as("contingentCount"),
    ]);

export async function listOperations(db: Q, viewer: Viewer, query: OperationQuery) {
  let base = db.selectFrom("operation");
  if (query.q?.trim()) {
    const like = `%${query.q.trim().replace(/[\\%_]/g, "\\$&")}%`;
    base = base.where((eb) =>
      eb.or([eb("operation.name", "ilike", like), eb("operation.code", "ilike", like)]),
    );
  }
  const ids = base.select("operation.id");
  const [items, count] = await Promise.all([
    operationSelect(db, viewer)
      .where("operation.id", "in", ids)
      .orderBy("operation.startsOn")
      .orderBy("operation.id")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export function findOperation(db: Q, viewer: Viewer, id: string) {
  return operationSelect(db, viewer).where("operation.id", "=", id).executeTakeFirst();
}

// ------------------------------------------------------------------ contingents
const rotationTotal = (rotationColumn: string) =>
  sql<number>`(select coalesce(sum(s.count), 0)::int from rotation_strength s where s.rotation_id = ${sql.ref(rotationColumn)})`;

const contingentSelect = (db: Q) =>
  db
    .selectFrom("contingent")
    .select([
      "contingent.id",
      "contingent.operationId",
      "contingent.nationId",
      "contingent.name",
      "contingent.frameworkUnit",
      "contingent.note",
      "contingent.sample",
      ...releaseColumns("contingent"),
    ])
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom("operation as co")
          .select(["co.id", "co.code", "co.name"])
          .whereRef("co.id", "=", "contingent.operationId"),
      )
        .$notNull()
        .as("operation"),
      nationRef(eb, "contingent.nation_id").$notNull().as("nation"),
      nationRef(eb, "contingent.framework_nation_id").as("frameworkNation"),
      sql<
        string | null
      >`(select min(r.starts_on) from contingent_rotation r where r.contingent_id = contingent.id)`.as(
        "firstStartsOn",
      ),
      sql<string | null>`(select case when bool_or(r.ends_on is null) then null else max(r.ends_on) end
        from contingent_rotation r where r.contingent_id = contingent.id)`.as("lastEndsOn"),
      sql<number>`(select coalesce(sum(s.count), 0)::int from contingent_rotation r
        join rotation_strength s on s.rotation_id = r.id
        where r.contingent_id = contingent.id and r.starts_on <= current_date
          and (r.ends_on is null or r.ends_on >= current_date))`.as("currentStrength"),
      // The strength peaks on the first day of some rotation: sum every rotation serving on each such day.
      sql<number>`(select coalesce(max(x.total), 0)::int from (
          select r1.starts_on, sum(s.count) as total from contingent_rotation r1
          join contingent_rotation r2 on r2.contingent_id = r1.contingent_id and r2.starts_on <= r1.starts_on
            and (r2.ends_on is null or r2.ends_on >= r1.starts_on)
          join rotation_strength s on s.rotation_id = r2.id
          where r1.contingent_id = contingent.id group by r1.starts_on) x)`.as("peakStrength"),
    ]);

export async function listContingents(db: Q, viewer: Viewer, query: ContingentQuery) {
  let base = visibleContingents(db, viewer);
  if (query.operationId) base = base.where("contingent.operationId", "=", query.operationId);
  if (query.nationId) base = base.where("contingent.nationId", "=", query.nationId);
  const ids = base.select("contingent.id");
  const [items, count] = await Promise.all([
    contingentSelect(db)
      .where("contingent.id", "in", ids)
      .orderBy(
        sql`(select min(r.starts_on) from contingent_rotation r where r.contingent_id = contingent.id)`,
        (ob) => ob.asc().nullsLast(),
      )
      .orderBy("contingent.id")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export function findContingent(db: Q, viewer: Viewer, id: string) {
  return contingentSelect(db)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("contingentRotation as r")
          .select([
            "r.id",
            "r.slot",
            "r.label",
            "r.startsOn",
            "r.startPrecision",
            "r.endsOn",
            "r.sample",
            "r.note",
          ])
          .select((inner) => [
            jsonArrayFrom(
              inner
                .selectFrom("rotationStrength as s")
                .select(["s.category", "s.count"])
                .whereRef("s.rotationId", "=", "r.id")
                .orderBy(sql`s.count desc`)
                .orderBy("s.category"),
            ).as("strength"),
            rotationTotal("r.id").as("total"),
          ])
          .whereRef("r.contingentId", "=", "contingent.id")
          .orderBy("r.startsOn")
          .orderBy("r.slot"),
      ).as("rotations"),
    )
    .where("contingent.id", "=", id)
    .where(visibleTo(viewer, "contingent"))
    .executeTakeFirst();
}

/**
 * Strength over time of the contingents the viewer may see: one point on each day the strength changes (a
 * rotation starts, or the day after one ends), with the strength of every rotation serving that day by category.
 */
export async function strengthSeries(db: Q, viewer: Viewer, query: StrengthQuery) {
  let rotations = db
    .selectFrom("contingentRotation as r")
    .innerJoin("contingent", "contingent.id", "r.contingentId")
    .select(["r.id", "r.startsOn", "r.endsOn"])
    .where(visibleTo(viewer, "contingent"));
  if (query.operationId) rotations = rotations.where("contingent.operationId", "=", query.operationId);
  if (query.nationId) rotations = rotations.where("contingent.nationId", "=", query.nationId);
  const result = await sql<{ day: string; category: string | null; count: number }>`
    with vr as (${rotations}),
    days as (
      select starts_on as day from vr
      union select ends_on + 1 from vr where ends_on is not null
    )
    select to_char(d.day, 'YYYY-MM-DD') as day, s.category, coalesce(sum(s.count), 0)::int as count
    from days d
    left join vr on vr.starts_on <= d.day and (vr.ends_on is null or vr.ends_on >= d.day)
    left join rotation_strength s on s.rotation_id = vr.id
    group by d.day, s.category
    order by d.day, s.category`.execute(db);
  return result.rows;
}

// ------------------------------------------------------------------ trust funds
export function listTrustFunds(db: Q) {
  return db
    .selectFrom("trustFund as f")
    .select(["f.id", "f.code", "f.name"])
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom("operation as fo")
          .select(["fo.id", "fo.code", "fo.name"])
          .whereRef("fo.id", "=", "f.operationId"),
      ).as("operation"),
      organisationRef(eb, "f.managing_organisation_id").as("managingOrganisation"),
    ])
    .orderBy("f.code")
    .execute();
}

const contributionBase = (db: Q, viewer: Viewer, query: FundContributionQuery) => {
  let base = db.selectFrom("fundContribution").where(visibleTo(viewer, "fund_contribution"));
  if (query.trustFundId) base = base.where("fundContribution.trustFundId", "=", query.trustFundId);
  if (query.nationId) base = base.where("fundContribution.nationId", "=", query.nationId);
  if (query.year) base = base.where("fundContribution.year", "=", query.year);
  return base;
};

const contributionSelect = (db: Q) =>
  db
    .selectFrom("fundContribution")
    .select([
      "fundContribution.id",
      "fundContribution.trustFundId",
      "fundContribution.nationId",
      "fundContribution.year",
      "fundContribution.currency",
      "fundContribution.note",
      "fundContribution.sample",
      ...releaseColumns("fundContribution"),
    ])
    .select((eb) => [
      sql<string>`fund_contribution.pledged::text`.as("pledged"),
      sql<string>`fund_contribution.paid::text`.as("paid"),
      sql<string>`(fund_contribution.pledged - fund_contribution.paid)::text`.as("outstanding"),
      jsonObjectFrom(
        eb
          .selectFrom("trustFund as tf")
          .select(["tf.id", "tf.code", "tf.name"])
          .whereRef("tf.id", "=", "fundContribution.trustFundId"),
      )
        .$notNull()
        .as("trustFund"),
      nationRef(eb, "fund_contribution.nation_id").$notNull().as("nation"),
    ]);

export async function listFundContributions(db: Q, viewer: Viewer, query: FundContributionQuery) {
  const base = contributionBase(db, viewer, query);
  const ids = base.select("fundContribution.id");
  const [items, count] = await Promise.all([
    contributionSelect(db)
      .where("fundContribution.id", "in", ids)
      .orderBy("fundContribution.year", "desc")
      .orderBy("fundContribution.id")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export function fundTotals(db: Q, viewer: Viewer, query: FundContributionQuery) {
  return contributionBase(db, viewer, query)
    .select([
      "fundContribution.year",
      "fundContribution.currency",
      sql<string>`sum(fund_contribution.pledged)::text`.as("pledged"),
      sql<string>`sum(fund_contribution.paid)::text`.as("paid"),
    ])
    .groupBy(["fundContribution.year", "fundContribution.currency"])
    .orderBy("fundContribution.year")
    .orderBy("fundContribution.currency")
    .execute();
}

export function findFundContribution(db: Q, viewer: Viewer, id: string) {
  return contributionSelect(db)
    .where("fundContribution.id", "=", id)
    .where(visibleTo(viewer, "fund_contribution"))
    .executeTakeFirst();
}
