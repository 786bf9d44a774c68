/**
 * Crash loop: the real `accord serve` process (the built dist/ when present, else the TypeScript source) is
 * killed with SIGKILL at a random moment while a writer creates people through the API, then restarted on the
 * same data; every acknowledged record must be there, nothing half-written may be visible, and the audit chain
 * must verify.
 *
 *   npm run reliability:crash -- --cycles 500 --variant mixed          embedded PostgreSQL, one data directory
 *   npm run reliability:crash -- --cycles 50 --variant two-instances   two processes on the server PostgreSQL
 *
 * Variants: `server` kills the Accord process (its embedded PostgreSQL is orphaned and must be stopped by the
 * next start); `postgres` kills the embedded postmaster first, then Accord; `mixed` alternates the two;
 * `two-instances` runs two Accord processes on one PostgreSQL server (DATABASE_URL), kills one and checks the
 * other keeps serving.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createKysely } from "../../src/db/database.js";
import { verifyAuditChain } from "../../src/modules/audit/index.js";

export type CrashVariant = "server" | "postgres" | "mixed" | "two-instances";

export interface CrashLoopOptions {
  cycles: number;
  variant: CrashVariant;
  /** Writers running at once. */
  writers?: number;
  /** Longest time the writers run before the kill, in ms (the moment is random below it). */
  maxRunMs?: number;
  /** PostgreSQL server for `two-instances` (maintenance database). */
  serverUrl?: string;
  log?: (message: string) => void;
  /** Ends the loop after the current cycle (the figures so far are still reported). */
  signal?: AbortSignal;
}

export interface CrashLoopFigures {
  variant: CrashVariant;
  cycles: number;
  acknowledged: number;
  lost: number;
  halfWritten: number;
  chainBroken: number;
  refusedWhileUp: number;
  recoveryLines: Record<string, number>;
  survivorServed: number;
  survivorFailed: number;
  /** Why the loop ended before its last cycle (a restart that failed, a check that could not run). */
  failure?: string;
  seconds: number;
}

const root = fileURLToPath(new URL("../../", import.meta.url));
const DEMO_PASSWORD = "accord-demo-2026";
const READY = /Accord is ready at (http:\/\/\S+)/;
/** Log lines by which a start reports that it recovered from an unclean stop. */
const RECOVERY = {
  staleLock: /Took over the data directory lock/,
  stalePid: /Found a stale postmaster\.pid/,
  /** Among the stale ones: a postmaster that died with Accord and was still a zombie at the restart. */
  zombiePostmaster: /has exited and is waiting to be collected/,
  orphanStopped: /Stopping PostgreSQL pid \d+ left running/,
};

export interface Instance {
  child: ChildProcess;
  url: string;
  output: string[];
}

export function startAccord(
  env: NodeJS.ProcessEnv,
  demo: boolean,
  log: (m: string) => void,
): Promise<Instance> {
  const args = ["bin/accord.js", "serve", "--port", "0", ...(demo ? ["--demo"] : [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  return new Promise<Instance>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Accord did not become ready in 120 s:\n${output.join("").slice(-3000)}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      const ready = READY.exec(output.join(""));
      if (ready) {
        clearTimeout(timer);
        resolve({ child, url: ready[1]!, output });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`Accord exited (${code ?? signal}) before it was ready:\n${output.join("").slice(-3000)}`),
      );
    });
  }).then((instance) => {
    child.removeAllListeners("exit");
    log(`  started ${instance.url} (pid ${child.pid})`);
    return instance;
  });
}

async function kill(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once("exit", resolve));
  instance.child.kill("SIGKILL");
  await exited;
}

export async function stop(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once("exit", resolve));
  instance.child.kill("SIGTERM");
  const timer = setTimeout(() => instance.child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, "pg", "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** The embedded PostgreSQL's `accord` database, reached as the running Accord does. */
export function embeddedUrl(dataDir: string): string {
  const lines = readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n");
  const password = readFileSync(path.join(dataDir, "pg-secret"), "utf8").trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${Number(lines[3])}/accord`;
}

export class Session {
  cookie = "";
  csrf = "";
  constructor(private readonly password = DEMO_PASSWORD) {}

  async login(base: string): Promise<void> {
    const response = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: this.password }),
    });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    this.cookie = response.headers.getSetCookie()[0]!.split(";")[0]!;
    this.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  request(base: string, method: string, url: string, body?: unknown) {
    return fetch(`${base}${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(method !== "GET" ? { "x-csrf-token": this.csrf } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(15_000),
    });
  }
}

interface Writes {
  acknowledged: string[];
  refused: number;
}

/** Writers create people (with an affiliation: two rows and an audit entry in one transaction) until stopped. */
async function write(
  session: Session,
  bases: () => string[],
  context: { nationId: string; organisationId: string; cycle: number },
  writers: number,
  until: { stopped: boolean },
  writes: Writes,
): Promise<void> {
  let n = 0;
  const loop = async (writer: number) => {
    while (!until.stopped) {
      const targets = bases();
      const base = targets[(n + writer) % targets.length]!;
      const marker = `c${context.cycle}w${writer}n${n++}`;
      try {
        const response = await session.request(base, "POST", "/api/people", {
          givenName: `Crash ${marker}`,
          familyName: "Loop",
          nationId: context.nationId,
          organisationId: context.organisationId,
          position: marker,
        });
        if (response.status === 201) writes.acknowledged.push(((await response.json()) as { id: string }).id);
        else {
          await response.body?.cancel();
          if (response.status < 500) writes.refused += 1;
        }
      } catch {
        // The connection died with the process: the write was never acknowledged.
        await sleep(5);
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, i) => loop(i)));
}

export interface Check {
  lost: number;
  halfWritten: number;
  chainOk: boolean;
  entries: number;
}

/** Every acknowledged person is present with its affiliation and audit entry; nothing exists half-written. */
export async function verify(url: string, acknowledged: string[]): Promise<Check> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => {});
  try {
    const { rows: present } = await pool.query<{ n: number }>(
      "select count(*)::int as n from person where id = any($1::uuid[])",
      [acknowledged],
    );
    const { rows: half } = await pool.query<{ n: number }>(
      `select count(*)::int as n from person p
       where p.family_name = 'Loop' and p.given_name like 'Crash %'
         and (not exists (select 1 from person_affiliation a where a.person_id = p.id)
           or not exists (select 1 from audit_entry e where e.record_type = 'person' and e.action = 'person.create'
                            and e.record_id = p.id::text))
       union all
       select count(*)::int from audit_entry e
       where e.action = 'person.create' and not exists (select 1 from person p where p.id::text = e.record_id)`,
    );
    const chain = await verifyAuditChain(createKysely(pool));
    return {
      lost: acknowledged.length - present[0]!.n,
      halfWritten: half.reduce((sum, row) => sum + row.n, 0),
      chainOk: chain.ok,
      entries: chain.entries,
    };
  } finally {
    await pool.end();
  }
}

export async function referenceIds(session: Session, base: string) {
  const nations = await (await session.request(base, "GET", "/api/nations?q=AZE&limit=1")).json();
  const organisations = await (await session.request(base, "GET", "/api/organisations?limit=1")).json();
  return {
    nationId: (nations as { items: { id: string }[] }).items[0]!.id,
    organisationId: (organisations as { items: { id: string }[] }).items[0]!.id,
  };
}

async function ensureSession(session: Session, base: string) {
  const me = await session.request(base, "GET", "/api/auth/session");
  await me.body?.cancel();
  if (me.status !== 200) await session.login(base);
}

function countRecovery(output: string, into: Record<string, number>) {
  for (const [name, pattern] of Object.entries(RECOVERY))
    if (pattern.test(output)) into[name] = (into[name] ?? 0) + 1;
}

/** One data directory, one Accord: kill it (or its PostgreSQL) mid-write, restart, check. */
async function embeddedLoop(options: CrashLoopOptions, figures: CrashLoopFigures) {
  const log = options.log ?? (() => {});
  const dataDir = mkdtempSync(path.join(tmpdir(), "accord-crash-"));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as its own user when Accord runs as root
  const env = { ACCORD_DATA_DIR: dataDir, DATABASE_URL: "" };
  const writes: Writes = { acknowledged: [], refused: 0 };
  const session = new Session();
  let instance: Instance | undefined;
  try {
    instance = await startAccord(env, true, log);
    await session.login(instance.url);
    const ids = await referenceIds(session, instance.url);
    for (let cycle = 1; cycle <= options.cycles && !options.signal?.aborted; cycle++) {
      if (!instance) break;
      const until = { stopped: false };
      const base = instance.url;
      const writing = write(session, () => [base], { ...ids, cycle }, options.writers ?? 4, until, writes);
      await sleep(50 + Math.random() * (options.maxRunMs ?? 800));
      // On a slow machine the first writes may not have landed yet: a run that kills before any
      // acknowledgement proves nothing, so wait (bounded) for the first one.
      for (let waited = 0; writes.acknowledged.length === 0 && waited < 15_000; waited += 25) await sleep(25);
      const killPostgres = options.variant === "postgres" || (options.variant === "mixed" && cycle % 2 === 0);
      if (killPostgres) {
        const pid = postmasterPid(dataDir);
        if (pid) process.kill(pid, "SIGKILL");
        await sleep(Math.random() * 200);
      }
      await kill(instance);
      instance = undefined;
      until.stopped = true;
      await writing;
      try {
        instance = await startAccord(env, false, log);
      } catch (error) {
        // A restart that fails is the finding itself: report it with the figures so far.
        figures.failure = `cycle ${cycle}: restart failed: ${(error as Error).message}`;
        log(figures.failure);
        break;
      }
      const recovered = instance.output.join("");
      countRecovery(recovered, figures.recoveryLines);
      for (const line of recovered.split("\n"))
        if (Object.values(RECOVERY).some((pattern) => pattern.test(line))) log(`  ${line.trim()}`);
      await ensureSession(session, instance.url);
      const check = await verify(embeddedUrl(dataDir), writes.acknowledged);
      figures.cycles = cycle;
      figures.lost += check.lost;
      figures.halfWritten += check.halfWritten;
      if (!check.chainOk) figures.chainBroken += 1;
      log(
        `cycle ${cycle}/${options.cycles} (${killPostgres ? "postgres+server" : "server"} killed): ` +
          `${writes.acknowledged.length} acknowledged, lost ${check.lost}, half-written ${check.halfWritten}, ` +
          `audit chain ${check.chainOk ? "ok" : "BROKEN"} (${check.entries} entries)`,
      );
      if (check.lost || check.halfWritten || !check.chainOk) break;
    }
  } catch (error) {
    figures.failure ??= `after cycle ${figures.cycles}: ${(error as Error).stack ?? String(error)}`;
    log(figures.failure);
  } finally {
    if (instance) await stop(instance);
    const pid = postmasterPid(dataDir);
    if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
  figures.acknowledged = writes.acknowledged.length;
  figures.refusedWhileUp = writes.refused;
}

/** Two Accord processes on one PostgreSQL server: kill one mid-write; the other keeps serving. */
async function twoInstanceLoop(options: CrashLoopOptions, figures: CrashLoopFigures) {
  const log = options.log ?? (() => {});
  const adminUrl = options.serverUrl ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `accord_crash_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString() };
  const writes: Writes = { acknowledged: [], refused: 0 };
  const session = new Session();
  const instances: (Instance | undefined)[] = [];
  try {
    instances[0] = await startAccord(env, true, log);
    instances[1] = await startAccord(env, false, log);
    await session.login(instances[0].url);
    const ids = await referenceIds(session, instances[1].url);
    for (let cycle = 1; cycle <= options.cycles && !options.signal?.aborted; cycle++) {
      const victim = cycle % 2;
      const survivor = instances[1 - victim]!;
      const until = { stopped: false };
      const live = () => instances.filter((i): i is Instance => !!i).map((i) => i.url);
      const writing = write(session, live, { ...ids, cycle }, options.writers ?? 4, until, writes);
      await sleep(50 + Math.random() * (options.maxRunMs ?? 800));
      await kill(instances[victim]!);
      instances[victim] = undefined;
      // The survivor alone must take every write now, without a single failure.
      const before = writes.acknowledged.length;
      for (let i = 0; i < 10; i++) {
        const response = await session.request(survivor.url, "POST", "/api/people", {
          givenName: `Crash survivor ${cycle}-${i}`,
          familyName: "Loop",
          nationId: ids.nationId,
          organisationId: ids.organisationId,
        });
        if (response.status === 201) {
          writes.acknowledged.push(((await response.json()) as { id: string }).id);
          figures.survivorServed += 1;
        } else {
          await response.body?.cancel();
          figures.survivorFailed += 1;
        }
      }
      until.stopped = true;
      await writing;
      instances[victim] = await startAccord(env, false, log);
      const check = await verify(url.toString(), writes.acknowledged);
      figures.cycles = cycle;
      figures.lost += check.lost;
      figures.halfWritten += check.halfWritten;
      if (!check.chainOk) figures.chainBroken += 1;
      log(
        `cycle ${cycle}/${options.cycles} (instance ${victim === 0 ? "A" : "B"} killed): ` +
          `${writes.acknowledged.length} acknowledged (${writes.acknowledged.length - before} after the kill), ` +
          `lost ${check.lost}, half-written ${check.halfWritten}, audit chain ${check.chainOk ? "ok" : "BROKEN"}`,
      );
      if (check.lost || check.halfWritten || !check.chainOk) break;
    }
  } catch (error) {
    figures.failure ??= `after cycle ${figures.cycles}: ${(error as Error).stack ?? String(error)}`;
    log(figures.failure);
  } finally {
    for (const instance of instances) if (instance) await stop(instance);
    await admin.query(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end();
  }
  figures.acknowledged = writes.acknowledged.length;
  figures.refusedWhileUp = writes.refused;
}

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopFigures> {
  const started = Date.now();
  const figures: CrashLoopFigures = {
    variant: options.variant,
    cycles: 0,
    acknowledged: 0,
    lost: 0,
    halfWritten: 0,
    chainBroken: 0,
    refusedWhileUp: 0,
    recoveryLines: {},
    survivorServed: 0,
    survivorFailed: 0,
    seconds: 0,
  };
  if (options.variant === "two-instances") await twoInstanceLoop(options, figures);
  else await embeddedLoop(options, figures);
  figures.seconds = Math.round((Date.now() - started) / 1000);
  return figures;
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const variant = argument("variant", "mixed") as CrashVariant;
  if (!["server", "postgres", "mixed", "two-instances"].includes(variant)) {
    console.error("--variant is server, postgres, mixed or two-instances");
    process.exit(2);
  }
  const entry = existsSync(path.join(root, "dist/cli/main.js")) ? "dist/ (built)" : "src/ through tsx";
  console.log(`Crash loop: variant ${variant}, Accord from ${entry}`);
  // Ctrl-C (or SIGTERM) ends the loop after the current cycle, cleans up and prints the figures so far.
  const interrupt = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      console.log(`${signal}: stopping after this cycle`);
      interrupt.abort();
    });
  runCrashLoop({
    signal: interrupt.signal,
    cycles: Number(argument("cycles", "20")),
    variant,
    writers: Number(argument("writers", "4")),
    maxRunMs: Number(argument("max-run-ms", "800")),
    serverUrl: process.env.ACCORD_TEST_DATABASE_URL,
    log: (message) => console.log(message),
  })
    .then((figures) => {
      console.log(JSON.stringify(figures, null, 2));
      const ok =
        !figures.failure &&
        (figures.cycles === Number(argument("cycles", "20")) || interrupt.signal.aborted) &&
        figures.lost === 0 &&
        figures.halfWritten === 0 &&
        figures.chainBroken === 0 &&
        figures.survivorFailed === 0;
      console.log(ok ? "PASS" : "FAIL");
      process.exit(ok ? 0 : 1);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
