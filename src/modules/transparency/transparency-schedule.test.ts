import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JobHelpers } from "graphile-worker";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { type Config, loadConfig } from "../../config.js";
import { createPool } from "../../db/database.js";
import { type NotificationWorker, startNotificationWorker, taskList } from "../notifications/worker.js";
import {
  generateSigningKeyPem,
  headProblem,
  parsePrivateKey,
  parsePublicKey,
  type SignedHead,
} from "./heads.js";
import { signIfDue } from "./transparency.service.js";

/**
 * Automatic head publication (issue 25): the job queue's `transparency_sign` signs at most one head per period
 * whatever the number of workers, appends it to the head file and pushes it to the witnesses.
 */
const KEY = generateSigningKeyPem();
const ORIGIN = "https://log-sched.example";
const dir = mkdtempSync(path.join(tmpdir(), "accord-tlog-schedule-"));
const defaults = loadConfig({}).transparency;

let log: TestApp;
let witness: TestApp;
let witnessUrl: string;

beforeAll(async () => {
  witness = await createTestApp({
    transparency: {
      ...defaults,
      signingKey: generateSigningKeyPem(),
      origin: "https://witness-sched.example",
      trustedLogs: [{ origin: ORIGIN, publicKey: parsePrivateKey(KEY).publicKey }],
    },
  });
  await witness.app.listen({ host: "127.0.0.1", port: 0 });
  const address = witness.app.server.address();
  witnessUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  log = await createTestApp({
    transparency: {
      ...defaults,
      signingKey: KEY,
      origin: ORIGIN,
      trustedLogs: [],
      // Every period signs (even without growth), so that "one head per period" is exact.
      signEveryMinutes: 1,
      maxHeadAgeMinutes: 0,
      witnesses: [witnessUrl],
      headFile: path.join(dir, "heads.jsonl"),
    },
  });
});
afterAll(async () => {
  await Promise.all([log?.close(), witness?.close()]);
});

const append = (db: TestApp["db"], n: number) =>
  sql`insert into audit_entry (actor_label, action, record_type, diff)
    select 'schedule', 'nation.create', 'nation', jsonb_build_object('n', g) from generate_series(1, ${n}) g`.execute(
    db,
  );

const scheduledHeads = async (db: TestApp["db"]) =>
  (
    await sql<{
      period: Date;
      treeSize: string;
      keyId: string;
    }>`select period, tree_size as "treeSize", key_id as "keyId"
      from transparency_head where period is not null order by period`.execute(db)
  ).rows;

const fileHeads = () =>
  readFileSync(path.join(dir, "heads.jsonl"), "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SignedHead);

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("the scheduled signing", () => {
  it("signs once per period when two instances run the job of the same period at once", async () => {
    await append(log.db, 5);
    const helpers = { addJob: async () => ({}) } as unknown as JobHelpers;
    const tasks = [0, 1].map((i) =>
      taskList({
        db: log.db,
        config: log.config,
        transport: { send: async () => {}, close: () => {} } as never,
        workerId: `instance-${i}`,
      }),
    );
    const cron = { _cron: { ts: "2026-01-01T10:03:00.000Z", backfilled: false } };
    await Promise.all(tasks.map((task) => task.transparency_sign!(cron, helpers)));
    await Promise.all(tasks.map((task) => task.transparency_sign!(cron, helpers)));
    const heads = await scheduledHeads(log.db);
    expect(heads.map((head) => head.period.toISOString())).toEqual(["2026-01-01T10:03:00.000Z"]);
    // The file holds the head once: only the instance whose head was stored publishes it.
    expect(fileHeads().map((head) => head.treeSize)).toEqual([Number(heads[0]!.treeSize)]);
  });

  it("with a maximum head age of 0, signs a period even when the newest head is dated after this job's now", async () => {
    // Another instance's job of the next period signed a moment after this one read the clock: the age is 0,
    // not negative, so this period still gets its head (the race that left gaps between periods).
    const before = new Date(Date.now() - 5_000);
    const head = await signIfDue(log.db, log.config, before, new Date("2026-01-01T10:04:00.000Z"));
    expect(head).not.toBeNull();
    expect(Date.parse(head!.timestamp)).toBeGreaterThan(before.getTime());
    const again = await signIfDue(log.db, log.config, before, new Date("2026-01-01T10:05:00.000Z"));
    expect(again?.treeSize).toBe(head!.treeSize);
  });

  it("with two workers on one database: exactly one head per period, each in the head file and at the witness", async () => {
    await sql`delete from transparency_head where period is not null`.execute(log.db);
    const pool = createPool(log.config.databaseUrl!, 6);
    const workers: NotificationWorker[] = [];
    const config: Config = log.config;
    try {
      // The first start makes the schedule known to the queue; then it is made four minutes old, so that each
      // worker started below back-fills the periods it "missed", the two of them racing for every period.
      workers.push(await startNotificationWorker({ pool, db: log.db, config }));
      await workers.pop()!.stop();
      await sql`update graphile_worker._private_known_crontabs set known_since = now() - interval '4 minutes',
        last_execution = null where identifier = 'transparency_sign'`.execute(log.db);
      await sql`delete from graphile_worker._private_jobs`.execute(log.db);
      await append(log.db, 3);
      const crontab = "* * * * * transparency_sign ?fill=4m";
      workers.push(
        ...(await Promise.all(
          [0, 1].map(() => startNotificationWorker({ pool, db: log.db, config, crontab })),
        )),
      );
      await until("the scheduled jobs", async () => {
        const pending = await sql<{
          n: number;
        }>`select count(*)::int as n from graphile_worker._private_jobs j
          join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier in ('transparency_sign', 'transparency_push')`.execute(log.db);
        return pending.rows[0]!.n === 0 && (await scheduledHeads(log.db)).length >= 3;
      });
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await pool.end();
    }
    const heads = await scheduledHeads(log.db);
    const periods = heads.map((head) => head.period.getTime());
    // Three or four back-filled minutes (and one more if a minute turned meanwhile): each exactly once.
    expect(heads.length).toBeGreaterThanOrEqual(3);
    expect(new Set(periods).size).toBe(heads.length);
    expect(periods.filter((period) => period % 60_000 !== 0)).toEqual([]);
    expect(Math.max(...periods) - Math.min(...periods)).toBe((heads.length - 1) * 60_000);
    // Appended to the head file once each (after the one of the first test), all signed by the log's key.
    const published = fileHeads().slice(1);
    expect(published).toHaveLength(heads.length);
    const key = parsePublicKey(parsePrivateKey(KEY).publicKey);
    expect(published.map((head) => headProblem(head, key))).toEqual(published.map(() => null));
    // The witness holds the newest head, reached through consistency proofs, with no alarm.
    const held = await witness.db.selectFrom("witnessHead").select(["origin", "treeSize"]).executeTakeFirst();
    expect({ origin: held?.origin, treeSize: Number(held?.treeSize) }).toEqual({
      origin: ORIGIN,
      treeSize: published[published.length - 1]!.treeSize,
    });
    expect(await witness.db.selectFrom("transparencyAlarm").select("id").execute()).toEqual([]);
  }, 90_000);
});
