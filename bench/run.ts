/**
 * Benchmarks of the main paths, printed as one table.
 *
 *   npm run build && npm run bench -- [--size small|full] [--duration 10] [--connections 16]
 *
 * Data: DATABASE_URL when set (the server deployment), otherwise the embedded PostgreSQL in bench/data. The data set
 * is generated once per size (bench/dataset.ts). Each HTTP case runs autocannon against a separate `accord serve`
 * process; its "raw" column replays the exact SQL statements that the same request executes (captured from an
 * in-process app) straight on PostgreSQL at the same concurrency: the floor the API cannot beat.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { type CompiledQuery, sql } from "kysely";
import pg from "pg";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createPool, openDatabase } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { PLANNED_EACH_TIME } from "../src/db/prepared.js";
import { hashPassword } from "../src/modules/identity/passwords.js";
import { allocationStorm } from "./allocation-storm.js";
import type { BenchRow } from "./bench-row.js";
import { ensureBenchDatabase, generateDataset, SIZES } from "./dataset.js";
import { importBench } from "./import.js";

const { values: args } = parseArgs({
  options: {
    size: { type: "string", default: "small" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    nominations: { type: "string", default: "1000" },
    // A comma-separated subset of: cold, search, distinct, unfiltered, global, event, report, timeline, dashboard,
    // nominations, allocations, js, notify, import.
    only: { type: "string" },
    // Rows of the import part (issue 21's sizes by default).
    "import-people": { type: "string", default: "10000" },
    "import-activities": { type: "string", default: "5000" },
  },
});
const only = args.only ? new Set(args.only.split(",")) : undefined;
const runs = (part: string) => !only || only.has(part);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const ROOT = path.resolve(import.meta.dirname, "..");
const DATA_DIR = path.resolve(process.env.ACCORD_DATA_DIR || path.join(ROOT, "bench", "data"));
const BENCH_PASSWORD = "bench-password-2026";

const rows: BenchRow[] = [];
const explains: { name: string; plan: string }[] = [];

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

async function waitReady(url: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url} was not ready in ${timeoutMs} ms`);
}

function startServer(env: Record<string, string>, port: number): ChildProcess {
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under test.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, path.join(ROOT, "bin", "accord.js"), "serve"], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** CPU seconds used so far by the server under test, this process (the load generator) and one PostgreSQL. */
function cpuSeconds(serverPid: number | undefined, postmasterPid: number | undefined) {
  const ticks = 100; // USER_HZ on Linux
  const read = (pid: string) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks };
    } catch {
      return undefined;
    }
  };
  let postgres = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const stat = read(pid);
    if (stat && (Number(pid) === postmasterPid || stat.ppid === postmasterPid)) postgres += stat.cpu;
  }
  const self = process.cpuUsage();
  return {
    server: serverPid ? (read(String(serverPid))?.cpu ?? 0) : 0,
    client: (self.user + self.system) / 1e6,
    postgres,
  };
}

/** The postmaster of the PostgreSQL under test: the parent of its checkpointer (the server must be local). */
async function postmasterOf(db: Awaited<ReturnType<typeof openDatabase>>["db"]) {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where backend_type = 'checkpointer'`.execute(db);
  const pid = rows[0]?.pid;
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** Latencies from every response (autocannon's own summary has no p95). */
async function load(
  url: string,
  options: { headers?: Record<string, string>; connections?: number; paths?: string[] } = {},
) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const rotate = options.paths;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections ?? CONNECTIONS,
        duration: DURATION,
        headers: options.headers,
        ...(rotate
          ? {
              requests: [
                {
                  setupRequest: (request: autocannon.Request) => ({
                    ...request,
                    path: rotate[next++ % rotate.length]!,
                  }),
                },
              ],
            }
          : {}),
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 400) errors++;
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: result.requests.average,
    errors: errors + result.errors + result.non2xx,
  };
}

/** Replays one request's SQL statements straight on PostgreSQL, `connections` at a time, for the same duration. */
async function rawFloor(pool: pg.Pool, requests: CompiledQuery[][], connections = CONNECTIONS) {
  const latencies: number[] = [];
  const deadline = performance.now() + DURATION * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < deadline) {
          const started = performance.now();
          const statements = requests[next++ % requests.length]!;
          // Named, like the app's statements (src/db/prepared.ts): the floor includes no parsing or planning
          // that the app itself avoids, and plans each time what the app plans each time.
          for (const statement of statements)
            await client.query({
              ...(statement.sql.startsWith(PLANNED_EACH_TIME)
                ? {}
                : { name: `raw${createHash("sha1").update(statement.sql).digest("hex")}` }),
              text: statement.sql,
              values: statement.parameters as unknown[],
            });
          latencies.push(performance.now() - started);
        }
      } finally {
        client.release();
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), rps: latencies.length / DURATION };
}

async function main() {
  const size = SIZES[args.size ?? "small"];
  if (!size) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")}`);
  if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) throw new Error("Run `npm run build` first");
  const serverMode = !!process.env.DATABASE_URL;
  const config = loadConfig(process.env, { dataDir: DATA_DIR, logLevel: "warn" });

  // 1. Data set (once per size).
  await ensureBenchDatabase();
  {
    const database = await openDatabase(config, () => {}, 4);
    await migrate(database.pool);
    const have = await sql<{
      n: number;
    }>`select count(*)::int as n from activity where code like 'GEN-%'`.execute(database.db);
    if ((have.rows[0]?.n ?? 0) < size.activities) {
      console.log(`Generating the ${args.size} data set…`);
      const started = Date.now();
      await generateDataset(database.db, size, 42, (m) => console.log(m));
      console.log(`Data set loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await database.close();
  }

  // 2. Cold start of `accord serve` on existing data (embedded PostgreSQL unless DATABASE_URL).
  const coldStarts: number[] = [];
  for (let run = 0; run < (runs("cold") ? 3 : 0); run++) {
    const port = await freePort();
    const started = performance.now();
    const child = startServer({ ACCORD_DATA_DIR: DATA_DIR }, port);
    await waitReady(`http://127.0.0.1:${port}`, 60_000);
    coldStarts.push(performance.now() - started);
    await stopServer(child);
  }
  coldStarts.sort((a, b) => a - b);
  if (coldStarts.length)
    rows.push({
      name: `cold start to /readyz (${serverMode ? "server" : "embedded"} PostgreSQL)`,
      concurrency: "1",
      p50: coldStarts[1]!,
      p95: coldStarts[2]!,
      p99: coldStarts[2]!,
      rps: Number.NaN,
      note: "target ≤ 2000 ms",
    });

  // 3. The server under test, and an in-process twin that captures the SQL of one request.
  const database = await openDatabase(config, () => {}, 8);
  const url = serverMode ? process.env.DATABASE_URL! : database.embedded!.adminUrl("accord");
  const port = await freePort();
  // The job queue's worker runs in its own process for the notify part; the server under test runs none.
  const server = startServer({ DATABASE_URL: url, ACCORD_WORKER: "false" }, port);
  const base = `http://127.0.0.1:${port}`;
  const rawPool = new pg.Pool({ connectionString: url, max: CONNECTIONS + 2 });
  // Stopping the embedded PostgreSQL at the end terminates idle connections; that is not a failure of the run.
  rawPool.on("error", () => {});
  try {
    await waitReady(base, 60_000);
    // Fixtures: a benchmark administrator, a nation, a busy event.
    const db = database.db;
    const hash = await hashPassword(BENCH_PASSWORD);
    const admin = await db
      .insertInto("appUser")
      .values({ username: "bench-admin", displayName: "Benchmark administrator", passwordHash: hash })
      .onConflict((oc) =>
        oc.column("username").doUpdateSet({ passwordHash: hash, lockedUntil: null, failedLogins: 0 }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("roleAssignment")
      .values({ userId: admin.id, role: "administrator" })
      .onConflict((oc) => oc.constraint("role_assignment_unique").doNothing())
      .execute();
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "bench-admin", password: BENCH_PASSWORD }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const nation = await db
      .selectFrom("nation")
      .select("id")
      .where("code", "=", "AZE")
      .executeTakeFirstOrThrow();
    const busyEvent = await sql<{ id: string }>`
      select e.id from event e join activity a on a.id = e.activity_id
      where a.code like 'GEN-%' and a.releasability = 'public' order by e.id limit 1`.execute(db);
    const searchRoute =
      "/api/activities?q=security&kind=course,seminar,workshop&year=2020&language=en&limit=20";
    // Distinct searches: every request a different text, year and kind, so nothing computed before is reused.
    const words = ["security", "defence", "logistics", "cyber", "border", "maritime", "crisis", "energy"];
    const kinds = ["course,seminar,workshop", "exercise,training", "conference,meeting"];
    const distinct = Array.from({ length: 600 }, (_, i) => {
      const word = words[i % words.length];
      const kind = kinds[Math.floor(i / words.length) % kinds.length];
      const year = 2002 + (Math.floor(i / (words.length * kinds.length)) % 25);
      return `/api/activities?q=${word}&kind=${kind}&year=${year}&language=en&limit=20`;
    });
    // Global search (issue 23): the same words as typed and with one letter dropped or two swapped, so that every
    // request is a different text and half of them go through the trigram lookup of close spellings.
    const globalQueries = Array.from({ length: 300 }, (_, i) => {
      const word = words[i % words.length]!;
      const at = 1 + (Math.floor(i / words.length) % (word.length - 2));
      const typo = [
        word,
        word.slice(0, at) + word.slice(at + 1),
        word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
      ][i % 3]!;
      return `/api/search?q=${encodeURIComponent(typo)}&limit=5`;
    });
    // The catalogue as it opens (no text, no filter, every year), a different page each time: 200 pages, each
    // round of them shifted by one row, so that no page repeats (a repeated page is served from the cache).
    const unfiltered = Array.from(
      { length: 8000 },
      (_, i) => `/api/activities?limit=25&offset=${(i % 200) * 25 + Math.floor(i / 200)}`,
    );
    const readCases: {
      part: string;
      name: string;
      route: string;
      paths?: string[];
      headers?: Record<string, string>;
      connections?: number;
      target?: string;
    }[] = [
      {
        part: "search",
        name: "catalogue search: text + 3 filters + facets (repeated)",
        route: searchRoute,
        target: "p95 ≤ 30 ms, ≥ 1500 req/s",
      },
      {
        part: "distinct",
        name: "catalogue search: 600 distinct searches (nothing reused), one at a time",
        route: distinct[0]!,
        paths: distinct,
        connections: 1,
        target: "p50 ≤ 15 ms",
      },
      {
        part: "distinct",
        name: "catalogue search: 600 distinct searches (nothing reused)",
        route: distinct[0]!,
        paths: distinct,
        target: "≥ 150 req/s",
      },
      {
        part: "unfiltered",
        name: "catalogue with no filter: 200 different pages of all 25 years (only the total and facets reused), one at a time",
        route: unfiltered[0]!,
        paths: unfiltered,
        connections: 1,
        target: "≤ 50 ms",
      },
      {
        part: "unfiltered",
        name: "catalogue with no filter: 200 different pages of all 25 years (only the total and facets reused)",
        route: unfiltered[0]!,
        paths: unfiltered,
      },
      {
        part: "global",
        name: "global search: 300 distinct queries, a third misspelt (administrator), one at a time",
        route: globalQueries[0]!,
        paths: globalQueries,
        headers: { cookie },
        connections: 1,
        target: "p95 ≤ 50 ms",
      },
      {
        part: "global",
        name: "global search: 300 distinct queries, a third misspelt (administrator)",
        route: globalQueries[0]!,
        paths: globalQueries,
        headers: { cookie },
        target: "≥ 100 req/s",
      },
      { part: "event", name: "event page with seat gauge", route: `/api/events/${busyEvent.rows[0]?.id}` },
      {
        part: "report",
        name: "nation annual implementation report, one at a time",
        route: `/api/nations/${nation.id}/participation?year=2020`,
        headers: { cookie },
        connections: 1,
        target: "≤ 300 ms",
      },
      {
        part: "report",
        name: "nation annual implementation report",
        route: `/api/nations/${nation.id}/participation?year=2020`,
        headers: { cookie },
      },
      {
        part: "timeline",
        name: "partnership timeline of one nation",
        route: `/api/partnership-timeline?nationId=${nation.id}`,
        headers: { cookie },
      },
      {
        part: "dashboard",
        name: "nation dashboard (10 years), one at a time",
        route: `/api/dashboards/nation?nationId=${nation.id}`,
        headers: { cookie },
        connections: 1,
        target: "≤ 200 ms",
      },
    ];
    for (const c of readCases.filter((c) => runs(c.part))) {
      const connections = c.connections ?? CONNECTIONS;
      // The machine is shared: the 1-minute load average before and after each case goes in its note.
      const loadBefore = loadavg()[0]!;
      const result = await load(`${base}${c.route}`, { headers: c.headers, connections, paths: c.paths });
      const loadAfter = loadavg()[0]!;
      const raw = await rawReplay(
        url,
        c.paths?.slice(0, 60) ?? [c.route],
        c.headers ?? {},
        rawPool,
        connections,
      );
      rows.push({
        name: c.name,
        concurrency: String(connections),
        p50: result.p50,
        p95: result.p95,
        p99: result.p99,
        rps: result.rps,
        rawP50: raw?.p50,
        rawRps: raw?.rps,
        note: [
          c.target,
          `load ${loadBefore.toFixed(1)}→${loadAfter.toFixed(1)}`,
          result.errors ? `${result.errors} errors` : "",
        ]
          .filter(Boolean)
          .join("; "),
      });
    }

    // 4. Nomination write path: N concurrent nominations for one 39-seat first-come event.
    if (runs("nominations")) {
      // A first, unmeasured storm on another event warms the server (compiled code, prepared statements).
      await nominationStorm(base, cookie, csrfToken, db, 300, server.pid, Number(args.nominations));
      rows.push(await nominationStorm(base, cookie, csrfToken, db, Number(args.nominations), server.pid));
    }
    // 4b. The same storm on an event with per-nation allocations, then the re-allocation's offers answered at once.
    if (runs("allocations")) {
      // Measured warm, as the plain storm is: run alone, its nominations otherwise pay for the server's first
      // storm (new pool connections, each planning the seat path's statements): 2.7 s cold against 1.6–1.9 s warm.
      if (!runs("nominations"))
        await nominationStorm(base, cookie, csrfToken, db, 300, server.pid, Number(args.nominations));
      const headers = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
      const postmaster = await postmasterOf(db);
      const cpu = () => cpuSeconds(server.pid, postmaster);
      rows.push(await allocationStorm(base, headers, db, config, url, Number(args.nominations), cpu));
    }
    // 5. The first page of the web app: its initial JavaScript, and what the server actually sends for it.
    if (runs("js")) rows.push(await firstPage(base));
    // 6. Cancelling an event with 2,000 accepted and waitlisted nominations: the request, then the mail.
    if (runs("notify")) rows.push(...(await notifyStorm(base, cookie, csrfToken, db, url, admin.id)));
    // 7. Imports from XLSX: 10,000 people, then 5,000 activities with 10,000 events (issue 21).
    if (runs("import"))
      rows.push(
        ...(await importBench(
          base,
          cookie,
          csrfToken,
          db,
          server.pid!,
          Number(args["import-people"]),
          Number(args["import-activities"]),
        )),
      );
  } finally {
    await stopServer(server);
    await rawPool.end();
    await database.close();
  }

  printTable();
}

/**
 * Cancels an event holding 2,000 accepted and waitlisted nominations, each person with an account and an address.
 * The request queues one e-mail per notice in its own transaction; an `accord worker` process sends them to a real
 * SMTP server on loopback. Reports the request's latency and the time until the server has every message.
 */
async function notifyStorm(
  base: string,
  cookie: string,
  csrfToken: string,
  db: Awaited<ReturnType<typeof openDatabase>>["db"],
  url: string,
  adminId: string,
): Promise<BenchRow[]> {
  const { startSmtpSink } = await import("../test/support/smtp-sink.js");
  const sink = await startSmtpSink({ parse: false });
  const tag = Date.now().toString(36);
  const nation = await db
    .selectFrom("nation")
    .select("id")
    .where("code", "=", "AZE")
    .executeTakeFirstOrThrow();
  const activity = await sql<{ id: string }>`
    select id from activity where code like 'GEN-%' and status = 'published' order by id limit 1`.execute(db);
  // Two identical events: one cancelled through the API, the other by the request's core statements straight on
  // PostgreSQL (the floor).
  const fixture = async (suffix: string) => {
    const event = await db
      .insertInto("event")
      .values({
        activityId: activity.rows[0]!.id,
        startsOn: "2030-05-06",
        endsOn: "2030-05-10",
        status: "open",
        capacity: 1000,
        nationQuota: 1000,
      } as never)
      .returning("id")
      .executeTakeFirstOrThrow();
    await sql`
      with p as (
        insert into person (given_name, family_name, nation_id, owner_nation_id, email)
        select 'Bench', 'Notify ' || g, ${nation.id}, ${nation.id},
          'bench-' || ${tag} || ${suffix} || '-' || g || '@example.org'
        from generate_series(1, 2000) g
        returning id, family_name
      ), u as (
        insert into app_user (username, display_name, person_id)
        select 'bench-' || ${tag} || ${suffix} || '-' || p.id, p.family_name, p.id from p
        returning person_id
      )
      insert into nomination (event_id, person_id, nation_id, priority, status, nominated_by, decided_at)
      select ${event.id}, u.person_id, ${nation.id}, 1, case when row_number() over () <= 1000 then 'accepted'
        else 'waitlisted' end, ${adminId}, now()
      from u`.execute(db);
    return event;
  };
  const event = await fixture("");
  const floorEvent = await fixture("f");
  // The floor of the request: its state change, the notices and their outbox rows (the notice table's trigger),
  // in one transaction, without session, authorisation, audit or HTTP. Its mail is not sent.
  const floorStarted = performance.now();
  await db.transaction().execute(async (trx) => {
    await sql`update event set status = 'cancelled', cancel_reason = 'Benchmark floor' where id = ${floorEvent.id}`.execute(
      trx,
    );
    const affected = await sql<{ id: string }>`
      update nomination set status = 'cancelled', status_reason = 'Event cancelled: Benchmark floor',
        decided_by = ${adminId}, decided_at = now()
      where event_id = ${floorEvent.id} and status in ('nominated', 'accepted', 'waitlisted')
      returning id`.execute(trx);
    await sql`select accord_notify_nominations(${affected.rows.map((r) => r.id)}::uuid[], 'nomination.cancelled',
      'Benchmark floor: the event was cancelled', 'Benchmark floor', ${adminId}::uuid, false, true)`.execute(
      trx,
    );
  });
  const floorMs = performance.now() - floorStarted;
  await sql`delete from mail_outbox o using notification n, nomination nm
    where n.id = o.notification_id and nm.id = n.record_id and nm.event_id = ${floorEvent.id}`.execute(db);
  const worker = spawn(process.execPath, [path.join(ROOT, "bin", "accord.js"), "worker"], {
    env: { ...process.env, DATABASE_URL: url, SMTP_URL: sink.url, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const started = performance.now();
    const response = await fetch(`${base}/api/events/${event.id}/cancel`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
      body: JSON.stringify({ reason: "Benchmark: cancelled with 2,000 nominations" }),
    });
    const cancelMs = performance.now() - started;
    if (response.status !== 200)
      throw new Error(`cancel answered ${response.status}: ${await response.text()}`);
    const queued = await sql<{ n: number }>`
      select count(*)::int as n from mail_outbox o join notification n on n.id = o.notification_id
      join nomination nm on nm.id = n.record_id where nm.event_id = ${event.id}`.execute(db);
    const expected = queued.rows[0]!.n;
    await sink.waitForDistinct(expected, 300_000);
    const allMs = performance.now() - started;
    const duplicates = sink.messages.length - sink.distinct();
    const smtpFloor = await smtpOnlyFloor(expected);
    return [
      {
        name: "cancel an event with 2,000 accepted + waitlisted nominations (request)",
        concurrency: "1",
        p50: cancelMs,
        p95: cancelMs,
        p99: cancelMs,
        rps: Number.NaN,
        rawP50: floorMs,
        note: `${expected} e-mails queued in the request's transaction; raw: the state change, notices and outbox rows in one transaction`,
      },
      {
        name: "… until the SMTP server has every message",
        concurrency: "1",
        p50: allMs,
        p95: allMs,
        p99: allMs,
        rps: (expected / allMs) * 1000,
        rawP50: smtpFloor.ms,
        rawRps: (expected / smtpFloor.ms) * 1000,
        note: `${Math.round((expected / allMs) * 1000)} messages/s, ${duplicates} duplicates; target ≥ 200/s; raw: the same number of rendered messages sent by nodemailer alone (${smtpFloor.connections} pooled connections, no database)`,
      },
    ];
  } finally {
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.kill("SIGTERM");
    await exited;
    await sink.close();
  }
}

/**
 * The floor of delivery: `count` messages rendered from the templates and sent straight to a second SMTP sink by
 * the same nodemailer transport with the worker's number of pooled connections; no outbox, no claims, no database.
 */
async function smtpOnlyFloor(count: number): Promise<{ ms: number; connections: number }> {
  const { startSmtpSink } = await import("../test/support/smtp-sink.js");
  const { smtpTransport } = await import("../src/modules/notifications/mail/delivery.js");
  const { renderMail } = await import("../src/modules/notifications/mail/templates.js");
  const sink = await startSmtpSink({ parse: false });
  const mail = loadConfig({ SMTP_URL: sink.url }).mail;
  const transport = smtpTransport(mail);
  try {
    const started = performance.now();
    let next = 0;
    const send = async () => {
      while (next < count) {
        const i = next++;
        const rendered = renderMail({
          kind: "nomination.cancelled",
          language: "en",
          publicUrl: "http://127.0.0.1",
          link: "/catalogue/events/00000000-0000-0000-0000-000000000000",
          recipientName: `Notify ${i}`,
          title: "GEN-0001: the event was cancelled",
          body: "Benchmark: cancelled with 2,000 nominations",
          params: { activity: "GEN-0001 Benchmark course" },
        });
        await transport.send({
          messageId: `<floor-${i}@accord.bench>`,
          from: mail.from,
          to: { name: `Notify ${i}`, address: `floor-${i}@example.org` },
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          headers: {},
          ics: null,
        });
      }
    };
    await Promise.all(Array.from({ length: mail.concurrency * 2 }, send));
    await sink.waitForDistinct(count, 300_000);
    return { ms: performance.now() - started, connections: mail.concurrency };
  } finally {
    transport.close();
    await sink.close();
  }
}

/**
 * Captures the SQL each request executes (through Kysely's log hook) and replays it on PostgreSQL. With one
 * route, the route is asked twice and the second request's statements are replayed: the steady state the
 * benchmark measures (a repeated search is served from its kept result). With several, each is asked once.
 */
async function rawReplay(
  url: string,
  routes: string[],
  headers: Record<string, string>,
  rawPool: pg.Pool,
  connections: number,
) {
  let statements: CompiledQuery[] = [];
  const pool = createPool(url, 2);
  const { Kysely, PostgresDialect, CamelCasePlugin } = await import("kysely");
  const db = new Kysely<never>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === "query") statements.push(event.query);
    },
  });
  const app = await buildApp({
    config: loadConfig({}, { databaseUrl: url, logLevel: "silent" }),
    db: db as any,
    logger: false,
  });
  await app.ready();
  const requests: CompiledQuery[][] = [];
  try {
    for (const route of routes.length === 1 ? [routes[0]!, routes[0]!] : routes) {
      statements = [];
      const response = await app.inject({ method: "GET", url: route, headers });
      if (response.statusCode !== 200) {
        console.warn(`  ${route}: the in-process twin answered ${response.statusCode}; no raw figure`);
        return undefined;
      }
      requests.push(statements);
    }
  } finally {
    await app.close();
    await pool.end().catch(() => {});
  }
  const replayed = routes.length === 1 ? [requests.at(-1)!] : requests;
  const slowest = await slowestPlan(rawPool, routes.length === 1 ? requests[0]! : replayed.flat());
  if (slowest)
    explains.push({ name: routes.length === 1 ? routes[0]! : `${routes[0]} (and others)`, plan: slowest });
  return rawFloor(rawPool, replayed, connections);
}

async function slowestPlan(pool: pg.Pool, statements: CompiledQuery[]): Promise<string | undefined> {
  let worst: { ms: number; plan: string } | undefined;
  for (const statement of statements) {
    if (!/^\s*(select|with)/i.test(statement.sql)) continue;
    const result = await pool.query(
      `explain (analyze, buffers, format text) ${statement.sql}`,
      statement.parameters as unknown[],
    );
    const plan = result.rows.map((row: Record<string, string>) => row["QUERY PLAN"]).join("\n");
    const ms = Number(plan.match(/Execution Time: ([\d.]+) ms/)?.[1] ?? 0);
    if (!worst || ms > worst.ms) worst = { ms, plan };
  }
  return worst?.plan;
}

async function nominationStorm(
  base: string,
  cookie: string,
  csrfToken: string,
  db: Awaited<ReturnType<typeof openDatabase>>["db"],
  count: number,
  serverPid: number | undefined,
  skipPeople = 0,
): Promise<BenchRow> {
  const headers = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
  const organiser = await db
    .selectFrom("organisation")
    .select("id")
    .where("code", "=", "NATO-SCHOOL")
    .executeTakeFirstOrThrow();
  const stamp = Date.now().toString(36).toUpperCase();
  const activity = await fetch(`${base}/api/activities`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      code: `BENCH-${stamp}`,
      titleEn: "Benchmark seat race",
      kind: "course",
      menuYear: 2026,
      organiserId: organiser.id,
      capacity: 39,
      nationQuota: 4,
      releasability: "public",
      ownerOrganisationId: organiser.id,
    }),
  });
  const activityBody = (await activity.json()) as { id: string; message?: string };
  if (!activity.ok)
    throw new Error(`creating the benchmark activity failed: ${JSON.stringify(activityBody)}`);
  const published = await fetch(`${base}/api/activities/${activityBody.id}/status`, {
    method: "POST",
    headers,
    body: JSON.stringify({ status: "published" }),
  });
  if (!published.ok) throw new Error(`publishing the benchmark activity failed: ${await published.text()}`);
  const event = await fetch(`${base}/api/activities/${activityBody.id}/events`, {
    method: "POST",
    headers,
    body: JSON.stringify({ startsOn: "2026-12-01", endsOn: "2026-12-05", acceptance: "first_come" }),
  });
  const eventBody = (await event.json()) as { id: string };
  if (!event.ok) throw new Error(`creating the benchmark event failed: ${JSON.stringify(eventBody)}`);
  const people = await sql<{ id: string; nationId: string }>`
    select id, nation_id as "nationId" from person where email like 'bench.person.%' order by id limit ${count} offset ${skipPeople}`.execute(
    db,
  );
  const latencies: number[] = [];
  let firstError = "";
  const statuses: number[] = [];
  let next = 0;
  const postmaster = await postmasterOf(db);
  const cpuBefore = cpuSeconds(serverPid, postmaster);
  // The wall time includes the load generator opening 1,000 connections; the span from the first request sent
  // to the last answer is the server's share.
  let firstSent = Number.POSITIVE_INFINITY;
  let lastAnswered = 0;
  const started = performance.now();
  // autocannon rather than fetch: one connection per nomination, all sent at once, with the least client CPU.
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}/api/events/${eventBody.id}/nominations`,
        method: "POST",
        headers,
        connections: people.rows.length,
        amount: people.rows.length,
        timeout: 60,
        requests: [
          {
            setupRequest: (request: autocannon.Request) => ({
              ...request,
              body: JSON.stringify({ personId: people.rows[next++ % people.rows.length]!.id }),
            }),
            onResponse: (status: number, body: string) => {
              if (status >= 400 && !firstError) firstError = `${status} ${body.slice(0, 300)}`;
            },
          },
        ],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      const now = performance.now();
      firstSent = Math.min(firstSent, now - responseTime);
      lastAnswered = Math.max(lastAnswered, now);
      statuses.push(statusCode);
      latencies.push(responseTime);
    });
  });
  const wall = performance.now() - started;
  const cpuAfter = cpuSeconds(serverPid, postmaster);
  latencies.sort((a, b) => a - b);
  const counts = await sql<{ status: string; n: number }>`
    select status, count(*)::int as n from nomination where event_id = ${eventBody.id} group by status`.execute(
    db,
  );
  const byStatus = Object.fromEntries(counts.rows.map((row) => [row.status, row.n]));
  const perNation = await sql<{ n: number }>`
    select max(c)::int as n from (select count(*) as c from nomination where event_id = ${eventBody.id}
      and status = 'accepted' group by nation_id) x`.execute(db);
  const failures = statuses.filter((status) => status >= 500).length;
  if (firstError) console.warn(`  nominations: first refusal: ${firstError}`);
  return {
    name: `${people.rows.length} concurrent nominations, 39 seats, quota 4`,
    concurrency: String(people.rows.length),
    p50: latencies[Math.floor(latencies.length / 2)]!,
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: people.rows.length / (wall / 1000),
    note: `first request sent to last answer ${(lastAnswered - firstSent).toFixed(0)} ms (target < 2000), wall with connection set-up ${wall.toFixed(0)} ms; accepted ${byStatus.accepted ?? 0} ≤ 39, max per nation ${perNation.rows[0]?.n ?? 0} ≤ 4, waitlisted ${byStatus.waitlisted ?? 0}, 5xx ${failures}, ${statuses.length} answered; CPU s: server ${(cpuAfter.server - cpuBefore.server).toFixed(2)}, client ${(cpuAfter.client - cpuBefore.client).toFixed(2)}, postgres ${(cpuAfter.postgres - cpuBefore.postgres).toFixed(2)}`,
  };
}

/** Bytes on the wire for one GET as a browser asks for it (brotli or gzip accepted), headers excluded. */
function wireBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip, deflate, br" } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        response.on("end", () => resolve(bytes));
      })
      .on("error", reject);
  });
}

async function firstPage(base: string): Promise<BenchRow> {
  const dist = path.join(ROOT, "web", "dist");
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const gzipBytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(dist, file))).length,
    0,
  );
  let sent = await wireBytes(`${base}/`);
  for (const file of files) sent += await wireBytes(`${base}${file}`);
  return {
    name: `web first page (${files.length} initial scripts)`,
    concurrency: "-",
    p50: Number.NaN,
    p95: Number.NaN,
    p99: Number.NaN,
    rps: Number.NaN,
    note: `initial JavaScript ${(gzipBytes / 1024).toFixed(1)} kB gzip (target ≤ 250 kB); sent by the server for the first page (HTML and initial scripts, brotli) ${(sent / 1024).toFixed(1)} kB`,
  };
}

function printTable() {
  const fmt = (value: number | undefined, digits = 1) =>
    value === undefined || Number.isNaN(value) ? "-" : value.toFixed(digits);
  console.log(
    "\n| path | conc. | p50 ms | p95 ms | p99 ms | req/s | raw p50 ms | raw req/s | API/raw p50 | note |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of rows) {
    const ratio = row.rawP50 ? row.p50 / row.rawP50 : undefined;
    console.log(
      `| ${row.name} | ${row.concurrency} | ${fmt(row.p50)} | ${fmt(row.p95)} | ${fmt(row.p99)} | ${fmt(row.rps, 0)} | ${fmt(row.rawP50, 2)} | ${fmt(row.rawRps, 0)} | ${fmt(ratio, 2)} | ${row.note ?? ""} |`,
    );
  }
  for (const { name, plan } of explains) {
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the slowest statement of GET ${name}:\n${plan}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
