import { mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createPool } from "./database.js";
import { type EmbeddedOptions, startEmbeddedPostgres } from "./embedded-postgres.js";

const postmasterPid = (dataDir: string) =>
  Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);

/** A data directory as `mktemp -d` makes it: mode 0700, owned by the user running Accord. */
const newDataDir = () => mkdtempSync(path.join(tmpdir(), "accord-embedded-"));

async function answers(pool: pg.Pool, withinMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < withinMs; await sleep(100)) {
    try {
      await pool.query("select 1");
      return true;
    } catch {
      // Refused or starting up: PostgreSQL is being restarted.
    }
  }
  return false;
}

// The embedded PostgreSQL of its own data directory; run once, in the embedded run of the suite.
describe.skipIf(inject("pgKind") !== "embedded")("the embedded PostgreSQL", () => {
  const start = (dataDir: string, lines: string[], extra: Partial<EmbeddedOptions> = {}) =>
    startEmbeddedPostgres({ dataDir, port: 0, log: (_level, message) => lines.push(message), ...extra });

  it("restarts its PostgreSQL by itself when the postmaster is killed, and the pool serves again", async () => {
    const dataDir = newDataDir();
    const lines: string[] = [];
    const server = await start(dataDir, lines);
    const pool = createPool(server.adminUrl(), 2);
    try {
      await pool.query("select 1");
      const killed = postmasterPid(dataDir);
      process.kill(killed, "SIGKILL");
      // A backend outlives its postmaster for a moment and may still answer: wait for the restart itself first.
      for (let waited = 0; server.restarts < 1 && waited < 30_000; waited += 100) await sleep(100);
      expect(server.restarts).toBe(1);
      expect(await answers(pool, 30_000)).toBe(true);
      expect(postmasterPid(dataDir)).not.toBe(killed);
      expect(lines.join("\n")).toMatch(
        new RegExp(`PostgreSQL \\(pid ${killed}\\) exited unexpectedly \\(signal SIGKILL\\); restarting it`),
      );
      expect(lines.join("\n")).toMatch(/Restarted the embedded PostgreSQL in \d+ ms/);
    } finally {
      await pool.end();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it("gives up and says why when PostgreSQL cannot be started again within the limit", async () => {
    const dataDir = newDataDir();
    const lines: string[] = [];
    let gaveUp: Error | undefined;
    const server = await start(dataDir, lines, {
      restartLimitMs: 1_500,
      onGiveUp: (error) => {
        gaveUp = error;
      },
    });
    const pgDir = path.join(dataDir, "pg");
    try {
      const killed = postmasterPid(dataDir);
      // The cluster is gone from under it (a disk unmounted, a directory removed): no restart can succeed.
      renameSync(pgDir, `${pgDir}-away`);
      process.kill(killed, "SIGKILL");
      for (let waited = 0; !gaveUp && waited < 30_000; waited += 100) await sleep(100);
      expect(gaveUp?.message).toMatch(/could not be restarted in 1\.5 s \(\d+ attempts\)/);
      expect(server.restarts).toBe(0);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it.skipIf(userInfo().uid !== 0)(
    "as root, creates its cluster in an existing data directory of mode 0700 (as mktemp -d makes)",
    async () => {
      const dataDir = newDataDir();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const lines: string[] = [];
      const server = await start(dataDir, lines);
      const pool = createPool(server.adminUrl(), 1);
      try {
        expect((await pool.query("select 1 as one")).rows).toEqual([{ one: 1 }]);
        // Only the postgres group got search permission; nothing became readable by other users.
        expect(statSync(dataDir).mode & 0o777).toBe(0o710);
        expect(lines.join("\n")).toMatch(/Gave the group postgres search permission/);
      } finally {
        await pool.end();
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
