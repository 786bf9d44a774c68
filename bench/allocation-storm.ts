/*
 * The nomination storm under per-nation allocations (issue 22, item 1): N concurrent first-come nominations on an
 * event where most seats are granted to nations that do not nominate in the storm (so the rest are waitlisted as
 * "reserved"), then the re-allocation returns those seats and offers them to the waiting list, and the offers are
 * accepted concurrently through the API. Checks that no nation exceeded its allocation or quota before the
 * re-allocation and that the capacity holds at the end. The floor: the same nominations straight on PostgreSQL
 * (`accord_nominate_flush_later` and `accord_durable`, as the API calls them, on a pool) for a twin event.
 */
import autocannon from "autocannon";
import { sql } from "kysely";
import pg from "pg";
import type { Config } from "../src/config.js";
import type { openDatabase } from "../src/db/database.js";
import { reallocateDue } from "../src/modules/catalogue/index.js";

type Db = Awaited<ReturnType<typeof openDatabase>>["db"];
const CAPACITY = 400;
const RESERVED = 300;

async function post(base: string, headers: Record<string, string>, url: string, body: unknown) {
  const reply = await fetch(`${base}${url}`, { method: "POST", headers, body: JSON.stringify(body) });
  const json = (await reply.json()) as { id: string };
  if (!reply.ok) throw new Error(`${url} failed: ${JSON.stringify(json)}`);
  return json;
}

/** An event of CAPACITY seats, quota 4, RESERVED seats granted to three nations that do not nominate. */
async function allocatedEvent(
  base: string,
  headers: Record<string, string>,
  organiserId: string,
  granted: string[],
) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const activity = await post(base, headers, "/api/activities", {
    code: `BENCH-ALLOC-${stamp}`,
    titleEn: "Benchmark allocation storm",
    kind: "course",
    menuYear: 2026,
    organiserId,
    capacity: CAPACITY,
    nationQuota: 4,
    releasability: "public",
    ownerOrganisationId: organiserId,
  });
  await post(base, headers, `/api/activities/${activity.id}/status`, { status: "published" });
  // A week of its own each run, so that a later run's acceptances are no double bookings of an earlier one's.
  const week = new Date(Date.UTC(2030, 0, 7) + (Math.floor(Date.now() / 1000) % 2000) * 7 * 86_400_000);
  const day = (offset: number) => new Date(week.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const event = await post(base, headers, `/api/activities/${activity.id}/events`, {
    startsOn: day(0),
    endsOn: day(4),
    acceptance: "first_come",
  });
  for (const nationId of granted)
    await post(base, headers, `/api/events/${event.id}/seat-allocations/grant`, {
      nationId,
      granted: RESERVED / granted.length,
    });
  return event.id;
}

/** Fires one request per item, all at once, one connection each; the span from the first sent to the last answer. */
function storm(url: string, headers: Record<string, string>, bodies: string[], paths?: string[]) {
  const statuses: number[] = [];
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  let next = 0;
  return new Promise<{ statuses: number[]; spanMs: number }>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: "POST",
        headers,
        connections: bodies.length,
        amount: bodies.length,
        timeout: 60,
        requests: [
          {
            setupRequest: (request: autocannon.Request) => {
              const i = next++ % bodies.length;
              return { ...request, body: bodies[i], ...(paths ? { path: paths[i] } : {}) };
            },
          },
        ],
      },
      (error) => (error ? reject(error) : resolve({ statuses, spanMs: last - first })),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      const now = performance.now();
      first = Math.min(first, now - responseTime);
      last = Math.max(last, now);
      statuses.push(status);
    });
  });
}

/** Held seats of the event, in all and the most any nation holds beyond its limit (allocation, else quota). */
async function holdings(db: Db, eventId: string) {
  const { rows } = await sql<{ held: number; overLimit: number; waitlisted: number }>`
    with holding as (
      select n.nation_id from nomination n where n.event_id = ${eventId} and n.status = 'accepted'
      union all
      select n.nation_id from seat_offer o join nomination n on n.id = o.nomination_id
        where o.event_id = ${eventId} and o.status = 'offered'),
    by_nation as (select nation_id, count(*)::int as n from holding group by nation_id)
    select (select count(*)::int from holding) as held,
      (select count(*)::int from by_nation b left join event_seat_allocation al
         on al.event_id = ${eventId} and al.nation_id = b.nation_id
       where b.n > coalesce(al.granted, 4)) as over_limit,
      (select count(*)::int from nomination where event_id = ${eventId} and status = 'waitlisted') as waitlisted`.execute(
    db,
  );
  return rows[0]!;
}

export async function allocationStorm(
  base: string,
  headers: Record<string, string>,
  db: Db,
  config: Config,
  databaseUrl: string,
  count: number,
  cpu: () => { server: number; client: number; postgres: number },
) {
  const organiser = await db
    .selectFrom("organisation")
    .select("id")
    .where("code", "=", "NATO-SCHOOL")
    .executeTakeFirstOrThrow();
  // The three nations with the fewest benchmark people get the reserved seats; the storm's people are of others.
  const { rows: granted } = await sql<{ id: string }>`
    select id from nation order by (select count(*) from person p where p.nation_id = nation.id
      and p.email like 'bench.person.%'), code limit 3`.execute(db);
  const grantedIds = granted.map((row) => row.id);
  const { rows: people } = await sql<{ id: string; nationId: string }>`
    select id, nation_id as "nationId" from person where email like 'bench.person.%'
      and nation_id <> all(${grantedIds}::uuid[]) order by id desc limit ${count}`.execute(db);
  const eventId = await allocatedEvent(base, headers, organiser.id, grantedIds);
  const nominations = await storm(
    `${base}/api/events/${eventId}/nominations`,
    headers,
    people.map((p, i) => JSON.stringify({ personId: p.id, priority: 1 + (i % 50) })),
  );
  const afterStorm = await holdings(db, eventId);
  // The re-allocation date comes: the job returns the reserved seats and offers them to the waiting list.
  await sql`update event set reallocation_date = current_date where id = ${eventId}`.execute(db);
  const reallocated = performance.now();
  await Promise.all([reallocateDue(db, config), reallocateDue(db, config)]);
  const reallocateMs = performance.now() - reallocated;
  const { rows: offers } = await sql<{ id: string }>`
    select id from seat_offer where event_id = ${eventId} and status = 'offered'`.execute(db);
  const cpuBefore = cpu();
  const answers = await storm(
    `${base}/api/seat-offers/x/accept`,
    headers,
    offers.map(() => "{}"),
    offers.map((o) => `/api/seat-offers/${o.id}/accept`),
  );
  const cpuAfter = cpu();
  const end = await holdings(db, eventId);

  // The floor: the same nominations as single statements on a pool, for a twin event.
  const floorEvent = await allocatedEvent(base, headers, organiser.id, grantedIds);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 50 });
  const floorStarted = performance.now();
  // As the API does (0043): the seat function committing without the flush, then the wait for it.
  await Promise.all(
    people.map(async (p, i) => {
      await pool.query(
        "select id from accord_nominate_flush_later($1::uuid, $2::uuid, $3::uuid, $4::int, null, '[]'::jsonb, null, 'bench', null)",
        [floorEvent, p.id, p.nationId, 1 + (i % 50)],
      );
      await pool.query("select accord_durable()");
    }),
  );
  const floorMs = performance.now() - floorStarted;
  // The rest of the floor: the twin's re-allocation, then its offers accepted as the API's statement, on the pool.
  await sql`update event set reallocation_date = current_date where id = ${floorEvent}`.execute(db);
  const floorReallocated = performance.now();
  await Promise.all([reallocateDue(db, config), reallocateDue(db, config)]);
  const floorReallocateMs = performance.now() - floorReallocated;
  const { rows: floorOffers } = await sql<{ id: string }>`
    select id from seat_offer where event_id = ${floorEvent} and status = 'offered'`.execute(db);
  const floorAcceptsStarted = performance.now();
  const floorOutcomes = await Promise.all(
    floorOffers.map(async (o) => {
      const { rows } = await pool.query<{ outcome: string }>(
        "select outcome from accord_accept_offer($1::uuid, array['nominated', 'waitlisted'], null, null, 'bench', null)",
        [o.id],
      );
      await pool.query("select accord_durable()");
      return rows[0]!.outcome;
    }),
  );
  const floorAcceptsMs = performance.now() - floorAcceptsStarted;
  await pool.end();

  const bad = (statuses: number[]) => statuses.filter((s) => s >= 400).length;
  const total = nominations.spanMs + reallocateMs + answers.spanMs;
  return {
    name: `${people.length} concurrent nominations under allocations + ${offers.length} offers accepted concurrently`,
    concurrency: String(people.length),
    p50: nominations.spanMs,
    p95: answers.spanMs,
    p99: total,
    rps: people.length / (nominations.spanMs / 1000),
    rawP50: floorMs,
    note:
      `first nomination sent → last nomination answered ${nominations.spanMs.toFixed(0)} ms (floor, accord_nominate_flush_later ` +
      `on a 50-connection pool: ${floorMs.toFixed(0)} ms); re-allocation ${reallocateMs.toFixed(0)} ms; ` +
      `first accept sent → last answer ${answers.spanMs.toFixed(0)} ms; first request → last answer ${total.toFixed(0)} ms ` +
      `(storm + re-allocation + answers; the same three on PostgreSQL alone: ${floorMs.toFixed(0)} + ` +
      `${floorReallocateMs.toFixed(0)} + ${floorAcceptsMs.toFixed(0)} = ` +
      `${(floorMs + floorReallocateMs + floorAcceptsMs).toFixed(0)} ms, ` +
      `${floorOutcomes.filter((o) => o === "accepted").length} of ${floorOutcomes.length} accepted); after the storm held ${afterStorm.held}, nations over their ` +
      `allocation/quota ${afterStorm.overLimit}, waitlisted ${afterStorm.waitlisted}; at the end held ${end.held} ≤ ` +
      `${CAPACITY}, over-allocated ${Math.max(0, end.held - CAPACITY)}; refused nominations ${bad(nominations.statuses)}, ` +
      `refused accepts ${bad(answers.statuses)} of ${answers.statuses.length}; the accepts' CPU s: server ` +
      `${(cpuAfter.server - cpuBefore.server).toFixed(2)}, client ${(cpuAfter.client - cpuBefore.client).toFixed(2)}, ` +
      `postgres ${(cpuAfter.postgres - cpuBefore.postgres).toFixed(2)}`,
  };
}
