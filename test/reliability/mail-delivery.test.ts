import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

/**
 * Mail delivery by separate `accord worker` processes against a real SMTP server on loopback: a kill -9 in the
 * middle of 1,000 messages, two workers at once, and an SMTP server that is down for a while. ACCORD_MAIL_LONG=1
 * sends 10,000 instead.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const COUNT = process.env.ACCORD_MAIL_LONG ? 10_000 : 1_000;
const CLAIM_SECONDS = 3;

let t: TestApp;
let sink: SmtpSink;
const children = new Set<ChildProcess>();
/** What each worker printed (stdout and stderr together). */
const outputs = new WeakMap<ChildProcess, string[]>();

/**
 * `claimSeconds` also bounds the worker's SMTP timeouts (a quarter of it to connect and to be greeted): the crash
 * tests keep it short so that abandoned claims fall due quickly; the outage test gives a loaded machine room, where a
 * 750 ms greeting timeout turned a restarted server into more failed attempts and a back-off past the wait.
 */
function startWorker(name: string, claimSeconds = CLAIM_SECONDS): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/accord.js", "worker"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: t.config.databaseUrl,
      // Through PgBouncer (ACCORD_TEST_POOLER=pgbouncer) the worker is told so, and has no direct connection: its
      // queue then polls through the pooler, the harder of the two documented deployments.
      ...(t.config.databasePooler === "transaction" ? { DATABASE_POOLER: "transaction" } : {}),
      SMTP_URL: sink.url,
      MAIL_FROM: "Accord <accord@accord.test>",
      MAIL_CLAIM_SECONDS: String(claimSeconds),
      MAIL_RETRY_BASE_SECONDS: "1",
      MAIL_CONCURRENCY: "8",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const output: string[] = [];
  outputs.set(child, output);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker ${name} did not start:\n${output.join("")}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/worker \S+ is running/.test(output.join(""))) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new Error(`worker ${name} exited (${code ?? signal}):\n${output.join("").slice(-2000)}`));
    });
  });
}

async function stopWorker(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.removeAllListeners("exit");
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
  children.delete(child);
}

/** Queues `count` messages to distinct addresses in one transaction, as a cancelled event would. */
async function queue(count: number, tag: string) {
  await sql`insert into mail_outbox (kind, to_address, params)
    select 'exchange.received', ${tag} || '-' || g || '@example.org',
      jsonb_build_object('title', 'Message ' || g || ' of ' || ${tag})
    from generate_series(1, ${count}) g`.execute(t.db);
  const rows = await t.db
    .selectFrom("mailOutbox")
    .select("id")
    .where("toAddress", "like", `${tag}-%`)
    .execute();
  return rows.map((row) => `<${row.id}@accord.test>`);
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const unsent = async (tag: string) =>
  Number(
    (
      await t.db
        .selectFrom("mailOutbox")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("toAddress", "like", `${tag}-%`)
        .where("status", "<>", "sent")
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  sink = await startSmtpSink({ parse: false });
  t = await createTestApp();
});
afterEach(async () => {
  for (const child of [...children]) await stopWorker(child, "SIGKILL");
  expect(sink.errors).toEqual([]);
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

describe("mail delivery by workers", () => {
  it(`delivers ${COUNT} messages after a kill -9 of the worker mid-way: all arrive, a retry keeps its Message-ID`, async () => {
    const ids = await queue(COUNT, "crash");
    const worker = await startWorker("first");
    const started = Date.now();
    await until(() => sink.distinct() >= COUNT / 4, 60_000, "the first quarter");
    await stopWorker(worker, "SIGKILL");
    const atKill = sink.distinct();
    const inFlight = Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from mail_outbox where status = 'sending'`.execute(
          t.db,
        )
      ).rows[0]!.n,
    );
    expect(atKill).toBeLessThan(COUNT);
    await startWorker("restarted");
    await until(async () => (await unsent("crash")) === 0, 120_000, "every message to be sent");
    await sink.waitForDistinct(COUNT, 10_000);
    const seconds = (Date.now() - started) / 1000;

    // Every message arrived; nothing arrived that was not queued.
    expect(ids.every((id) => sink.count(id) >= 1)).toBe(true);
    expect(sink.distinct()).toBe(COUNT);
    // SMTP has no idempotency: a message whose server had answered 250 but whose worker died before recording
    // it is sent again, with the same Message-ID, so the receiver can recognise it. Only messages in flight at the
    // kill can be among them.
    const twice = ids.filter((id) => sink.count(id) > 1);
    expect(twice.length).toBeLessThanOrEqual(inFlight);
    console.log(
      `[mail] kill -9 at ${atKill}/${COUNT} delivered; ${inFlight} claimed at the kill; all ${COUNT} delivered in ${seconds.toFixed(1)} s; ` +
        `${twice.length} sent again with the same Message-ID`,
    );
  }, 300_000);

  it(`shares ${COUNT} messages between two workers running at once, none sent twice`, async () => {
    const before = sink.messages.length;
    const [a, b] = await Promise.all([startWorker("a"), startWorker("b")]);
    const started = Date.now();
    const ids = await queue(COUNT, "pair");
    await until(async () => (await unsent("pair")) === 0, 120_000, "every message to be sent");
    const seconds = (Date.now() - started) / 1000;
    expect(ids.every((id) => sink.count(id) === 1)).toBe(true);
    expect(sink.messages.length - before).toBe(COUNT);
    const workers = await sql<{ claimedBy: string; n: number }>`
      select claimed_by as "claimedBy", count(*)::int as n from mail_outbox where to_address like 'pair-%'
      group by claimed_by`.execute(t.db);
    console.log(
      `[mail] two workers: ${COUNT} in ${seconds.toFixed(1)} s (${Math.round(COUNT / seconds)}/s), shares ${workers.rows.map((w) => w.n).join(" + ")}`,
    );
    await stopWorker(a, "SIGTERM");
    await stopWorker(b, "SIGTERM");
  }, 300_000);

  it("survives pg_terminate_backend of every connection it holds, idle or busy, and goes on delivering", async () => {
    const worker = await startWorker("terminated");
    const ids = await queue(1000, "term");
    await until(() => ids.filter((id) => sink.count(id) > 0).length >= 30, 60_000, "the first messages");
    // Every backend of the database but this one: the queue's LISTEN connection, the claims and sends in flight,
    // the idle connections of the worker's pool (and the test's own idle ones, which its pool drops).
    const kill = async () =>
      (
        await sql<{ n: number }>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`.execute(t.db)
      ).rows[0]!.n;
    expect(await kill()).toBeGreaterThan(0);
    // Then again and again while it works: a kill lands sooner or later between a job's end and the queue's
    // record of it, which graphile-worker does not await (an unhandled rejection that once ended the worker).
    for (let burst = 0; burst < 20 && (await unsent("term")) > 0; burst++) {
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 250));
      await kill();
      expect(worker.exitCode, outputs.get(worker)!.join("").slice(-3000)).toBeNull();
    }
    await until(
      async () => (await unsent("term")) === 0,
      120_000,
      "every message to be sent after the kill",
    ).catch(async (error) => {
      // What the outbox and the worker say, so that a failure here can be understood from the log alone.
      const { rows } =
        await sql`select status, attempts, last_error, next_attempt_at, claimed_by, count(*)::int as n
          from mail_outbox where to_address like 'term-%' and status <> 'sent'
          group by 1, 2, 3, 4, 5 order by n desc limit 10`.execute(t.db);
      console.log(`[mail] unsent after the kill: ${JSON.stringify(rows)}`);
      console.log(`[mail] worker output: ${outputs.get(worker)!.join("").slice(-3000)}`);
      throw error;
    });
    // Once more while it is idle, then new work: it reconnects and takes it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await kill()).toBeGreaterThan(0);
    const later = await queue(20, "after");
    await until(
      async () => (await unsent("after")) === 0,
      60_000,
      "the messages queued after the second kill",
    );
    expect([...ids, ...later].every((id) => sink.count(id) >= 1)).toBe(true);
    expect(worker.exitCode).toBeNull();
    expect(worker.signalCode).toBeNull();
    const printed = outputs.get(worker)!.join("");
    expect(printed).not.toMatch(/doesn't have error handlers/);
    expect(printed).not.toMatch(/Unhandled|uncaught/i);
  }, 240_000);

  it("keeps messages while the SMTP server is down and sends them when it is back; the request does not wait", async () => {
    const worker = await startWorker("patient", 20);
    await sink.stop();
    // What the outbox and the worker say, so that a failure can be understood from the log alone.
    const explain = async (error: unknown) => {
      const { rows } = await sql`select status, attempts, last_error, next_attempt_at, now() as now
        from mail_outbox where to_address = 'patient@example.org'`.execute(t.db);
      console.log(`[mail] outbox: ${JSON.stringify(rows)}`);
      console.log(`[mail] worker output: ${outputs.get(worker)!.join("").slice(-3000)}`);
      throw error;
    };
    try {
      const user = await t.signIn({ role: "participant" });
      const started = Date.now();
      const reply = await user.put("/api/notifications/preferences", { email: "patient@example.org" });
      expect(reply.status).toBe(200);
      await sql`insert into mail_outbox (kind, to_address, user_id, params)
        values ('exchange.received', 'patient@example.org', ${user.userId}, '{"title":"While down"}')`.execute(
        t.db,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      await until(
        async () =>
          !!(await t.db
            .selectFrom("mailOutbox")
            .select("id")
            .where("toAddress", "=", "patient@example.org")
            .where("attempts", ">=", 2)
            // A claim counts the attempt before it is made: until the row is back to pending with its error, the
            // second attempt may still be connecting, and would reach the server started below (CI once saw 2).
            .where("status", "=", "pending")
            .where("lastError", "is not", null)
            .executeTakeFirst()),
        60_000,
        "two failed attempts",
      ).catch(explain);
    } finally {
      await sink.start();
    }
    // The outbox row turns "sent" just after the SMTP server took the message: wait for both, then check.
    await until(
      async () =>
        sink.messages.some((m) => m.to.includes("patient@example.org")) &&
        !!(await t.db
          .selectFrom("mailOutbox")
          .select("id")
          .where("toAddress", "=", "patient@example.org")
          .where("status", "=", "sent")
          .executeTakeFirst()),
      120_000,
      "delivery",
    ).catch(explain);
    const row = await t.db
      .selectFrom("mailOutbox")
      .select(["status", "attempts"])
      .where("toAddress", "=", "patient@example.org")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    expect(row.attempts).toBeGreaterThanOrEqual(3);
  }, 240_000);
});
