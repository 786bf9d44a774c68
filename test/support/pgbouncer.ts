import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A real PgBouncer (Debian's, 1.18: no prepared statements kept across transactions) in transaction pooling mode in
 * front of a PostgreSQL server, for the opt-in run through a pooler (`npm run test:cluster`, issue 24). Every
 * database of the server is reachable through it under its own name (the `*` entry), so the API suite's
 * per-file databases need no configuration.
 */
export interface PgBouncer {
  port: number;
  /** `upstreamUrl` with PgBouncer's host and port. */
  url(upstreamUrl: string): string;
  stop(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

const binary = process.env.ACCORD_PGBOUNCER_BIN || "/usr/sbin/pgbouncer";

export async function startPgBouncer(upstreamUrl: string): Promise<PgBouncer> {
  const upstream = new URL(upstreamUrl);
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), "accord-pgbouncer-"));
  const user = decodeURIComponent(upstream.username || "postgres");
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=${upstream.hostname} port=${upstream.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "pool_mode = transaction",
      "max_client_conn = 2000",
      // As many server connections per database as a test app's pool; the machine's server is shared, so idle ones close soon.
      "default_pool_size = 10",
      "server_idle_timeout = 10",
      // After a failed connection to the server (no leader behind HAProxy during a failover) PgBouncer waits this
      // long before trying again; its default of 15 s would add up to 15 s to every failover.
      "server_login_retry = 1",
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      "log_connections = 0",
      "log_disconnections = 0",
      "",
    ].join("\n"),
  );
  writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`);
  // PgBouncer refuses to run as root; as root it drops to the postgres user (-u), which must write its log.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const child: ChildProcess = spawn(
    binary,
    [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const url = (target: string) => {
    const parsed = new URL(target);
    parsed.hostname = "127.0.0.1";
    parsed.port = String(port);
    return parsed.toString();
  };
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url(upstreamUrl) });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("select 1");
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`PgBouncer did not start: ${stderr || (error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { port, url, stop };
}
