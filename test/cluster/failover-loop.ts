/**
 * Failover loop (issue 24, item 2): the real `accord serve` on the Patroni cluster of scripts/cluster.sh, through
 * HAProxy's read-write port, under a steady write load from 8 clients (people, each then nominated for an event,
 * meetings and exchange messages), while the leader's postmaster is killed with SIGKILL and the leader is switched
 * over, in turn. Expected: every acknowledged write present afterwards, none twice, nothing half-written, the audit
 * chain verified, no answer 500, every 503 with Retry-After, and the job queue's worker at work after each failover
 * (a mail delivery job enqueued once the cluster is whole again is done). Prints the longest time without an
 * acknowledged write around each failover.
 *
 *   scripts/cluster.sh start          # as root; the loop starts it itself when it is not running, and then stops it
 *   npx tsx test/cluster/failover-loop.ts --short           # 6 failovers, two of each kind
 *   npx tsx test/cluster/failover-loop.ts --failovers 20
 *   ... --through-pgbouncer   # DATABASE_URL through PgBouncer 1.18 (transaction mode) in front of HAProxy
 *   ... --read-replicas       # also DATABASE_READ_URL on HAProxy's read-only port: reads of acknowledged writes
 *                             # (the clients share one session) must all find them
 *
 * Run `npm run build:server` first when dist/ exists, so that bin/accord.js runs the current code.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createKysely } from "../../src/db/database.js";
import { verifyAuditChain } from "../../src/modules/audit/index.js";
import { type Instance, referenceIds, Session, startAccord, stop } from "../reliability/crash-loop.js";
import { type PgBouncer, startPgBouncer } from "../support/pgbouncer.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const clusterScript = path.join(root, "scripts/cluster.sh");
const clusterDir = process.env.ACCORD_CLUSTER_DIR || "/tmp/accord-cluster";
const base = Number(process.env.ACCORD_CLUSTER_PORT || 15400);
const restPort = (node: number) => base + 20 + node;
const rwUrl = `postgres://postgres@127.0.0.1:${base + 2}`;
const roUrl = `postgres://postgres@127.0.0.1:${base + 3}`;
const CLIENTS = 8;
/** How long the worker may take to deliver a mail enqueued after a failover. */
const JOB_LIMIT_MS = 60_000;
const RECOVERY_LIMIT_MS = 120_000;

/**
 * kill: SIGKILL to the leader's postmaster (Patroni, still holding the leader key, restarts it in place after crash
 * recovery); node: SIGKILL to the leader's Patroni and postmaster at once, a lost machine (its key expires after
 * ttl, the synchronous standby is promoted; the node is started again afterwards and rejoins); switchover: a
 * planned `patronictl switchover` to the synchronous standby.
 */
type Fault = "kill" | "node" | "switchover";
const FAULTS: Fault[] = ["kill", "switchover", "node"];
const DESCRIBE: Record<Fault, string> = {
  kill: "kill -9 of the postmaster",
  node: "kill -9 of Patroni and the postmaster",
  switchover: "switchover",
};

type Kind = "person" | "nomination" | "meeting" | "message";
const KINDS: Kind[] = ["person", "nomination", "meeting", "message"];
/** Each kind's table (also its audit record type), the column holding the write's marker, and its read path. */
const TABLES: Record<Kind, { table: string; marker: string; read: string }> = {
  person: { table: "person", marker: "given_name", read: "/api/people/" },
  nomination: { table: "nomination", marker: "note", read: "/api/nominations/" },
  meeting: { table: "meeting", marker: "title", read: "/api/meetings/" },
  message: { table: "exchange_message", marker: "subject", read: "/api/exchange/messages/" },
};

interface Options {
  failovers: number;
  throughPgBouncer: boolean;
  readReplicas: boolean;
}

interface Figures {
  mode: string;
  failovers: { fault: Fault; from: string; to: string; unavailableMs: number; jobMs: number }[];
  requests: number;
  statuses: Record<string, number>;
  status500: number;
  unavailableWithoutRetryAfter: number;
  noAnswer: number;
  acknowledged: number;
  acknowledgedByKind: Record<Kind, number>;
  /** Reads of an acknowledged write that did not find it (with --read-replicas: read-your-writes broken). */
  readsMissing: number;
  reads: Record<string, number>;
  lost: number;
  duplicated: number;
  halfWritten: number;
  chainOk: boolean;
  auditEntries: number;
  seconds: number;
  failure?: string;
}

interface Member {
  name: string;
  role: string;
  state: string;
}

async function members(): Promise<Member[]> {
  for (const node of [1, 2, 3]) {
    try {
      const response = await fetch(`http://127.0.0.1:${restPort(node)}/cluster`, {
        signal: AbortSignal.timeout(2_000),
      });
      if (response.ok) return ((await response.json()) as { members: Member[] }).members;
    } catch {}
  }
  return [];
}

/** A leader, two running replicas and a synchronous standby: a failover from here loses nothing acknowledged. */
async function healthy(): Promise<Member | undefined> {
  const all = await members();
  const leader = all.find((m) => m.role === "leader" && m.state === "running");
  const standbys = all.filter((m) => m.role !== "leader" && ["running", "streaming"].includes(m.state));
  const sync = all.some((m) => m.role === "sync_standby");
  return leader && standbys.length === 2 && sync ? leader : undefined;
}

async function waitHealthy(): Promise<Member> {
  const deadline = Date.now() + RECOVERY_LIMIT_MS;
  for (;;) {
    const leader = await healthy();
    if (leader) return leader;
    if (Date.now() > deadline) throw new Error(`cluster not healthy: ${JSON.stringify(await members())}`);
    await sleep(250);
  }
}

function postmasterPid(node: string): number {
  const file = path.join(clusterDir, node, "data", "postmaster.pid");
  return Number(readFileSync(file, "utf8").split("\n")[0]);
}

function patroniPid(node: string): number {
  return Number(readFileSync(path.join(clusterDir, `patroni${node.replace("node", "")}.pid`), "utf8").trim());
}

function switchover(from: string, to: string) {
  execFileSync(
    "patronictl",
    ["-c", path.join(clusterDir, "node1.yml"), "switchover", "--master", from, "--candidate", to, "--force"],
    { stdio: "pipe" },
  );
}

interface Acknowledged {
  kind: Kind;
  id: string;
}

interface Load {
  stopped: boolean;
  acknowledged: Acknowledged[];
  /** Times (ms) of every acknowledged write, in order. */
  ackTimes: number[];
}

interface Fixture {
  nationId: string;
  organisationId: string;
  recipientNationId: string;
  eventId: string;
  seriesIds: string[];
}

/** The body of one write of `kind`, carrying `marker` in the column TABLES names. */
function writeOf(kind: Kind, marker: string, fixture: Fixture, client: number, personId?: string) {
  switch (kind) {
    case "person":
      return {
        path: "/api/people",
        body: {
          givenName: marker,
          familyName: "Loop",
          nationId: fixture.nationId,
          organisationId: fixture.organisationId,
          position: marker,
        },
      };
    case "nomination":
      return { path: `/api/events/${fixture.eventId}/nominations`, body: { personId, note: marker } };
    case "meeting":
      return {
        path: "/api/meetings",
        body: {
          seriesId: fixture.seriesIds[client],
          title: marker,
          startsOn: "2031-03-02",
          endsOn: "2031-03-03",
        },
      };
    case "message":
      return {
        path: "/api/exchange/messages",
        body: {
          senderNationId: fixture.nationId,
          subject: marker,
          body: "Failover loop",
          recipientNationIds: [fixture.recipientNationId],
        },
      };
  }
}

/**
 * One client: in turn a person then its nomination for the loop's event, a meeting of its own series, an exchange
 * message; now and then it reads back one acknowledged write.
 */
async function client(
  index: number,
  session: Session,
  url: string,
  fixture: Fixture,
  load: Load,
  figures: Figures,
) {
  let n = 0;
  const count = (status: number) => {
    figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
    if (status === 500) figures.status500 += 1;
  };
  const send = async (kind: Kind, personId?: string): Promise<string | undefined> => {
    const marker = `fo${index}n${n++}`;
    const { path: to, body } = writeOf(kind, marker, fixture, index, personId);
    figures.requests += 1;
    try {
      const response = await session.request(url, "POST", to, body);
      count(response.status);
      if (response.status === 503 && !response.headers.get("retry-after"))
        figures.unavailableWithoutRetryAfter += 1;
      if (response.status === 201) {
        const { id } = (await response.json()) as { id: string };
        load.acknowledged.push({ kind, id });
        load.ackTimes.push(Date.now());
        return id;
      }
      await response.body?.cancel();
      if (response.status === 503) await sleep(200);
    } catch {
      figures.noAnswer += 1;
      await sleep(200);
    }
    return undefined;
  };
  const read = async () => {
    const { kind, id } = load.acknowledged[Math.floor(Math.random() * load.acknowledged.length)]!;
    figures.requests += 1;
    try {
      const response = await session.request(url, "GET", `${TABLES[kind].read}${id}`);
      count(response.status);
      const where = response.headers.get("x-accord-read") ?? "leader";
      figures.reads[where] = (figures.reads[where] ?? 0) + 1;
      if (response.status === 404) figures.readsMissing += 1;
      await response.body?.cancel();
      if (response.status === 503) await sleep(200);
    } catch {
      figures.noAnswer += 1;
      await sleep(200);
    }
  };
  for (let turn = index; !load.stopped; turn++) {
    if (load.acknowledged.length > 0 && Math.random() < 0.2) {
      await read();
      continue;
    }
    const kind = (["person", "meeting", "message"] as const)[turn % 3]!;
    const id = await send(kind);
    if (kind === "person" && id && !load.stopped) await send("nomination", id);
  }
}

/** The longest gap between acknowledged writes from `since` until the first acknowledgement after `until`. */
function longestGap(times: number[], since: number, until: number): number {
  let previous = since;
  let longest = 0;
  for (const at of times) {
    if (at < since) continue;
    longest = Math.max(longest, at - previous);
    previous = at;
    if (at > until) break;
  }
  return longest;
}

/**
 * Every acknowledged write present; no marker twice (a write applied twice); nothing half-written (a record of the
 * loop without its audit entry, a person without its affiliation, an audit entry of the loop without its record);
 * the audit chain verified.
 */
async function verifyWrites(pool: pg.Pool, acknowledged: Acknowledged[]) {
  let lost = 0;
  let duplicated = acknowledged.length - new Set(acknowledged.map((a) => a.id)).size;
  let halfWritten = 0;
  for (const kind of KINDS) {
    const { table, marker } = TABLES[kind];
    const ids = acknowledged.filter((a) => a.kind === kind).map((a) => a.id);
    const present = await pool.query<{ n: number }>(
      `select count(*)::int as n from ${table} where id = any($1::uuid[])`,
      [ids],
    );
    lost += ids.length - present.rows[0]!.n;
    const twice = await pool.query<{ n: number }>(
      `select count(*)::int as n from (select ${marker} from ${table} where ${marker} like 'fo%n%'
         group by ${marker} having count(*) > 1) twice`,
    );
    duplicated += twice.rows[0]!.n;
    const half = await pool.query<{ n: number }>(
      `select count(*)::int as n from ${table} r where r.${marker} like 'fo%n%'
         and not exists (select 1 from audit_entry e where e.record_type = $1 and e.record_id = r.id::text
                           and e.action = $2)`,
      [table, kind === "message" ? "exchange.message.send" : `${table}.create`],
    );
    halfWritten += half.rows[0]!.n;
  }
  const orphans = await pool.query<{ n: number }>(
    `select count(*)::int as n from person p where p.given_name like 'fo%n%'
       and not exists (select 1 from person_affiliation a where a.person_id = p.id)`,
  );
  halfWritten += orphans.rows[0]!.n;
  const chain = await verifyAuditChain(createKysely(pool));
  return { lost, duplicated, halfWritten, chainOk: chain.ok, auditEntries: chain.entries };
}

/** The loop's event (the demo's CREVAL 2027), the 8 clients' meeting series and the nations messages go between. */
async function fixtureOf(session: Session, url: string): Promise<Fixture> {
  const get = async <T>(to: string) => {
    const response = await session.request(url, "GET", to);
    if (response.status !== 200) throw new Error(`GET ${to}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const post = async <T>(to: string, body: unknown) => {
    const response = await session.request(url, "POST", to, body);
    if (response.status !== 201) throw new Error(`POST ${to}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const ids = await referenceIds(session, url);
  const geo = await get<{ items: { id: string }[] }>("/api/nations?q=GEO&limit=1");
  const activities = await get<{ items: { id: string; code: string }[] }>(
    "/api/activities?q=CREVAL-2027&limit=5",
  );
  const activity = activities.items.find((item) => item.code === "CREVAL-2027");
  if (!activity) throw new Error("the demo's CREVAL-2027 is missing");
  const detail = await get<{ events: { id: string }[] }>(`/api/activities/${activity.id}`);
  const run = randomBytes(3).toString("hex").toUpperCase();
  const seriesIds: string[] = [];
  for (let i = 0; i < CLIENTS; i++)
    seriesIds.push(
      (
        await post<{ id: string }>("/api/meeting-series", {
          code: `FO-${run}-${i}`,
          kind: "assembly",
          titleEn: `Failover loop ${run} client ${i}`,
          ownerNationId: ids.nationId,
        })
      ).id,
    );
  return {
    ...ids,
    recipientNationId: geo.items[0]!.id,
    eventId: detail.events[0]!.id,
    seriesIds,
  };
}

/** A mail enqueued now (an outbox row and its delivery job) is delivered by the worker: how long it took. */
async function jobDone(pool: pg.Pool, log: (message: string) => void): Promise<number> {
  const started = Date.now();
  for (;;) {
    try {
      const { rows } = await pool.query<{ id: string }>(
        `insert into mail_outbox (kind, to_address, params)
         values ('account.password_reset', 'failover@accord.localhost', '{"resetUrl": "http://localhost/reset"}')
         returning id`,
      );
      await pool.query(`select graphile_worker.add_job('mail_deliver', '{}'::json)`);
      for (;;) {
        const { rows: state } = await pool.query<{ status: string }>(
          "select status from mail_outbox where id = $1",
          [rows[0]!.id],
        );
        if (state[0]?.status === "sent") return Date.now() - started;
        if (Date.now() - started > JOB_LIMIT_MS) {
          log(
            `  the mail job enqueued after the failover is still ${state[0]?.status} after ${JOB_LIMIT_MS / 1000} s`,
          );
          return -1;
        }
        await sleep(100);
      }
    } catch (error) {
      // The connection of the check itself met the failover's end: enqueue again.
      if (Date.now() - started > JOB_LIMIT_MS) throw error;
      await sleep(250);
    }
  }
}

export async function runFailovers(options: Options, log: (message: string) => void): Promise<Figures> {
  const { failovers } = options;
  const figures: Figures = {
    mode: [
      options.throughPgBouncer ? "through PgBouncer (transaction mode) and HAProxy" : "through HAProxy",
      ...(options.readReplicas ? ["reads on replicas"] : []),
    ].join(", "),
    failovers: [],
    requests: 0,
    statuses: {},
    status500: 0,
    unavailableWithoutRetryAfter: 0,
    noAnswer: 0,
    acknowledged: 0,
    acknowledgedByKind: { person: 0, nomination: 0, meeting: 0, message: 0 },
    readsMissing: 0,
    reads: {},
    lost: 0,
    duplicated: 0,
    halfWritten: 0,
    chainOk: false,
    auditEntries: 0,
    seconds: 0,
  };
  const started = Date.now();
  const ownCluster = !existsSync(path.join(clusterDir, "etcd.pid"));
  if (ownCluster) execFileSync("bash", [clusterScript, "start"], { stdio: "inherit" });
  const database = `accord_failover_${randomBytes(4).toString("hex")}`;
  const databaseUrl = `${rwUrl}/${database}`;
  const load: Load = { stopped: false, acknowledged: [], ackTimes: [] };
  let instance: Instance | undefined;
  let running: Promise<unknown> | undefined;
  let bouncer: PgBouncer | undefined;
  const checks = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  checks.on("error", () => {});
  try {
    await waitHealthy();
    const admin = new pg.Client({ connectionString: `${rwUrl}/postgres` });
    await admin.connect();
    await admin.query(`create database "${database}"`);
    await admin.end();
    const env: NodeJS.ProcessEnv = { DATABASE_URL: databaseUrl };
    if (options.throughPgBouncer) {
      bouncer = await startPgBouncer(`${rwUrl}/postgres`);
      // The job queue's LISTEN needs a session of its own: straight to HAProxy's read-write port.
      Object.assign(env, {
        DATABASE_URL: bouncer.url(databaseUrl),
        DATABASE_POOLER: "transaction",
        DATABASE_DIRECT_URL: databaseUrl,
      });
    }
    if (options.readReplicas) env.DATABASE_READ_URL = `${roUrl}/${database}`;
    instance = await startAccord(env, true, log);
    const url = instance.url;
    const session = new Session();
    await session.login(url);
    const fixture = await fixtureOf(session, url);
    running = Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => client(i, session, url, fixture, load, figures)),
    );
    await sleep(3_000);
    for (let round = 0; round < failovers; round++) {
      const leader = await waitHealthy();
      const fault = FAULTS[round % FAULTS.length]!;
      const sync = (await members()).find((m) => m.role === "sync_standby")!;
      const at = Date.now();
      if (fault === "switchover") switchover(leader.name, sync.name);
      else {
        if (fault === "node") process.kill(patroniPid(leader.name), "SIGKILL");
        process.kill(postmasterPid(leader.name), "SIGKILL");
      }
      // Recovered: a write acknowledged after the fault, and the cluster whole again for the next one.
      for (;;) {
        if (Date.now() - at > RECOVERY_LIMIT_MS)
          throw new Error(`no write acknowledged ${RECOVERY_LIMIT_MS / 1000} s after the fault`);
        if ((load.ackTimes.at(-1) ?? 0) > at + 500) break;
        await sleep(100);
      }
      const recoveredAt = load.ackTimes.find((time) => time > at + 500)!;
      if (fault === "node") execFileSync("bash", [clusterScript, "revive"], { stdio: "inherit" });
      const now = await waitHealthy();
      const unavailableMs = longestGap(load.ackTimes, at, recoveredAt);
      const jobMs = await jobDone(checks, log);
      figures.failovers.push({ fault, from: leader.name, to: now.name, unavailableMs, jobMs });
      log(
        `failover ${round + 1}/${failovers} (${DESCRIBE[fault]} of ${leader.name}; leader now ${now.name}): ` +
          `longest unavailability ${(unavailableMs / 1000).toFixed(1)} s; mail job done ${jobMs < 0 ? "NEVER" : `in ${(jobMs / 1000).toFixed(1)} s`}; ` +
          `${load.acknowledged.length} writes acknowledged, ${figures.status500} answers 500`,
      );
      await sleep(2_000 + Math.random() * 2_000);
    }
    load.stopped = true;
    await running;
    running = undefined;
    Object.assign(figures, await verifyWrites(checks, load.acknowledged));
  } catch (error) {
    figures.failure = (error as Error).stack ?? String(error);
    if (instance) figures.failure += `\nAccord's output:\n${instance.output.join("").slice(-3000)}`;
    log(figures.failure);
  } finally {
    load.stopped = true;
    await running;
    if (instance) await stop(instance);
    await checks.end().catch(() => {});
    await bouncer?.stop();
    const admin = new pg.Client({ connectionString: `${rwUrl}/postgres` });
    admin.on("error", () => {});
    await admin
      .connect()
      .then(() => admin.query(`drop database if exists "${database}" with (force)`))
      .catch(() => {});
    await admin.end().catch(() => {});
    if (ownCluster) execFileSync("bash", [clusterScript, "stop"], { stdio: "inherit" });
  }
  figures.acknowledged = load.acknowledged.length;
  for (const { kind } of load.acknowledged) figures.acknowledgedByKind[kind] += 1;
  figures.seconds = Math.round((Date.now() - started) / 1000);
  return figures;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const count = process.argv.includes("--short") ? 6 : Number(argument("failovers") ?? 20);
  const options: Options = {
    failovers: count,
    throughPgBouncer: process.argv.includes("--through-pgbouncer"),
    readReplicas: process.argv.includes("--read-replicas"),
  };
  runFailovers(options, (message) => console.log(message))
    .then((figures) => {
      console.log(JSON.stringify(figures, null, 2));
      const longest = Math.max(0, ...figures.failovers.map((f) => f.unavailableMs));
      const slowestJob = Math.max(0, ...figures.failovers.map((f) => f.jobMs));
      const jobsMissed = figures.failovers.filter((f) => f.jobMs < 0).length;
      const by = KINDS.map((kind) => `${figures.acknowledgedByKind[kind]} ${kind}s`).join(", ");
      console.log(
        `${figures.mode}: ${figures.failovers.length} failovers, ${figures.acknowledged} acknowledged writes (${by}): ` +
          `${figures.lost} lost, ${figures.duplicated} duplicated, ${figures.halfWritten} half-written, ` +
          `${figures.status500} answers 500, ${figures.unavailableWithoutRetryAfter} answers 503 without Retry-After, ` +
          `audit chain ${figures.chainOk ? "verified" : "BROKEN"} (${figures.auditEntries} entries); ` +
          `longest unavailability ${(longest / 1000).toFixed(1)} s; mail job after each failover done within ` +
          `${(slowestJob / 1000).toFixed(1)} s (${jobsMissed} never); ` +
          `${figures.readsMissing} reads of an acknowledged write not finding it ` +
          `(reads: ${Object.entries(figures.reads)
            .map(([where, n]) => `${n} on the ${where}`)
            .join(", ")})`,
      );
      console.log(
        `per failover, longest unavailability (s): ${figures.failovers.map((f) => (f.unavailableMs / 1000).toFixed(1)).join(" ")}`,
      );
      const ok =
        !figures.failure &&
        figures.failovers.length === count &&
        figures.status500 === 0 &&
        figures.unavailableWithoutRetryAfter === 0 &&
        figures.lost === 0 &&
        figures.duplicated === 0 &&
        figures.halfWritten === 0 &&
        figures.readsMissing === 0 &&
        jobsMissed === 0 &&
        figures.chainOk;
      console.log(ok ? "PASS" : "FAIL");
      process.exit(ok ? 0 : 1);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
