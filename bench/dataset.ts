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
import { openDatabase } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { seedDemo } from "../src/seed/demo.js";

export interface DatasetSize {
  nations: number;
  years: number;
  people: number;
  activities: number;
  eventsPerActivity: number;
  nominationsPerEvent: number;
}

export const SIZES: Record<string, DatasetSize> = {
  // 200,000 events, 100,000 people, 2,000,000 nominations over 25 years and 50 nations.
  full: {
    nations: 50,
    years: 25,
    people: 100_000,
    activities: 100_000,
    eventsPerActivity: 2,
    nominationsPerEvent: 10,
  },
  small: {
    nations: 50,
    years: 25,
    people: 5_000,
    activities: 4_000,
    eventsPerActivity: 2,
    nominationsPerEvent: 10,
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
      insert into nation (code, name_en, name_az, name_ru)
      select 'Z' || chr(65 + (i / 26)) || chr(65 + (i % 26)), 'Sample nation ' || i, 'Nümunə dövlət ' || i,
             'Образец государство ' || i
      from generate_series(0, ${missing - 1}) i
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

  await step("analyze", () => sql`analyze`.execute(db));
}

async function main() {
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
    const counts = await sql<{ table: string; rows: number }>`
      select 'nation' as table, count(*)::int as rows from nation union all
      select 'person', count(*)::int from person union all
      select 'activity', count(*)::int from activity union all
      select 'event', count(*)::int from event union all
      select 'nomination', count(*)::int from nomination`.execute(database.db);
    for (const row of counts.rows) console.log(`  ${row.table.padEnd(12)} ${row.rows.toLocaleString()}`);
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
