import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";
import { databaseUrl } from "./support.js";

/**
 * Terminates, as a DBA would, every backend of the app that waits on a lock, again and again until `work` is
 * answered (a list request runs its count and its page on two connections, which may start waiting at different
 * moments). Returns the answer and how many backends were terminated; fails, naming what the database's sessions
 * were doing, if no answer comes within 20 s.
 */
async function terminateWaitersUntil<T>(
  admin: pg.Client,
  database: string,
  work: Promise<T>,
): Promise<{ answer: T; terminated: number }> {
  let done = false;
  let answer: T | undefined;
  const settled = work.then((value) => {
    done = true;
    answer = value;
  });
  let terminated = 0;
  for (const started = Date.now(); !done; await sleep(20)) {
    if (Date.now() - started > 20_000) {
      const { rows } = await admin.query(
        `select pid, application_name, state, wait_event_type, wait_event, left(query, 80) as query
         from pg_stat_activity where datname = $1`,
        [database],
      );
      throw new Error(`no answer within 20 s; sessions: ${JSON.stringify(rows)}`);
    }
    const { rows } = await admin.query<{ pid: number }>(
      `select pg_terminate_backend(pid), pid from pg_stat_activity
       where datname = $1 and application_name = 'accord' and wait_event_type = 'Lock'`,
      [database],
    );
    terminated += rows.length;
  }
  await settled;
  return { answer: answer as T, terminated };
}

describe("a lost database connection", () => {
  let t: TestApp;
  let user: Agent;
  let admin: pg.Client;

  beforeAll(async () => {
    t = await createTestApp();
    await t.seed();
    user = await t.signIn({ role: "administrator" });
    admin = new pg.Client({ connectionString: databaseUrl(t.databaseName) });
    admin.on("error", () => {});
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  it("answers 503 with Retry-After (not 500, not a crash) to reads whose connection a DBA terminates, then serves again", async () => {
    const blocker = new pg.Client({ connectionString: databaseUrl(t.databaseName) });
    blocker.on("error", () => {});
    await blocker.connect();
    try {
      // The app's reads queue behind a lock, so their connections are checked out when they are terminated.
      await blocker.query("begin");
      await blocker.query("set local lock_timeout = '10s'");
      await blocker.query("lock table nation in access exclusive mode");
      const reads = Promise.all([user.get("/api/nations?limit=5"), user.get("/api/nations?limit=7")]);
      const { answer: answers, terminated } = await terminateWaitersUntil(admin, t.databaseName, reads);
      expect(terminated).toBeGreaterThanOrEqual(2);
      // loop runs: the answers of the two reads above
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.headers["retry-after"]).toMatch(/^\d+$/);
        expect(answer.body).toMatchObject({ code: "UNAVAILABLE" });
        expect(answer.text).not.toMatch(/57P01|terminat/i);
      }
    } finally {
      await blocker.query("rollback").catch(() => {});
      await blocker.end();
    }
    // The pool replaced the lost connections by itself.
    const after = await user.get("/api/nations?limit=5");
    expect(after.status).toBe(200);
  });

  it("answers 503 to a write caught by the loss and keeps nothing of it; the retried write succeeds", async () => {
    const nationId = await t.nationId("AZE");
    const { id: organisationId } = await t.db
      .selectFrom("organisation")
      .select("id")
      .executeTakeFirstOrThrow();
    const body = { givenName: "Lost", familyName: "Connection", nationId, organisationId };
    const blocker = new pg.Client({ connectionString: databaseUrl(t.databaseName) });
    blocker.on("error", () => {});
    await blocker.connect();
    let answer: Awaited<ReturnType<Agent["post"]>>;
    try {
      // The write's transaction has begun and waits for the audit trail: terminated mid-transaction.
      await blocker.query("begin");
      await blocker.query("set local lock_timeout = '10s'");
      await blocker.query("lock table audit_entry in access exclusive mode");
      const write = user.post("/api/people", body);
      ({ answer } = await terminateWaitersUntil(admin, t.databaseName, write));
    } finally {
      await blocker.query("rollback").catch(() => {});
      await blocker.end();
    }
    expect(answer.status).toBe(503);
    expect(answer.headers["retry-after"]).toMatch(/^\d+$/);
    const { rows } = await admin.query(
      "select 1 from person where given_name = 'Lost' and family_name = 'Connection'",
    );
    expect(rows).toHaveLength(0);
    const retried = await user.post("/api/people", body);
    expect(retried.status).toBe(201);
  });

  it("serves the next request after every idle connection of the pool was terminated", async () => {
    await Promise.all([user.get("/api/nations?limit=3"), user.get("/api/people?limit=3")]);
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = $1 and application_name = 'accord'`,
      [t.databaseName],
    );
    await sleep(100);
    const answers = await Promise.all([user.get("/api/nations?limit=3"), user.get("/api/people?limit=3")]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
  });
});
