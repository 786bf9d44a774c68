/**
 * The nomination storm's database share alone: N concurrent `accord_nominate_flush_later` + `accord_durable` calls
 * (as the API makes them, with the benchmark administrator as the actor) on a pool, for a fresh 39-seat, quota-4
 * first-come event; prints the span and PostgreSQL's CPU seconds (every process under the postmaster, from /proc).
 * Run after `npm run bench` made its data set and administrator:
 *
 *   DATABASE_URL=postgres://… npx tsx bench/nomination-floor.ts [count=1000] [connections=50] [rounds=1]
 *
 * Used to profile PostgreSQL's share per nomination (docs/performance.md, 2026-12-06).
 */

import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is required");
const count = Number(process.argv[2] ?? 1000);
const connections = Number(process.argv[3] ?? 50);
const rounds = Number(process.argv[4] ?? 1);

function postgresCpu(postmaster: number) {
  const ticks = 100;
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(pid) === postmaster || Number(fields[1]) === postmaster)
        total += (Number(fields[11]) + Number(fields[12])) / ticks;
    } catch {
      // gone
    }
  }
  return total;
}

const pool = new pg.Pool({ connectionString: url, max: connections });
const one = async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows[0] as T;
const checkpointer = await one<{ pid: number }>(
  "select pid from pg_stat_activity where backend_type = 'checkpointer'",
);
const postmaster = Number(
  readFileSync(`/proc/${checkpointer.pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1],
);
const organiser = await one<{ id: string }>("select id from organisation where code = 'NATO-SCHOOL'");
const admin = await one<{ id: string }>("select id from app_user where username = 'bench-admin'");
const people = (
  await pool.query<{ id: string; nation_id: string }>(
    "select id, nation_id from person where email like 'bench.person.%' order by id limit $1",
    [count],
  )
).rows;

for (let round = 0; round < rounds; round++) {
  const code = `FLOOR-${Date.now().toString(36).toUpperCase()}-${round}`;
  const activity = await one<{ id: string }>(
    `insert into activity (code, title_en, kind, menu_year, organiser_id, capacity, nation_quota, releasability,
       owner_organisation_id, status)
     values ($1, 'Benchmark seat race (floor)', 'course', 2026, $2, 39, 4, 'public', $2, 'published') returning id`,
    [code, organiser.id],
  );
  const event = await one<{ id: string }>(
    `insert into event (activity_id, starts_on, ends_on, acceptance) values ($1, '2026-12-01', '2026-12-05',
       'first_come') returning id`,
    [activity.id],
  );
  // Warm every connection (plans are per connection, as in the server's long-lived pool).
  await Promise.all(Array.from({ length: connections }, () => pool.query("select 1")));
  const cpuBefore = postgresCpu(postmaster);
  const started = performance.now();
  await Promise.all(
    people.map(async (p, i) => {
      const client = await pool.connect();
      try {
        await client.query(
          `select id from accord_nominate_flush_later($1::uuid, $2::uuid, $3::uuid, $4::int, null, '[]'::jsonb,
             $5::uuid, 'Benchmark administrator', $6)`,
          [event.id, p.id, p.nation_id, 1 + (i % 50), admin.id, `floor-${i}`],
        );
        await client.query("select accord_durable()");
      } finally {
        client.release();
      }
    }),
  );
  const ms = performance.now() - started;
  const cpu = postgresCpu(postmaster) - cpuBefore;
  const check = await one<{ accepted: number; waitlisted: number; max_nation: number }>(
    `select count(*) filter (where status = 'accepted')::int as accepted,
       count(*) filter (where status = 'waitlisted')::int as waitlisted,
       (select coalesce(max(c), 0)::int from (select count(*) as c from nomination where event_id = $1
          and status = 'accepted' group by nation_id) x) as max_nation
     from nomination where event_id = $1`,
    [event.id],
  );
  console.log(
    `${people.length} nominations on ${connections} connections: ${ms.toFixed(0)} ms, postgres CPU ${cpu.toFixed(2)} s ` +
      `(${((cpu * 1000) / people.length).toFixed(2)} ms a nomination); accepted ${check.accepted} ≤ 39, ` +
      `max a nation ${check.max_nation} ≤ 4, waitlisted ${check.waitlisted}`,
  );
}
await pool.end();
