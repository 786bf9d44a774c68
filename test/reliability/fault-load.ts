/**
 * Fault test: the real `accord serve` process (dist/ when built, else the TypeScript source) serves mixed reads and
 * writes from several clients while its database connections are terminated (pg_terminate_backend, as a DBA, an
 * idle-session timeout or a failover would) and, with the embedded PostgreSQL, while its postmaster is killed
 * with SIGKILL. Expected: no answer 500, no exit of Accord, every acknowledged write present afterwards with
 * nothing half-written, the audit chain intact, and /readyz back to 200 after every fault.
 *
 *   npm run reliability:faults -- --deployment embedded --terminations 20 --kills 5
 *   npm run reliability:faults -- --deployment server --terminations 20
 *
 * The server deployment uses ACCORD_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) to create
 * a database of its own.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import {
  embeddedUrl,
  type Instance,
  postmasterPid,
  referenceIds,
  Session,
  startAccord,
  stop,
  verify,
} from "./crash-loop.js";

export type Deployment = "embedded" | "server";

export interface FaultOptions {
  deployment: Deployment;
  /** Times every connection of Accord's database is terminated. */
  terminations: number;
  /** Times the embedded postmaster is killed with SIGKILL (embedded only). */
  kills: number;
  clients?: number;
  /** Load between two faults, in ms. */
  gapMs?: number;
  /** PostgreSQL server for the server deployment (maintenance database). */
  serverUrl?: string;
  log?: (message: string) => void;
}

export interface FaultFigures {
  deployment: Deployment;
  clients: number;
  seconds: number;
  requests: number;
  /** Answers by status code. */
  statuses: Record<string, number>;
  status500: number;
  /** Requests that got no HTTP answer at all (the process gone, a reset connection). */
  noAnswer: number;
  /** 503s without a Retry-After header. */
  unavailableWithoutRetryAfter: number;
  /** An acknowledged person answered 404 to a read. */
  acknowledgedNotFound: number;
  terminations: number;
  terminatedBackends: number;
  kills: number;
  /** PostgreSQL restarts Accord reported in its log. */
  restarts: number;
  /** For each fault, ms until /readyz answered 200 and a write was acknowledged again. */
  recoveryMs: number[];
  /** Exits of the Accord process during the run (the test stops it itself only afterwards). */
  exits: string[];
  acknowledged: number;
  lost: number;
  halfWritten: number;
  chainOk: boolean;
  auditEntries: number;
  failure?: string;
}

const RECOVERY_LIMIT_MS = 90_000;

interface Load {
  stopped: boolean;
  acknowledged: string[];
  /**
   * When the newest acknowledged write was sent. Recovery needs a write sent after the fault: one sent before it
   * and answered just after proves nothing about the database after the fault.
   */
  lastAcknowledgedSentAt: number;
}

/** One client: reads and writes at random until stopped, counting every answer. */
async function client(
  index: number,
  session: Session,
  base: string,
  ids: { nationId: string; organisationId: string },
  load: Load,
  figures: FaultFigures,
): Promise<void> {
  let n = 0;
  while (!load.stopped) {
    const roll = Math.random();
    const marker = `f${index}n${n++}`;
    let method = "GET";
    let url: string;
    let body: unknown;
    let readsAcknowledged = false;
    if (roll < 0.45) {
      method = "POST";
      url = "/api/people";
      body = {
        givenName: `Crash ${marker}`,
        familyName: "Loop",
        nationId: ids.nationId,
        organisationId: ids.organisationId,
        position: marker,
      };
    } else if (roll < 0.65 && load.acknowledged.length > 0) {
      url = `/api/people/${load.acknowledged[Math.floor(Math.random() * load.acknowledged.length)]}`;
      readsAcknowledged = true;
    } else if (roll < 0.8) url = "/api/people?limit=20&q=Crash";
    else if (roll < 0.9) url = "/api/nations?limit=50";
    else url = "/api/organisations?limit=20";
    figures.requests += 1;
    const sentAt = Date.now();
    try {
      const response = await session.request(base, method, url, body);
      figures.statuses[response.status] = (figures.statuses[response.status] ?? 0) + 1;
      if (response.status === 500) figures.status500 += 1;
      if (response.status === 503 && !response.headers.get("retry-after"))
        figures.unavailableWithoutRetryAfter += 1;
      if (response.status === 404 && readsAcknowledged) figures.acknowledgedNotFound += 1;
      if (method === "POST" && response.status === 201) {
        load.acknowledged.push(((await response.json()) as { id: string }).id);
        load.lastAcknowledgedSentAt = Math.max(load.lastAcknowledgedSentAt, sentAt);
      } else await response.body?.cancel();
      if (response.status === 503) await sleep(100);
    } catch {
      figures.noAnswer += 1;
      await sleep(100);
    }
  }
}

/** Terminates every backend of `database` but the caller's; returns how many. */
async function terminateAll(adminUrl: string, database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on("error", () => {});
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>(
      `select count(*)::int as n from (
         select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()
       ) terminated`,
      [database],
    );
    return rows[0]!.n;
  } finally {
    await admin.end();
  }
}

/** Waits until /readyz answers 200 and a write sent after `since` is acknowledged; returns the ms it took. */
async function recovered(base: string, load: Load, since: number, exits: string[]): Promise<number> {
  for (;;) {
    if (exits.length) throw new Error(`Accord exited (${exits.join(", ")}) after the fault`);
    const waited = Date.now() - since;
    if (waited > RECOVERY_LIMIT_MS)
      throw new Error(`not recovered ${RECOVERY_LIMIT_MS / 1000} s after the fault`);
    const ready = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) })
      .then(async (response) => {
        await response.body?.cancel();
        return response.status === 200;
      })
      .catch(() => false);
    if (ready && load.lastAcknowledgedSentAt > since) return Date.now() - since;
    await sleep(50);
  }
}

export async function runFaults(options: FaultOptions): Promise<FaultFigures> {
  const log = options.log ?? (() => {});
  const clients = options.clients ?? 8;
  const figures: FaultFigures = {
    deployment: options.deployment,
    clients,
    seconds: 0,
    requests: 0,
    statuses: {},
    status500: 0,
    noAnswer: 0,
    unavailableWithoutRetryAfter: 0,
    acknowledgedNotFound: 0,
    terminations: 0,
    terminatedBackends: 0,
    kills: 0,
    restarts: 0,
    recoveryMs: [],
    exits: [],
    acknowledged: 0,
    lost: 0,
    halfWritten: 0,
    chainOk: false,
    auditEntries: 0,
  };
  const started = Date.now();
  const embedded = options.deployment === "embedded";
  const serverUrl = options.serverUrl ?? "postgres://postgres@127.0.0.1:5432/test";
  // A data directory as `mktemp -d` makes it (mode 0700): Accord must cope with it, also as root.
  const dataDir = embedded ? mkdtempSync(path.join(tmpdir(), "accord-faults-")) : undefined;
  const database = embedded ? "accord" : `accord_faults_${randomBytes(4).toString("hex")}`;
  const databaseUrl = (() => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  })();
  if (!embedded) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${database}"`);
    await admin.end();
  }
  const env = embedded ? { ACCORD_DATA_DIR: dataDir!, DATABASE_URL: "" } : { DATABASE_URL: databaseUrl };
  const load: Load = { stopped: false, acknowledged: [], lastAcknowledgedSentAt: 0 };
  let instance: Instance | undefined;
  let running: Promise<unknown> | undefined;
  try {
    instance = await startAccord(env, true, log);
    instance.child.on("exit", (code, signal) => figures.exits.push(`${code ?? signal}`));
    const base = instance.url;
    const session = new Session();
    await session.login(base);
    const ids = await referenceIds(session, base);
    running = Promise.all(
      Array.from({ length: clients }, (_, i) => client(i, session, base, ids, load, figures)),
    );
    const adminUrl = () => (embedded ? embeddedUrl(dataDir!) : databaseUrl);
    // Faults in a fixed interleaving: the kills spread among the terminations.
    const faults: ("terminate" | "kill")[] = Array(options.terminations).fill("terminate");
    const kills = embedded ? options.kills : 0;
    for (let k = 0; k < kills; k++)
      faults.splice(Math.round(((k + 1) * faults.length) / (kills + 1)) + k, 0, "kill");
    await sleep(options.gapMs ?? 1_000);
    for (const [index, fault] of faults.entries()) {
      if (figures.exits.length) throw new Error(`Accord exited (${figures.exits.join(", ")})`);
      const at = Date.now();
      if (fault === "kill") {
        const pid = postmasterPid(dataDir!);
        if (!pid) throw new Error("no postmaster.pid to kill");
        process.kill(pid, "SIGKILL");
        figures.kills += 1;
      } else {
        figures.terminatedBackends += await terminateAll(adminUrl(), database);
        figures.terminations += 1;
      }
      const outputBefore = instance.output.join("").length;
      const took = await recovered(base, load, at, figures.exits);
      figures.recoveryMs.push(took);
      if (fault === "kill")
        for (const line of instance.output.join("").slice(outputBefore).split("\n"))
          if (/embedded PostgreSQL/.test(line)) log(`  ${line.trim()}`);
      log(
        `fault ${index + 1}/${faults.length} (${fault === "kill" ? "postmaster killed" : "connections terminated"}): ` +
          `recovered in ${took} ms; ${figures.requests} requests, ${load.acknowledged.length} writes acknowledged, ` +
          `${figures.status500} answers 500`,
      );
      await sleep(Math.random() * (options.gapMs ?? 1_000));
    }
    await sleep(options.gapMs ?? 1_000);
    load.stopped = true;
    await running;
    running = undefined;
    if (figures.exits.length) throw new Error(`Accord exited (${figures.exits.join(", ")})`);
    figures.restarts = (
      instance.output.join("").match(/Restarted the embedded PostgreSQL in \d+ ms/g) ?? []
    ).length;
    const check = await verify(embedded ? embeddedUrl(dataDir!) : databaseUrl, load.acknowledged);
    figures.lost = check.lost;
    figures.halfWritten = check.halfWritten;
    figures.chainOk = check.chainOk;
    figures.auditEntries = check.entries;
  } catch (error) {
    figures.failure = (error as Error).stack ?? String(error);
    if (instance) figures.failure += `\nAccord's output:\n${instance.output.join("").slice(-3000)}`;
    log(figures.failure);
  } finally {
    load.stopped = true;
    await running;
    if (instance) {
      instance.child.removeAllListeners("exit");
      await stop(instance);
    }
    if (dataDir) {
      const pid = postmasterPid(dataDir);
      if (pid) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {}
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
    if (!embedded) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists "${database}" with (force)`).catch(() => {});
      await admin.end();
    }
  }
  figures.acknowledged = load.acknowledged.length;
  figures.seconds = Math.round((Date.now() - started) / 1000);
  return figures;
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const deployment = argument("deployment", "embedded") as Deployment;
  if (!["embedded", "server"].includes(deployment)) {
    console.error("--deployment is embedded or server");
    process.exit(2);
  }
  runFaults({
    deployment,
    terminations: Number(argument("terminations", "20")),
    kills: Number(argument("kills", "5")),
    clients: Number(argument("clients", "8")),
    gapMs: Number(argument("gap-ms", "2000")),
    serverUrl: process.env.ACCORD_TEST_DATABASE_URL,
    log: (message) => console.log(message),
  })
    .then((figures) => {
      console.log(JSON.stringify(figures, null, 2));
      const ok =
        !figures.failure &&
        figures.status500 === 0 &&
        figures.noAnswer === 0 &&
        figures.exits.length === 0 &&
        figures.lost === 0 &&
        figures.halfWritten === 0 &&
        figures.acknowledgedNotFound === 0 &&
        figures.unavailableWithoutRetryAfter === 0 &&
        figures.chainOk;
      console.log(ok ? "PASS" : "FAIL");
      process.exit(ok ? 0 : 1);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
