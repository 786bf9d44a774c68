import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createEmptyDatabase, dropDatabase, withDatabase } from "./support.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Run {
  code: number | null;
  output: string;
  /** From the command's last line of output to its exit: the time it spent doing nothing. */
  lingeredMs: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let lastOutput = Date.now();
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      lastOutput = Date.now();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, lingeredMs: Date.now() - lastOutput });
    });
  });
}

const accord = (args: string[], env: NodeJS.ProcessEnv) =>
  run(process.execPath, ["bin/accord.js", ...args], env);

// On the PostgreSQL server (DATABASE_URL); the embedded mode stops its PostgreSQL, which closes the connections.
describe.skipIf(inject("pgKind") !== "server")("commands against a PostgreSQL server", () => {
  let database: { name: string; url: string };
  let dir: string;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    dir = mkdtempSync(path.join(tmpdir(), "accord-commands-"));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase(database.name);
  });

  it("accord migrate exits as soon as it has migrated, without waiting for idle connections", async () => {
    const result = await accord(["migrate"], { DATABASE_URL: database.url });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/Applied \d+ migration\(s\)/);
    expect(result.lingeredMs).toBeLessThan(3_000);
    const again = await accord(["migrate"], { DATABASE_URL: database.url });
    expect(again.output).toMatch(/The database is up to date/);
    expect(again.lingeredMs).toBeLessThan(3_000);
  }, 120_000);

  it("accord backup exits as soon as the file is written", async () => {
    const file = path.join(dir, "backup.jsonl.gz");
    const result = await accord(["backup", file], { DATABASE_URL: database.url });
    expect(result.code, result.output).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(result.lingeredMs).toBeLessThan(3_000);
  }, 120_000);
});

describe.skipIf(inject("pgKind") !== "server")("the test database of ACCORD_TEST_DATABASE_URL", () => {
  const script = (url: string) => run(process.execPath, ["scripts/ensure-test-database.mjs", url], {});

  it("is created when the server answers but the database is missing, and left alone when present", async () => {
    const name = `accord_t_${inject("runId")}_ensure_${randomBytes(3).toString("hex")}`;
    const url = withDatabase(inject("pgAdminUrl"), name);
    try {
      const first = await script(url);
      expect(first.code, first.output).toBe(0);
      expect(first.output).toMatch(`Created the test database ${name}`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.end();
      const second = await script(url);
      expect(second.code, second.output).toBe(0);
      expect(second.output).not.toMatch(/Created/);
    } finally {
      await dropDatabase(name);
    }
  });

  it("fails naming the reason when no server answers", async () => {
    const unreachable = new URL(inject("pgAdminUrl"));
    unreachable.port = "1";
    const result = await script(unreachable.toString());
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/cannot be reached: .*ECONNREFUSED/);
  });
});
