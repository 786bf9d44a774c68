/**
 * Failover loop (issue 24, item 2): the real `accord serve` on the Patroni cluster of scripts/cluster.sh, through
 * HAProxy's read-write port, under a steady write load from 8 clients, while the leader's postmaster is killed
 * with SIGKILL and the leader is switched over, in turn. Expected: every acknowledged write present afterwards,
 * none twice, the audit chain verified, no answer 500, every 503 with Retry-After. Prints the longest time without
 * an acknowledged write around each failover.
 *
 *   scripts/cluster.sh start          # as root; the loop starts it itself when it is not running, and then stops it
 *   npx tsx test/cluster/failover-loop.ts --short           # 6 failovers, two of each kind
 *   npx tsx test/cluster/failover-loop.ts --failovers 20
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
import {
  type Instance,
  referenceIds,
  Session,
  startAccord,
  stop,
  verify,
} from "../reliability/crash-loop.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const clusterScript = path.join(root, "scripts/cluster.sh");
const clusterDir = process.env.ACCORD_CLUSTER_DIR || "/tmp/accord-cluster";
const base = Number(process.env.ACCORD_CLUSTER_PORT || 15400);
const restPort = (node: number) => base + 20 + node;
const rwUrl = `postgres://postgres@127.0.0.1:${base + 2}`;
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

interface Figures {
  failovers: { fault: Fault; from: string; to: string; unavailableMs: number }[];
  requests: number;
  statuses: Record<string, number>;
  status500: number;
  unavailableWithoutRetryAfter: number;
  noAnswer: number;
  acknowledged: number;
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

interface Load {
  stopped: boolean;
  acknowledged: string[];
  /** Times (ms) of every acknowledged write, in order. */
  ackTimes: number[];
}

/** One client: writes a person (two rows and an audit entry in one transaction), now and then reads one. */
async function client(
  index: number,
  session: Session,
  url: string,
  ids: { nationId: string; organisationId: string },
  load: Load,
  figures: Figures,
) {
  let n = 0;
  while (!load.stopped) {
    const write = Math.random() < 0.8 || load.acknowledged.length === 0;
    const marker = `fo${index}n${n++}`;
    figures.requests += 1;
    try {
      const response = write
        ? await session.request(url, "POST", "/api/people", {
            givenName: `Crash ${marker}`,
            familyName: "Loop",
            nationId: ids.nationId,
            organisationId: ids.organisationId,
            position: marker,
          })
        : await session.request(
            url,
            "GET",
            `/api/people/${load.acknowledged[Math.floor(Math.random() * load.acknowledged.length)]}`,
          );
      figures.statuses[response.status] = (figures.statuses[response.status] ?? 0) + 1;
      if (response.status === 500) figures.status500 += 1;
      if (response.status === 503 && !response.headers.get("retry-after"))
        figures.unavailableWithoutRetryAfter += 1;
      if (write && response.status === 201) {
        load.acknowledged.push(((await response.json()) as { id: string }).id);
        load.ackTimes.push(Date.now());
      } else await response.body?.cancel();
      if (response.status === 503) await sleep(200);
    } catch {
      figures.noAnswer += 1;
      await sleep(200);
    }
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

export async function runFailovers(failovers: number, log: (message: string) => void): Promise<Figures> {
  const figures: Figures = {
    failovers: [],
    requests: 0,
    statuses: {},
    status500: 0,
    unavailableWithoutRetryAfter: 0,
    noAnswer: 0,
    acknowledged: 0,
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
  try {
    await waitHealthy();
    const admin = new pg.Client({ connectionString: `${rwUrl}/postgres` });
    await admin.connect();
    await admin.query(`create database "${database}"`);
    await admin.end();
    instance = await startAccord({ DATABASE_URL: databaseUrl }, true, log);
    const url = instance.url;
    const session = new Session();
    await session.login(url);
    const ids = await referenceIds(session, url);
    running = Promise.all(Array.from({ length: 8 }, (_, i) => client(i, session, url, ids, load, figures)));
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
      figures.failovers.push({ fault, from: leader.name, to: now.name, unavailableMs });
      log(
        `failover ${round + 1}/${failovers} (${DESCRIBE[fault]} of ${leader.name}; leader now ${now.name}): ` +
          `longest unavailability ${(unavailableMs / 1000).toFixed(1)} s; ${load.acknowledged.length} writes acknowledged, ${figures.status500} answers 500`,
      );
      await sleep(2_000 + Math.random() * 2_000);
    }
    load.stopped = true;
    await running;
    running = undefined;
    const check = await verify(databaseUrl, load.acknowledged);
    figures.lost = check.lost;
    figures.halfWritten = check.halfWritten;
    figures.chainOk = check.chainOk;
    figures.auditEntries = check.entries;
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const { rows } = await pool.query<{ n: number }>(
      `select count(*)::int as n from (select given_name from person where family_name = 'Loop'
         and given_name like 'Crash fo%' group by given_name having count(*) > 1) twice`,
    );
    figures.duplicated = rows[0]!.n + load.acknowledged.length - new Set(load.acknowledged).size;
    await pool.end();
  } catch (error) {
    figures.failure = (error as Error).stack ?? String(error);
    if (instance) figures.failure += `\nAccord's output:\n${instance.output.join("").slice(-3000)}`;
    log(figures.failure);
  } finally {
    load.stopped = true;
    await running;
    if (instance) await stop(instance);
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
  figures.seconds = Math.round((Date.now() - started) / 1000);
  return figures;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const count = process.argv.includes("--short") ? 6 : Number(argument("failovers") ?? 20);
  runFailovers(count, (message) => console.log(message))
    .then((figures) => {
      console.log(JSON.stringify(figures, null, 2));
      const longest = Math.max(0, ...figures.failovers.map((f) => f.unavailableMs));
      console.log(
        `${figures.failovers.length} failovers, ${figures.acknowledged} acknowledged writes: ${figures.lost} lost, ` +
          `${figures.duplicated} duplicated, ${figures.halfWritten} half-written, ${figures.status500} answers 500, ` +
          `audit chain ${figures.chainOk ? "verified" : "BROKEN"} (${figures.auditEntries} entries); ` +
          `longest unavailability ${(longest / 1000).toFixed(1)} s`,
      );
      const ok =
        !figures.failure &&
        figures.failovers.length === count &&
        figures.status500 === 0 &&
        figures.unavailableWithoutRetryAfter === 0 &&
        figures.lost === 0 &&
        figures.duplicated === 0 &&
        figures.halfWritten === 0 &&
        figures.chainOk;
      console.log(ok ? "PASS" : "FAIL");
      process.exit(ok ? 0 : 1);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
