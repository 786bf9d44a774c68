import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";
import { databaseUrl } from "./support.js";

/** The backends of the app's pool that wait on a lock, polled until `count` of them do. */
async function waitingBackends(admin: pg.Client, database: string, count: number): Promise<number[]> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity
       where datname = $1 and application_name = 'accord' and wait_event_type = 'Lock'`,
      [database],
    );
    if (rows.length >= count) return rows.map((row) => row.pid);
    await sleep(20);
  }
  throw new Error(`no ${count} backend(s) of the app waited on the lock within 10 s`);
}

async function terminate(admin: pg.Client, pids: number[]): Promise<void> {
  await admin.query("select pg_terminate_backend(pid) from unnest($1::int[]) as pid", [pids]);
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
      await blocker.query("lock table nation in access exclusive mode");
      const reads = [user.get("/api/nations?limit=5"), user.get("/api/nations?limit=7")];
      await terminate(admin, await waitingBackends(admin, t.databaseName, 2));
      const answers = await Promise.all(reads);
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
      await blocker.query("lock table audit_entry in access exclusive mode");
      const write = user.post("/api/people", body);
      await terminate(admin, await waitingBackends(admin, t.databaseName, 1));
      answer = await write;
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
