/**
 * Deterministic benchmark data set, generated inside PostgreSQL with set-based inserts (no row-by-row round trips).
 *
 *   npm run bench:dataset -- --size small|full [--seed 42]
 *
 * Uses DATABASE_URL when set, otherwise the embedded PostgreSQL in ACCORD_DATA_DIR (default bench/data). The same
 * seed and size always produce the same rows (pseudo-random values come from hashtextextended(…, seed)).
 */

import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { loadConfig } from "../src/config.js";
import { ensureDatabase, openDatabase } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { seedDemo } from "../src/seed/demo.js";

export interface DatasetSize {
  nations: number;
  years: number;
  people: number;
  activities: number;
  eventsPerActivity: number;
  nominationsPerEvent: number;
  /** Plans, goals, milestones and readiness evaluations of each nation; the full values apply when absent. */
  partnership?: PartnershipSize;
}

export interface PartnershipSize {
  /** Objectives of each two-year period of a nation's multi-year plan (each with one to five actions). */
  objectivesPerPeriod: number;
  goalsPerNation: number;
  milestonesPerYear: number;
  /** Units of each nation evaluated every two or three years against a 50-criterion checklist. */
  unitsPerNation: number;
}

const FULL_PARTNERSHIP: PartnershipSize = {
  objectivesPerPeriod: 20,
  goalsPerNation: 100,
  milestonesPerYear: 6,
  unitsPerNation: 10,
};

export const SIZES: Record<string, DatasetSize> = {
  // 200,000 events, 100,000 people, 2,000,000 nominations over 25 years and 50 nations; plans, goals and
  // evaluations of each nation.
  full: {
    nations: 50,
    years: 25,
    people: 100_000,
    activities: 100_000,
    eventsPerActivity: 2,
    nominationsPerEvent: 10,
    partnership: FULL_PARTNERSHIP,
  },
  small: {
    nations: 50,
    years: 25,
    people: 5_000,
    activities: 4_000,
    eventsPerActivity: 2,
    nominationsPerEvent: 10,
    partnership: { objectivesPerPeriod: 5, goalsPerNation: 25, milestonesPerYear: 3, unitsPerNation: 2 },
  },
};

const WORDS_EN = [
  "defence",
  "planning",
  "logistics",
  "cyber",
  "border",
  "maritime",
  "crisis",
  "management",
  "energy",
  "security",
  "interoperability",
  "leadership",
  "evaluation",
  "counter-terrorism",
  "civil",
  "military",
  "cooperation",
  "staff",
  "medical",
  "engineering",
  "communications",
  "intelligence",
  "training",
  "readiness",
  "exercise",
  "seminar",
];
const WORDS_AZ = [
  "müdafiə",
  "planlaşdırma",
  "logistika",
  "kiber",
  "sərhəd",
  "dəniz",
  "böhran",
  "idarəetmə",
  "enerji",
  "təhlükəsizlik",
  "uyğunluq",
  "rəhbərlik",
  "qiymətləndirmə",
  "antiterror",
  "mülki",
  "hərbi",
  "əməkdaşlıq",
  "qərargah",
  "tibbi",
  "mühəndislik",
  "rabitə",
  "kəşfiyyat",
  "təlim",
  "hazırlıq",
  "təlimat",
  "seminar",
];
const WORDS_RU = [
  "оборона",
  "планирование",
  "логистика",
  "кибер",
  "граница",
  "море",
  "кризис",
  "управление",
  "энергетика",
  "безопасность",
  "совместимость",
  "руководство",
  "оценка",
  "антитеррор",
  "гражданский",
  "военный",
  "сотрудничество",
  "штаб",
  "медицина",
  "инженерия",
  "связь",
  "разведка",
  "подготовка",
  "готовность",
  "учения",
  "семинар",
];

const array = (words: string[]) =>
  sql.raw(`array[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(",")}]`);

export async function generateDataset(
  db: Parameters<typeof seedDemo>[0],
  size: DatasetSize,
  seed: number,
  log: (m: string) => void,
) {
  const step = async (name: string, run: () => Promise<unknown>) => {
    const started = Date.now();
    await run();
    log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  // r(expr, salt) → a deterministic number in [0, 1) for this seed.
  const r = (expr: string, salt: string) =>
    `((hashtextextended((${expr})::text || '${salt}', ${seed}) & 2147483647)::float8 / 2147483648.0)`;

  await step("reference data (directory, areas, demo)", () => seedDemo(db, { demoAccounts: false }));

  await step("nations up to the target count", async () => {
    const existing = Number(
      (await sql<{ n: number }>`select count(*)::int as n from nation`.execute(db)).rows[0]?.n ?? 0,
    );
    const missing = Math.max(0, size.nations - existing);
    if (missing === 0) return;
    await sql`
      insert into nation (code, name_en, name_az, name_ru, non_iso_code)
      select g.code, 'Sample nation ' || g.i, 'Nümunə dövlət ' || g.i, 'Образец государство ' || g.i,
             -- Most of these codes are not ISO 3166-1: they carry the explicit flag, as the API requires.
             not exists (select 1 from iso_3166 c where c.code = g.code)
      from (select i, 'Z' || chr(65 + (i / 26)) || chr(65 + (i % 26)) as code
            from generate_series(0, ${missing - 1}) i) g
      on conflict (code) do nothing`.execute(db);
  });

  await step("organisers (one training institution per nation)", () =>
    sql`
      insert into organisation (code, name_en, name_ru, kind, nation_id, city)
      select 'GEN-ORG-' || n.code, 'Training institution of ' || n.name_en, 'Учебное заведение: ' || n.name_ru,
             'training_centre', n.id, 'Capital'
      from nation n
      on conflict (code) do nothing`.execute(db),
  );

  await step(`${size.people.toLocaleString()} people`, () =>
    sql`
      with nations as (select id, row_number() over (order by code) - 1 as k, count(*) over () as total from nation)
      insert into person (given_name, family_name, rank_title, nation_id, email, languages, owner_nation_id, releasability)
      select 'Given' || i, 'Family' || i, (array['Captain','Major','Lieutenant Colonel','Colonel','Mr','Ms'])[1 + (i % 6)],
             n.id, 'bench.person.' || i || '@example.org', array['en'], n.id, 'internal'
      from generate_series(1, ${size.people}) i
      join nations n on n.k = (i % n.total)
      on conflict do nothing`.execute(db),
  );

  await step(`${size.activities.toLocaleString()} activities in three languages`, () =>
    sql`
      with organisers as (select id, nation_id, row_number() over (order by code) - 1 as k, count(*) over () as total
                          from organisation where code like 'GEN-ORG-%'),
           en as (select ${array(WORDS_EN)} as w), az as (select ${array(WORDS_AZ)} as w), ru as (select ${array(WORDS_RU)} as w)
      insert into activity (code, title_en, title_az, title_ru, description_en, description_ru, kind, menu_year,
                            organiser_id, host_nation_id, city, languages, capacity, nation_quota, status, sample,
                            owner_organisation_id, releasability, release_nations)
      select 'GEN-' || lpad(i::text, 7, '0'),
             initcap(en.w[1 + (i % 26)]) || ' ' || en.w[1 + ((i / 26) % 26)] || ' course ' || i,
             initcap(az.w[1 + (i % 26)]) || ' ' || az.w[1 + ((i / 26) % 26)] || ' kursu ' || i,
             initcap(ru.w[1 + (i % 26)]) || ' ' || ru.w[1 + ((i / 26) % 26)] || ' курс ' || i,
             'Generated sample activity on ' || en.w[1 + ((i / 7) % 26)] || ' and ' || en.w[1 + ((i / 11) % 26)],
             'Учебное мероприятие: ' || ru.w[1 + ((i / 7) % 26)] || ', ' || ru.w[1 + ((i / 11) % 26)],
             (array['course','training','seminar','conference','workshop','exercise','meeting','expert_consultation','visit'])[1 + (i % 9)],
             ${2026 - size.years + 1} + (i % ${size.years}),
             o.id, o.nation_id, 'City ' || (i % 97),
             case when ${sql.raw(r("i", "lang"))} < 0.7 then array['en'] else array['en','ru'] end,
             20 + (i % 41), 2 + (i % 5),
             case when (${2026 - size.years + 1} + (i % ${size.years})) < 2026 then 'completed' else 'published' end,
             true, o.id,
             case when ${sql.raw(r("i", "rel"))} < 0.9 then 'public' when ${sql.raw(r("i", "rel"))} < 0.95 then 'internal' else 'restricted' end,
             case when ${sql.raw(r("i", "rel"))} >= 0.95 then array[o.nation_id] else '{}'::uuid[] end
      from generate_series(1, ${size.activities}) i
      join organisers o on o.k = (i % o.total)
      cross join en cross join az cross join ru
      on conflict (code) do nothing`.execute(db),
  );

  await step("areas of each activity", () =>
    sql`
      with areas as (select code, row_number() over (order by sort_order) - 1 as k, count(*) over () as total
                     from cooperation_area)
      insert into activity_area (activity_id, area_code)
      select a.id, ar.code from activity a
      join areas ar on ar.k = (abs(hashtextextended(a.code, ${seed})) % ar.total)
      where a.code like 'GEN-%'
      on conflict do nothing`.execute(db),
  );

  // Statistics of the new rows, so that the triggers keeping activity_search_facts (0016) plan for their size.
  await step("analyze activities and areas", () =>
    sql`analyze activity, activity_area, activity_search_facts`.execute(db),
  );

  await step(`${(size.activities * size.eventsPerActivity).toLocaleString()} events`, () =>
    sql`
      insert into event (activity_id, starts_on, ends_on, city, host_nation_id, status)
      select a.id,
             make_date(a.menu_year, 1 + (k * 5 + abs(hashtextextended(a.code, ${seed})) % 6)::int % 12, 1 + (abs(hashtextextended(a.code || k, ${seed})) % 25)::int),
             make_date(a.menu_year, 1 + (k * 5 + abs(hashtextextended(a.code, ${seed})) % 6)::int % 12, 1 + (abs(hashtextextended(a.code || k, ${seed})) % 25)::int) + 4,
             a.city, a.host_nation_id,
             case when a.status = 'completed' then 'completed' else 'open' end
      from activity a cross join generate_series(0, ${size.eventsPerActivity - 1}) k
      where a.code like 'GEN-%'
        and not exists (select 1 from event e where e.activity_id = a.id)`.execute(db),
  );

  await step(
    `${(size.activities * size.eventsPerActivity * size.nominationsPerEvent).toLocaleString()} nominations and attendance`,
    () =>
      sql`
      with people as (select id, nation_id, row_number() over (order by id) as slot,
                             count(*) over ()::int as total
                      from person where email like 'bench.person.%'),
           counted as (select max(total) as total from people),
           events as (select e.id, e.ends_on, row_number() over (order by e.id) - 1 as k
                      from event e join activity a on a.id = e.activity_id where a.code like 'GEN-%'
                        and not exists (select 1 from nomination n where n.event_id = e.id)),
           picks as (select ev.id as event_id, ev.ends_on, j,
                            1 + ((ev.k * ${size.nominationsPerEvent} + j) * 7919) % c.total as slot,
                            (array['accepted','accepted','accepted','accepted','accepted','accepted','waitlisted','waitlisted','declined','withdrawn'])[1 + (abs(hashtextextended(ev.id::text || j || 's', ${seed})) % 10)::int] as status
                     from events ev cross join counted c cross join generate_series(0, ${size.nominationsPerEvent - 1}) j)
      -- People are joined by their row number: subscripting a 100,000-element array per row detoasts it each time.
      insert into nomination (event_id, person_id, nation_id, priority, status, attendance, completed, decided_at)
      select pk.event_id, p.id, p.nation_id, 1 + pk.j, pk.status,
             case when pk.status = 'accepted' and pk.ends_on < current_date then
               (array['attended','attended','attended','partly','absent'])[1 + (abs(hashtextextended(pk.event_id::text || pk.j, ${seed})) % 5)::int]
             end,
             case when pk.status = 'accepted' and pk.ends_on < current_date then true end,
             now()
      from picks pk join people p on p.slot = pk.slot
      on conflict (event_id, person_id) do nothing`.execute(db),
  );

  await generatePartnership(db, size, seed, step);

  await step("analyze", () => sql`analyze`.execute(db));
}

/** Marks the generated rows of tables without a code (sources, notes); every generated row also has sample = true. */
const GEN_SOURCE = "GEN-DATASET: generated benchmark data (bench/dataset.ts)";
const GEN_PLAN_SOURCE = "GEN-DATASET: plan document (generated)";
const GEN_REPORT_SOURCE = "GEN-DATASET: annual report (generated, dates differ at times)";
const GEN_CHECKLIST = "GEN-CHECKLIST-L1";

type Step = (name: string, run: () => Promise<unknown>) => Promise<void>;

/**
 * Frameworks, multi-year plans, annual programmes, partnership goals, milestones and readiness evaluations of
 * every nation over the years of the menu. Idempotent: rows are found by natural keys (codes starting GEN-,
 * titles, dates) or added only under parents that have none yet, so a second run adds nothing.
 */
async function generatePartnership(
  db: Parameters<typeof seedDemo>[0],
  size: DatasetSize,
  seed: number,
  step: Step,
) {
  const scale = size.partnership ?? FULL_PARTNERSHIP;
  const lastYear = 2026;
  const firstYear = lastYear - size.years + 1;
  // Action plans until the tailored programmes take over in the last fifth of the years (IPAP → ITPP).
  const tailoredFrom = firstYear + Math.floor(0.8 * size.years);
  const periods = Math.ceil(size.years / 2);
  const actionPlanPeriods = Math.ceil((tailoredFrom - firstYear) / 2);
  // Before this date things happened (reported, done); after it they are planned. Fixed, not current_date.
  const asOf = `${lastYear}-07-01`;
  const firstEven = firstYear + (firstYear % 2);
  const evenYears = Math.max(1, Math.floor((lastYear - firstEven) / 2) + 1);
  // h(expr, salt) → a deterministic non-negative integer for this seed.
  const h = (expr: string, salt: string) =>
    sql.raw(`(hashtextextended((${expr})::text || '${salt}', ${seed}) & 2147483647)::int`);
  const r = (expr: string, salt: string) =>
    sql.raw(
      `((hashtextextended((${expr})::text || '${salt}', ${seed}) & 2147483647)::float8 / 2147483648.0)`,
    );
  const nations = sql`nations as (
    select id, code, name_en, name_az, name_ru, row_number() over (order by code) - 1 as k,
           count(*) over () as total
    from nation)`;
  const areas = sql`areas as (
    select code, name_en, row_number() over (order by sort_order, code) - 1 as k, count(*) over () as total
    from cooperation_area where archived_at is null)`;
  const words = sql`en as (select ${array(WORDS_EN)} as w), az as (select ${array(WORDS_AZ)} as w),
    ru as (select ${array(WORDS_RU)} as w)`;
  const planCode = (nationCode: string, year: string) =>
    sql.raw(`'GEN-PLAN-' || ${nationCode} || '-' || case when ${year} < ${tailoredFrom} then 1 else 2 end`);

  await step("partnership frameworks", async () => {
    await sql`
      with ${nations},
           docs(kind, at) as (values ('framework_document', 0.0), ('presentation_document', 0.04),
             ('individual_partnership_action_plan', 0.1), ('planning_review_process', 0.3), ('other', 0.55),
             ('individually_tailored_partnership_programme', 0.8))
      insert into framework_document (nation_id, title, kind, parties, signed_on, signed_precision, signatories,
                                      valid_from, valid_until, source, note, sample, owner_nation_id,
                                      releasability)
      select n.id, t.title, d.kind, array[n.name_en, 'Alliance'], x.signed_on, x.precision,
             array['Minister of Defence of ' || n.name_en, 'Secretary General'], x.signed_on,
             case when d.kind = 'individual_partnership_action_plan'
               then greatest(x.signed_on, make_date(${tailoredFrom}::int - 1, 12, 31)) end,
             ${GEN_SOURCE}, 'Generated for the benchmark data set', true, n.id,
             case when ${r("n.code || d.kind", "rel")} < 0.7 then 'internal' else 'public' end
      from nations n cross join docs d join plan_kind pk on pk.code = d.kind
      cross join lateral (select pk.name_en || ' of ' || n.name_en as title) t
      cross join lateral (
        select ${firstYear}::int + floor(d.at * ${size.years})::int as year,
               ${r("n.code || d.kind", "prec")} as u,
               1 + ${h("n.code || d.kind", "m")} % 12 as month, 1 + ${h("n.code || d.kind", "d")} % 28 as day) y
      cross join lateral (
        select case when y.u < 0.7 then make_date(y.year, y.month, y.day)
                    when y.u < 0.9 then make_date(y.year, y.month, 1) else make_date(y.year, 1, 1) end as signed_on,
               case when y.u < 0.7 then 'day' when y.u < 0.9 then 'month' else 'year' end as precision) x
      where not exists (select 1 from framework_document f where f.nation_id = n.id and f.title = t.title)`.execute(
      db,
    );
    // The tailored programme replaces the action plan.
    await sql`
      update framework_document itpp set replaces_id = ipap.id
      from framework_document ipap
      where itpp.source = ${GEN_SOURCE} and itpp.kind = 'individually_tailored_partnership_programme'
        and itpp.replaces_id is null
        and ipap.source = ${GEN_SOURCE} and ipap.nation_id = itpp.nation_id
        and ipap.kind = 'individual_partnership_action_plan'`.execute(db);
  });

  await step("multi-year plans, periods and their dated statements", async () => {
    await sql`
      with plans(number, kind) as (values (1, 'individual_partnership_action_plan'),
                                          (2, 'individually_tailored_partnership_programme'))
      insert into plan (code, title, kind, nation_id, framework_document_id, description, sample,
                        owner_nation_id, releasability)
      select 'GEN-PLAN-' || n.code || '-' || p.number, pk.name_en || ' of ' || n.name_en, p.kind, n.id,
             (select f.id from framework_document f
              where f.nation_id = n.id and f.kind = p.kind and f.source = ${GEN_SOURCE} order by f.signed_on limit 1),
             'Generated multi-year plan: two-year periods with objectives and actions. ' || ${GEN_SOURCE},
             true, n.id, 'restricted'
      from nation n cross join plans p join plan_kind pk on pk.code = p.kind
      on conflict (code) do nothing`.execute(db);
    await sql`
      update plan p1 set successor_id = p2.id
      from plan p2
      where p1.code like 'GEN-PLAN-%-1' and p1.successor_id is null
        and p2.code = left(p1.code, length(p1.code) - 1) || '2'`.execute(db);
    // Two-year periods over the years: the early ones belong to the action plan, the later to its successor.
    await sql`
      insert into plan_period (plan_id, number, label, title, note)
      select p.id, x.number, to_char(x.number, 'FMRN'),
             'Period ' || x.start_year || '–' || x.start_year + 1, 'Generated period'
      from plan p cross join generate_series(0, ${periods - 1}::int) g
      cross join lateral (
        select ${firstYear}::int + 2 * g as start_year,
               case when g < ${actionPlanPeriods}::int then 1 else 2 end as plan_number,
               case when g < ${actionPlanPeriods}::int then g + 1 else g - ${actionPlanPeriods}::int + 1 end as number) x
      where p.code like 'GEN-PLAN-%' and split_part(p.code, '-', 4) = x.plan_number::text
      on conflict (plan_id, number) do nothing`.execute(db);
    // Each period is dated by the plan document; some also by an annual report, a year earlier at times.
    await sql`
      insert into period_statement (period_id, starts_on, start_precision, ends_on, end_precision, source, sample)
      select pp.id, make_date(y.start_year + s.shift, 1, 1), 'year', make_date(y.start_year + 1, 12, 31), 'year',
             s.source, true
      from plan_period pp join plan p on p.id = pp.plan_id
      cross join lateral (
        select ${firstYear}::int + 2 * (case when split_part(p.code, '-', 4) = '1' then pp.number - 1
                                             else ${actionPlanPeriods}::int + pp.number - 1 end) as start_year,
               ${r("p.code || pp.number", "second")} as u) y
      cross join lateral (values (${GEN_PLAN_SOURCE}, 0, true),
                                 (${GEN_REPORT_SOURCE}, case when y.u < 0.1 then -1 else 0 end, y.u < 0.25))
        s(source, shift, present)
      where p.code like 'GEN-PLAN-%' and s.present
      on conflict (period_id, source, starts_on) do nothing`.execute(db);
  });

  await step(`plan objectives (${scale.objectivesPerPeriod} a period) and actions`, async () => {
    await sql`
      with ${areas}, ${words}
      insert into plan_objective (plan_id, period_id, code, area_code, title, description, sample)
      select p.id, pp.id, 'P' || lpad(pp.number::text, 2, '0') || '-' || lpad(o::text, 2, '0'), ar.code,
             ar.name_en || ': ' || en.w[1 + ${h("p.code || pp.number || '-' || o", "w1")} % 26] || ' and '
               || en.w[1 + ${h("p.code || pp.number || '-' || o", "w2")} % 26] || ', objective ' || o,
             'Generated objective of period ' || pp.label || '.', true
      from plan_period pp join plan p on p.id = pp.plan_id
      cross join generate_series(1, ${scale.objectivesPerPeriod}::int) o
      join areas ar on ar.k = ${h("p.code || pp.number || '-' || o", "area")} % ar.total
      cross join en
      where p.code like 'GEN-PLAN-%'
      on conflict (plan_id, code) do nothing`.execute(db);
    await sql`
      with ${words},
           verbs as (select array['Draft','Approve','Train staff in','Equip units for','Evaluate','Report on',
                                  'Exercise','Review'] as w)
      insert into plan_action (objective_id, title, responsible_organisation_id, due_on, status, progress,
                               completed_on, note, sample)
      select o.id,
             v.w[1 + ${h("o.code || p.code || j", "verb")} % 8] || ' ' || en.w[1 + ${h("o.code || p.code || j", "w")} % 26]
               || ' measures (' || o.code || '.' || j || ')',
             org.id, d.due_on, s.status,
             case s.status when 'done' then 100 when 'planned' then 0 when 'cancelled' then 0
                           else 10 + ${h("o.code || p.code || j", "progress")} % 80 end,
             case when s.status = 'done' then d.due_on - (${h("o.code || p.code || j", "early")} % 60)::int end,
             'Generated action', true
      from plan_objective o join plan p on p.id = o.plan_id join plan_period pp on pp.id = o.period_id
      left join organisation org on org.code = 'GEN-ORG-' || split_part(p.code, '-', 3)
      cross join generate_series(1, 5) j
      cross join lateral (
        select ${firstYear}::int + 2 * (case when split_part(p.code, '-', 4) = '1' then pp.number - 1
                                             else ${actionPlanPeriods}::int + pp.number - 1 end) as start_year) y
      cross join lateral (
        select make_date(y.start_year + j % 2, 1 + ${h("o.code || p.code || j", "dm")} % 12,
                         1 + ${h("o.code || p.code || j", "dd")} % 28) as due_on,
               ${r("o.code || p.code || j", "status")} as u) d
      cross join lateral (
        select case when d.due_on < ${asOf}::date then
                      case when d.u < 0.6 then 'done' when d.u < 0.75 then 'deferred' when d.u < 0.8 then 'cancelled'
                           else 'in_progress' end
                    when d.u < 0.5 then 'planned' else 'in_progress' end as status) s
      cross join en cross join verbs v
      where p.code like 'GEN-PLAN-%' and j <= 1 + ${h("o.code || p.code", "actions")} % 5
        and not exists (select 1 from plan_action a where a.objective_id = o.id)`.execute(db);
  });

  await step("annual programmes with items (activities the nation attended, others, own)", async () => {
    // One programme a nation and year, where the nation has none covering that year yet.
    await sql`
      insert into annual_programme (nation_id, first_year, last_year, title, plan_id, status, note, sample,
                                    owner_nation_id, releasability)
      select n.id, y, y, 'Annual partnership programme ' || y || ' of ' || n.name_en, p.id,
             case when y < ${lastYear}::int then 'closed' else 'agreed' end, ${GEN_SOURCE}, true, n.id, 'restricted'
      from nation n cross join generate_series(${firstYear}::int, ${lastYear}::int) y
      left join plan p on p.code = ${planCode("n.code", "y")}
      where not exists (select 1 from annual_programme x where x.nation_id = n.id
                          and int4range(x.first_year, x.last_year, '[]') && int4range(y, y, '[]'))`.execute(
      db,
    );
    // Up to 40 activities whose events the nation's people were accepted to, 10 more of the year's menu (mostly
    // not attended: planned but not implemented) and 4 of its own. Skipped without reading the nominations when
    // every programme has its items.
    const unfilled = await sql<{ n: number }>`
      select count(*)::int as n from annual_programme ap
      where ap.note = ${GEN_SOURCE} and ap.sample
        and not exists (select 1 from programme_item pi where pi.programme_id = ap.id)`.execute(db);
    if (unfilled.rows[0]?.n)
      await sql`
      with ${nations}, ${areas}, ${words},
           programmes as (
             select ap.id, ap.nation_id, ap.first_year as year, n.code as nation_code, n.k as nation_k
             from annual_programme ap join nations n on n.id = ap.nation_id
             where ap.note = ${GEN_SOURCE} and ap.sample
               and not exists (select 1 from programme_item pi where pi.programme_id = ap.id)),
           accepted as (
             select n.nation_id, extract(year from e.starts_on)::int as year, e.activity_id
             from nomination n join event e on e.id = n.event_id
             where n.status = 'accepted' and e.status <> 'cancelled'
               and e.starts_on >= make_date(${firstYear}::int, 1, 1)
             group by 1, 2, 3),
           attended as (
             select p.id as programme_id, a.id as activity_id,
                    row_number() over (partition by p.id order by ${h("a.code || p.nation_code", "pick")}, a.code) as rn
             from accepted x join programmes p on p.nation_id = x.nation_id and p.year = x.year
             join activity a on a.id = x.activity_id and a.code like 'GEN-%'),
           year_activities as (
             select a.id, a.menu_year,
                    (row_number() over (partition by a.menu_year order by ${h("a.code", "year")}, a.code) - 1) / 10 as slot
             from activity a where a.code like 'GEN-%' and a.status <> 'cancelled'),
           picked as (
             select programme_id, activity_id from attended where rn <= 40
             union
             select p.id, ya.id from programmes p join year_activities ya on ya.menu_year = p.year and ya.slot = p.nation_k)
      insert into programme_item (programme_id, activity_id, title, area_code, planned_starts_on, planned_ends_on,
                                  planned_participants, own_outcome, own_participants, note, sample)
      select pk.programme_id, pk.activity_id, null,
             coalesce((select min(aa.area_code) from activity_area aa where aa.activity_id = pk.activity_id),
                      'education_training'),
             null, null, 1 + ${h("a.code", "participants")} % 4, null, null, null, true
      from picked pk join activity a on a.id = pk.activity_id
      union all
      select p.id, null,
             initcap(en.w[1 + ${h("p.nation_code || p.year || i", "w1")} % 26]) || ' '
               || en.w[1 + ${h("p.nation_code || p.year || i", "w2")} % 26] || ' '
               || (array['workshop','staff talks','seminar','course'])[1 + (i - 1) % 4] || ' (national, ' || p.year || ')',
             ar.code, x.starts_on, x.starts_on + 3, x.participants,
             case when p.year >= ${lastYear}::int then null
                  when x.u < 0.7 then 'done' when x.u < 0.9 then 'not_done' else 'cancelled' end,
             case when p.year < ${lastYear}::int and x.u < 0.7
                  then greatest(0, x.participants - ${h("p.nation_code || p.year || i", "absent")} % 5) end,
             'Generated own item', true
      from programmes p cross join generate_series(1, 4) i
      join areas ar on ar.k = ${h("p.nation_code || p.year || i", "area")} % ar.total
      cross join lateral (
        select make_date(p.year, 1 + ${h("p.nation_code || p.year || i", "m")} % 12,
                         1 + ${h("p.nation_code || p.year || i", "d")} % 25) as starts_on,
               5 + ${h("p.nation_code || p.year || i", "n")} % 30 as participants,
               ${r("p.nation_code || p.year || i", "outcome")} as u) x
      cross join en`.execute(db);
    // Items serve the objective of the plan period covering their year, in their area when there is one.
    await sql`
      insert into programme_item_objective (item_id, objective_id)
      select distinct on (pi.id) pi.id, o.id
      from programme_item pi join annual_programme ap on ap.id = pi.programme_id
      join plan_period pp on pp.plan_id = ap.plan_id
      join period_statement s on s.period_id = pp.id and s.source = ${GEN_PLAN_SOURCE}
        and ap.first_year between extract(year from s.starts_on) and extract(year from s.ends_on)
      join plan_objective o on o.period_id = pp.id and o.area_code = pi.area_code
      where ap.note = ${GEN_SOURCE} and ap.sample
        and not exists (select 1 from programme_item_objective x where x.item_id = pi.id)
      order by pi.id, o.code
      on conflict do nothing`.execute(db);
  });

  await step(
    `partnership goals (${scale.goalsPerNation} a nation), status history and assessments`,
    async () => {
      await sql`
      with ${areas}, ${words}
      insert into partnership_goal (nation_id, code, title, area_code, description, target_on, agreed_year, status,
                                    plan_id, sample, owner_nation_id, releasability)
      select n.id, 'GEN-PG-' || lpad(g::text, 3, '0'),
             ar.name_en || ': ' || en.w[1 + ${h("n.code || g", "w1")} % 26] || ' '
               || en.w[1 + ${h("n.code || g", "w2")} % 26] || ' capability to alliance standards',
             ar.code, 'Generated partnership goal ' || g || ' of ' || n.name_en || '.',
             x.target_on, case when s.status = 'proposed' then null else x.agreed end, s.status, p.id, true, n.id,
             'restricted'
      from nation n cross join generate_series(1, ${scale.goalsPerNation}::int) g
      join areas ar on ar.k = ${h("n.code || g", "area")} % ar.total
      cross join lateral (
        select ${firstEven}::int + 2 * (${h("n.code || g", "agreed")} % ${evenYears}::int) as agreed,
               ${r("n.code || g", "status")} as u) y
      cross join lateral (select y.agreed, make_date(y.agreed + 2 + ${h("n.code || g", "target")} % 4, 12, 31) as target_on) x
      cross join lateral (
        select case when x.target_on < ${asOf}::date then
                      case when y.u < 0.6 then 'achieved' when y.u < 0.75 then 'in_progress'
                           when y.u < 0.9 then 'deferred' else 'cancelled' end
                    when x.agreed >= ${lastYear - 1}::int then case when y.u < 0.3 then 'proposed' else 'agreed' end
                    else case when y.u < 0.3 then 'agreed' when y.u < 0.9 then 'in_progress'
                              when y.u < 0.95 then 'deferred' else 'cancelled' end end as status) s
      left join plan p on p.code = ${planCode("n.code", "x.agreed")}
      cross join en
      on conflict (nation_id, code) do nothing`.execute(db);
      await sql`
      insert into goal_status_change (goal_id, from_status, to_status, note, changed_at)
      select g.id, path[i - 1], path[i], 'Generated status change',
             make_timestamptz(least(coalesce(g.agreed_year, extract(year from g.target_on)::int - 2) - 2 + i::int,
                                    ${lastYear}::int), 6, 1, 12, 0, 0, 'UTC')
      from partnership_goal g
      cross join lateral (select case g.status
          when 'proposed' then array['proposed']
          when 'agreed' then array['proposed','agreed']
          when 'in_progress' then array['proposed','agreed','in_progress']
          when 'achieved' then array['proposed','agreed','in_progress','achieved']
          when 'deferred' then array['proposed','agreed','in_progress','deferred']
          else array['proposed','agreed','cancelled'] end as path) x
      cross join lateral generate_series(1, cardinality(x.path)) i
      where g.code like 'GEN-PG-%' and g.sample
        and not exists (select 1 from goal_status_change c where c.goal_id = g.id)`.execute(db);
      // Assessed in the odd years after agreement, until the target year (and not in the current year).
      await sql`
      insert into goal_assessment (goal_id, cycle_year, rating, comments, assessed_on, sample)
      select g.id, c,
             case when g.status = 'achieved' and c >= extract(year from g.target_on) then 'fully_met'
                  when x.u < 0.2 then 'fully_met' when x.u < 0.55 then 'largely_met'
                  when x.u < 0.85 then 'partially_met' else 'not_met' end,
             'Generated assessment of the ' || c || ' review cycle.', make_date(c, 11, 30), true
      from partnership_goal g
      cross join lateral generate_series(g.agreed_year + 1,
                                         least(extract(year from g.target_on)::int + 1, ${lastYear - 1}::int), 2) c
      cross join lateral (select ${r("g.code || g.agreed_year || c", "rating")} as u) x
      where g.code like 'GEN-PG-%' and g.sample and g.agreed_year is not null and g.status <> 'cancelled'
      on conflict (goal_id, cycle_year) do nothing`.execute(db);
      // Two activities of the goal's area in the year after its agreement implement it.
      await sql`
      with acts as (
        select a.id, a.menu_year, aa.area_code,
               row_number() over (partition by a.menu_year, aa.area_code order by a.code) - 1 as k,
               count(*) over (partition by a.menu_year, aa.area_code) as total
        from activity a join activity_area aa on aa.activity_id = a.id where a.code like 'GEN-%')
      insert into goal_activity (goal_id, activity_id)
      select g.id, ac.id
      from partnership_goal g join nation n on n.id = g.nation_id cross join generate_series(0, 1) j
      join acts ac on ac.menu_year = least(g.agreed_year + 1, ${lastYear}::int) and ac.area_code = g.area_code
        and ac.k = (${h("n.code || g.code", "activity")}::bigint + j) % ac.total
      where g.code like 'GEN-PG-%' and g.sample and g.agreed_year is not null
        and not exists (select 1 from goal_activity x where x.goal_id = g.id)
      on conflict do nothing`.execute(db);
    },
  );

  await step(`partnership milestones (${scale.milestonesPerYear} a nation and year)`, () =>
    sql`
      with ${words},
           kinds(k, kind, en, az, ru) as (values
             (0, 'milestone', 'Partnership review on % completed', '% üzrə tərəfdaşlıq icmalı başa çatdı',
                 'Завершён обзор партнёрства: %'),
             (1, 'agreement', 'Agreement on % cooperation signed', '% üzrə əməkdaşlıq sazişi imzalandı',
                 'Подписано соглашение о сотрудничестве: %'),
             (2, 'deployment', 'Contingent deployed to the % mission', '% missiyasına kontingent göndərildi',
                 'Контингент направлен в миссию: %'),
             (3, 'visit', 'Visit of the % delegation', '% nümayəndə heyətinin səfəri', 'Визит делегации: %'),
             (4, 'role', 'Chairs the working group on %', '% üzrə işçi qrupuna sədrlik edir',
                 'Председательство в рабочей группе: %'),
             (5, 'event', 'Hosted the % conference', '% konfransına ev sahibliyi etdi', 'Проведена конференция: %'))
      insert into partnership_milestone (nation_id, occurred_on, precision, kind, title_en, title_az, title_ru,
                                         description, source, sample, owner_nation_id, releasability)
      select n.id, x.occurred_on, x.precision, kd.kind,
             replace(kd.en, '%', en.w[x.w]), upper(left(replace(kd.az, '%', az.w[x.w]), 1)) || substr(replace(kd.az, '%', az.w[x.w]), 2),
             replace(kd.ru, '%', ru.w[x.w]),
             'Generated milestone ' || y || '/' || j || ' of ' || n.name_en || '.', ${GEN_SOURCE}, true, n.id,
             case when x.u < 0.7 then 'public' else 'internal' end
      from nation n cross join generate_series(${firstYear}::int, ${lastYear}::int) y
      cross join generate_series(1, ${scale.milestonesPerYear}::int) j
      cross join lateral (
        select ${h("n.code || y || '-' || j", "kind")} % 6 as kind_k, 1 + ${h("n.code || y || '-' || j", "w")} % 26 as w,
               ${r("n.code || y || '-' || j", "u")} as u,
               ${r("n.code || y || '-' || j", "precision")} as p,
               1 + ${h("n.code || y || '-' || j", "m")} % 12 as month, 1 + ${h("n.code || y || '-' || j", "d")} % 28 as day) z
      cross join lateral (
        select z.kind_k, z.w, z.u,
               case when z.p < 0.7 then make_date(y, z.month, z.day) when z.p < 0.9 then make_date(y, z.month, 1)
                    else make_date(y, 1, 1) end as occurred_on,
               case when z.p < 0.7 then 'day' when z.p < 0.9 then 'month' else 'year' end as precision) x
      join kinds kd on kd.k = x.kind_k
      cross join en cross join az cross join ru
      on conflict (nation_id, occurred_on, title_en) do nothing`.execute(db),
  );

  await step(`readiness units (${scale.unitsPerNation} a nation) and the generated checklist`, async () => {
    const unitTypes = sql`types(k, en, az, ru, unit_type, size, echelon, hq) as (values
      (0, 'Infantry company', 'Piyada bölüyü', 'Пехотная рота', 'Infantry', 'company', 'Company (sub-unit)', false),
      (1, 'Mechanised infantry battalion', 'Mexanikləşdirilmiş piyada batalyonu', 'Мотопехотный батальон',
          'Mechanised infantry', 'battalion', 'Battalion', false),
      (2, 'Engineer company', 'İstehkam bölüyü', 'Инженерно-сапёрная рота', 'Engineer', 'company',
          'Company (sub-unit)', false),
      (3, 'Medical company', 'Tibb bölüyü', 'Медицинская рота', 'Medical', 'company', 'Company (sub-unit)', false),
      (4, 'Military police platoon', 'Hərbi polis taqımı', 'Взвод военной полиции', 'Military police', 'platoon',
          'Platoon', false),
      (5, 'Signals company', 'Rabitə bölüyü', 'Рота связи', 'Signals', 'company', 'Company (sub-unit)', false),
      (6, 'Logistics battalion', 'Logistika batalyonu', 'Батальон материально-технического обеспечения',
          'Logistics', 'battalion', 'Battalion', false),
      (7, 'Special operations team', 'Xüsusi təyinatlı qrup', 'Группа специальных операций', 'Special operations',
          'team', 'Team', false),
      (8, 'Brigade headquarters', 'Briqada qərargahı', 'Штаб бригады', 'Headquarters', 'brigade', 'Brigade', true))`;
    await sql`
      with ${unitTypes}
      insert into organisation (code, name_en, name_az, name_ru, kind, nation_id, city)
      select 'GEN-UNIT-' || n.code || '-' || lpad(u::text, 2, '0'), t.en || ' ' || u || ', ' || n.name_en,
             t.az || ' ' || u || ', ' || n.name_az, t.ru || ' ' || u || ', ' || n.name_ru, 'unit', n.id, 'Capital'
      from nation n cross join generate_series(1, ${scale.unitsPerNation}::int) u
      join types t on t.k = (u - 1) % 9
      on conflict (code) do nothing`.execute(db);
    await sql`
      with ${unitTypes}
      insert into unit_profile (organisation_id, unit_type, size, echelon, is_headquarters, sample)
      select o.id, t.unit_type, t.size, t.echelon, t.hq, true
      from organisation o join types t on t.k = (split_part(o.code, '-', 4)::int - 1) % 9
      where o.code like 'GEN-UNIT-%'
      on conflict (organisation_id) do nothing`.execute(db);
    await sql`
      insert into force_pool_declaration (unit_id, pool_name, declared_from, declared_to, note, sample)
      select o.id, 'Operational Capabilities Concept pool of forces', x.declared_from,
             case when ${r("o.code", "open")} < 0.5 then null else x.declared_from + interval '4 years' - interval '1 day' end,
             ${GEN_SOURCE}, true
      from organisation o
      cross join lateral (select make_date(${firstYear}::int + ${h("o.code", "declared")} % ${size.years}::int, 1, 1)
                          as declared_from) x
      where o.code like 'GEN-UNIT-%'
        and not exists (select 1 from force_pool_declaration d where d.unit_id = o.id)`.execute(db);
    await sql`
      insert into checklist_template (code, title, description, sample)
      values (${GEN_CHECKLIST}, 'Level 1 and 2 evaluation checklist (generated)',
              ${`50 generated criteria in 10 capability areas. ${GEN_SOURCE}`}, true)
      on conflict (code) do nothing`.execute(db);
    await sql`
      insert into checklist_version (template_id, version, note)
      select t.id, 1, ${GEN_SOURCE} from checklist_template t where t.code = ${GEN_CHECKLIST}
      on conflict (template_id, version) do nothing`.execute(db);
    // Areas and criteria are only ever inserted: the version is frozen once evaluations use it.
    await sql`
      insert into checklist_area (version_id, code, title, sort_order)
      select v.id, a.code, a.title, a.k
      from checklist_version v join checklist_template t on t.id = v.template_id
      cross join (values (0, 'C2', 'Command and control'), (1, 'COMMS', 'Communications and information systems'),
                         (2, 'TRG', 'Training and standards'), (3, 'ORG', 'Organisation and personnel'),
                         (4, 'LOG', 'Logistics and sustainment'), (5, 'EQP', 'Equipment and interoperability'),
                         (6, 'TAC', 'Tactical proficiency'), (7, 'FP', 'Force protection and security'),
                         (8, 'MED', 'Medical support'), (9, 'CIMIC', 'Civil-military cooperation')) a(k, code, title)
      where t.code = ${GEN_CHECKLIST} and v.version = 1
      on conflict (version_id, code) do nothing`.execute(db);
    await sql`
      insert into checklist_criterion (version_id, area_id, code, text, guidance, critical, sort_order)
      select a.version_id, a.id, a.code || '-' || lpad(i::text, 2, '0'),
             a.title || ' ' || (array['is planned','is documented','is rehearsed','is resourced','is assessed'])[i]
               || ' to the alliance standard (generated criterion)',
             'Answer yes only when the standard is fully met (generated guidance).', i = 1, i - 1
      from checklist_area a join checklist_version v on v.id = a.version_id
      join checklist_template t on t.id = v.template_id
      cross join generate_series(1, 5) i
      where t.code = ${GEN_CHECKLIST} and v.version = 1
      on conflict (version_id, code) do nothing`.execute(db);
  });

  await step("readiness evaluations, phases, answers, outcomes and findings", async () => {
    // Each unit every two or three years, through the levels; no teams (their members need certificates and a
    // person may be on one team at a time), as the schema allows.
    await sql`
      with ${nations},
           version as (select v.id from checklist_version v join checklist_template t on t.id = v.template_id
                       where t.code = ${GEN_CHECKLIST} and v.version = 1),
           units as (
             select o.id, o.code, o.name_en, o.nation_id, n.k, n.total,
                    2 + ${h("o.code", "interval")} % 2 as every
             from organisation o join nations n on n.id = o.nation_id
             where o.code like 'GEN-UNIT-%' and not exists (select 1 from evaluation e where e.unit_id = o.id)),
           slots as (
             select u.*, m, ${firstYear}::int + ${h("u.code", "offset")} % u.every + m * u.every as year,
                    (array['self_evaluation_l1','alliance_evaluation_l1','self_evaluation_l2','alliance_evaluation_l2',
                           'combat_readiness_evaluation'])[1 + m % 5] as kind
             from units u cross join generate_series(0, ${periods}::int) m),
           dated as (
             select s.*, x.starts_on, x.starts_on + 21 + ${h("s.code || s.m", "length")} % 10 as ends_on,
                    ${r("s.code || s.m", "cancel")} as u
             from slots s
             cross join lateral (select make_date(s.year, 2 + ${h("s.code || s.m", "month")} % 8,
                                                  1 + ${h("s.code || s.m", "day")} % 25) as starts_on) x
             where s.year <= ${lastYear}::int)
      insert into evaluation (unit_id, checklist_version_id, kind, title, starts_on, ends_on, state,
                              evaluating_organisation_id, summary_statement, reported_at, owner_nation_id,
                              releasability, release_organisations, sample)
      select d.id, v.id, d.kind,
             (case d.kind when 'self_evaluation_l1' then 'Self-evaluation level 1'
                          when 'alliance_evaluation_l1' then 'Alliance evaluation level 1'
                          when 'self_evaluation_l2' then 'Self-evaluation level 2'
                          when 'alliance_evaluation_l2' then 'Alliance evaluation level 2'
                          else 'Combat readiness evaluation' end) || ' of ' || d.name_en || ', ' || d.year,
             d.starts_on, d.ends_on, st.state, ev.id,
             case when st.state = 'reported' then 'Generated evaluation report of ' || d.name_en || '.' end,
             case when st.state = 'reported' then (d.ends_on + 7)::timestamp at time zone 'UTC' + interval '12 hours' end,
             d.nation_id, 'restricted', case when ev.id is null then '{}'::uuid[] else array[ev.id] end, true
      from dated d cross join version v
      cross join lateral (
        select case when d.ends_on < ${asOf}::date then case when d.u < 0.05 then 'cancelled' else 'reported' end
                    when d.starts_on <= ${asOf}::date then 'in_progress' else 'planned' end as state) st
      left join nations en on en.k = (d.k + 1) % d.total and d.kind not like 'self_%'
      left join organisation ev on ev.code = 'GEN-ORG-' || en.code`.execute(db);
    await sql`
      update evaluation e set previous_evaluation_id = x.previous_id
      from (select ev.id, lag(ev.id) over (partition by ev.unit_id order by ev.starts_on, ev.title) as previous_id
            from evaluation ev join organisation o on o.id = ev.unit_id
            where o.code like 'GEN-UNIT-%' and ev.state <> 'cancelled') x
      where e.id = x.id and x.previous_id is not null and e.previous_evaluation_id is null`.execute(db);
    await sql`
      insert into evaluation_phase (evaluation_id, phase, starts_on, ends_on)
      select e.id, p.phase, e.starts_on + p.from_day, case when p.phase = 'phase_3_report' then e.ends_on
                                                           else e.starts_on + p.to_day end
      from evaluation e join organisation o on o.id = e.unit_id
      cross join (values ('coordination_meeting', -30, -29), ('phase_1_barracks', 0, 3),
                         ('phase_2_exercise', 7, 11), ('phase_3_report', 17, 17)) p(phase, from_day, to_day)
      where o.code like 'GEN-UNIT-%'
        and not exists (select 1 from evaluation_phase x where x.evaluation_id = e.id)
      on conflict do nothing`.execute(db);
    // Every criterion has its answer row (as the service creates them); reported evaluations are answered in full,
    // evaluations in progress in their first five areas.
    await sql`
      insert into evaluation_answer (evaluation_id, criterion_id, answer, comment, version, answered_at)
      select e.id, c.id, x.answer, case when x.answer = 'no' then 'Standard not fully met (generated)' end,
             case when x.answer is null then 0 else 1 end,
             case when x.answer is not null then (e.ends_on - 3)::timestamp at time zone 'UTC' + interval '15 hours' end
      from evaluation e join organisation o on o.id = e.unit_id
      join checklist_criterion c on c.version_id = e.checklist_version_id
      join checklist_area a on a.id = c.area_id
      cross join lateral (select ${r("o.code || e.starts_on || c.code", "answer")} as u) h
      cross join lateral (
        select case when e.state = 'reported' or (e.state = 'in_progress' and a.sort_order < 5) then
                      case when c.critical then case when h.u < 0.98 then 'yes' else 'no' end
                           when h.u < 0.045 then 'no' when h.u < 0.09 then 'not_evaluated' else 'yes' end
               end as answer) x
      where o.code like 'GEN-UNIT-%'
        and not exists (select 1 from evaluation_answer ans where ans.evaluation_id = e.id)
      on conflict do nothing`.execute(db);
    // The outcome by the rule of scoring.ts: every evaluated area at 80 % yes and no critical "no" (units), or the
    // overall share for a headquarters.
    await sql`
      with areas as (
        select ans.evaluation_id, c.area_id, coalesce(up.is_headquarters, false) as hq,
               count(*) filter (where ans.answer = 'yes') as yes, count(*) filter (where ans.answer = 'no') as no,
               count(*) filter (where ans.answer = 'no' and c.critical) as critical_no
        from evaluation e join organisation o on o.id = e.unit_id
        left join unit_profile up on up.organisation_id = o.id
        join evaluation_answer ans on ans.evaluation_id = e.id
        join checklist_criterion c on c.id = ans.criterion_id
        where o.code like 'GEN-UNIT-%' and e.state = 'reported' and e.outcome is null
        group by 1, 2, 3),
      totals as (
        select evaluation_id, bool_or(hq) as hq, sum(yes) as yes, sum(no) as no, sum(critical_no) as critical_no,
               bool_and(yes + no = 0 or round(1000.0 * yes / (yes + no)) / 10 >= 80) as areas_pass
        from areas group by 1)
      update evaluation e
      set outcome = case
            when t.hq then case when t.yes + t.no > 0 and round(1000.0 * t.yes / (t.yes + t.no)) / 10 >= 80
                                then 'meets_standards' else 'does_not_meet_standards' end
            when t.yes + t.no > 0 and t.areas_pass and t.critical_no = 0 then 'combat_ready'
            else 'not_combat_ready' end
      from totals t where e.id = t.evaluation_id`.execute(db);
    // A finding for each area with a criterion not met; a recommendation when the outcome is negative.
    await sql`
      with reported as (
        select e.id, e.outcome from evaluation e join organisation o on o.id = e.unit_id
        where o.code like 'GEN-UNIT-%' and e.state = 'reported'
          and not exists (select 1 from evaluation_finding f where f.evaluation_id = e.id))
      insert into evaluation_finding (evaluation_id, area_id, kind, text)
      select r.id, a.id, 'finding',
             a.title || ': ' || count(*) || ' criteria not met during the evaluation (generated finding).'
      from reported r join evaluation_answer ans on ans.evaluation_id = r.id and ans.answer = 'no'
      join checklist_criterion c on c.id = ans.criterion_id join checklist_area a on a.id = c.area_id
      group by r.id, a.id, a.title
      union all
      select r.id, null, 'recommendation',
             'Correct the findings and repeat the evaluation before the next level (generated recommendation).'
      from reported r where r.outcome in ('not_combat_ready', 'does_not_meet_standards')`.execute(db);
  });
}

const SUMMARY_TABLES = [
  "nation",
  "person",
  "activity",
  "event",
  "nomination",
  "framework_document",
  "plan",
  "plan_period",
  "period_statement",
  "plan_objective",
  "plan_action",
  "annual_programme",
  "programme_item",
  "programme_item_objective",
  "partnership_goal",
  "goal_status_change",
  "goal_assessment",
  "goal_activity",
  "partnership_milestone",
  "unit_profile",
  "force_pool_declaration",
  "checklist_criterion",
  "evaluation",
  "evaluation_phase",
  "evaluation_answer",
  "evaluation_finding",
];

/** The benchmark's database on a PostgreSQL server (DATABASE_URL) is created when it does not exist yet. */
export async function ensureBenchDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) return;
  target.pathname = "/postgres";
  await ensureDatabase(target.toString(), name);
}

async function main() {
  await ensureBenchDatabase();
  const { values } = parseArgs({
    options: { size: { type: "string", default: "small" }, seed: { type: "string", default: "42" } },
  });
  const size = SIZES[values.size ?? "small"];
  if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")}`);
  const config = loadConfig(process.env, {
    dataDir: path.resolve(process.env.ACCORD_DATA_DIR || "bench/data"),
    logLevel: "warn",
  });
  const log = (m: string) => console.log(m);
  const database = await openDatabase(config, () => {}, 4);
  const started = Date.now();
  try {
    await migrate(database.pool);
    console.log(
      `Generating the ${values.size} data set (seed ${values.seed}) on ${database.kind} PostgreSQL`,
    );
    await generateDataset(database.db, size, Number(values.seed), log);
    // Counted one after the other, in this order (a union of counts may come back in any order).
    const counts = await sql<{ table: string; rows: number }>`
      select t.name as table, t.rows from (values ${sql.raw(
        SUMMARY_TABLES.map((table) => `('${table}', (select count(*)::int from ${table}))`).join(", "),
      )}) t(name, rows)`.execute(database.db);
    for (const row of counts.rows) console.log(`  ${row.table.padEnd(24)} ${row.rows.toLocaleString()}`);
    // The partnership timeline's entries of each nation (the kinds it reads from these tables).
    const timeline = await sql<{ min: number; avg: number; max: number }>`
      with entries as (
        select nation_id from partnership_milestone union all
        select nation_id from framework_document where nation_id is not null and signed_on is not null union all
        select p.nation_id from plan_period pp join plan p on p.id = pp.plan_id
          where p.nation_id is not null and exists (select 1 from period_statement s where s.period_id = pp.id)
        union all
        select nation_id from annual_programme union all
        select nation_id from partnership_goal where agreed_year is not null or target_on is not null),
      per_nation as (select count(*)::int as n from entries group by nation_id)
      select min(n)::int as min, avg(n)::int as avg, max(n)::int as max from per_nation`.execute(database.db);
    const t = timeline.rows[0];
    if (t) console.log(`  timeline entries per nation: ${t.min} to ${t.max} (average ${t.avg})`);
    console.log(`Load time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
