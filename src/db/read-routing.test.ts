import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../test/support/test-app.js";

// DATABASE_READ_URL pointing at the test's own database in read-only transactions: a replica that has replayed
// everything, and that refuses any write a read-only request would try. A lagging replica is played by giving the
// session a write position the server has not reached yet. The same through a real lagging replica (replay paused
// on the Patroni cluster) is test/cluster/read-your-writes.test.ts.

let t: TestApp;
let admin: Agent;
let other: Agent;

const sessionLsn = async (agent: Agent) => {
  const tokenHash = await sql<{ lsn: string | null }>`
    select written_lsn::text as lsn from user_session s
    where s.user_id = ${agent.userId} order by created_at desc limit 1`.execute(t.db);
  return tokenHash.rows[0]?.lsn ?? null;
};

beforeAll(async () => {
  t = await createTestApp({}, { readReplica: "same" });
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  other = await t.signIn({ role: "administrator" });
});
afterAll(() => t.close());

describe("reads on replicas with read-your-writes (DATABASE_READ_URL)", () => {
  it("reads of a session that never wrote go to the replica", async () => {
    const reply = await admin.get("/api/nations?limit=5");
    expect(reply.status).toBe(200);
    expect(reply.headers["x-accord-read"]).toBe("replica");
    expect(await sessionLsn(admin)).toBeNull();
  });

  it("a write runs on the leader and leaves its commit position with the session; the replica then serves the write", async () => {
    const nationId = await t.nationId("AZE");
    const created = await admin.post("/api/people", { givenName: "Replica", familyName: "Reader", nationId });
    expect(created.status).toBe(201);
    const lsn = await sessionLsn(admin);
    expect(lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    const { rows } = await sql<{ behind: boolean }>`
      select ${lsn}::pg_lsn <= pg_current_wal_lsn() as behind`.execute(t.db);
    expect(rows[0]!.behind).toBe(true);
    const read = await admin.get(`/api/people/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers["x-accord-read"]).toBe("replica");
    expect(read.body.familyName).toBe("Reader");
  });

  it("a session whose write the replica has not replayed reads from the leader; another session reads the replica", async () => {
    // Half a gigabyte of WAL ahead of the server: no connection of the read pool has replayed it.
    await sql`update user_session set written_lsn = pg_current_wal_lsn() + 536870912
      where user_id = ${admin.userId}`.execute(t.db);
    for (const path of ["/api/people?limit=5", "/api/activities?limit=5", "/api/search?q=Reader"]) {
      const mine = await admin.get(path);
      expect(mine.status, path).toBe(200);
      expect(mine.headers["x-accord-read"], path).toBe("leader");
      const theirs = await other.get(path);
      expect(theirs.status, path).toBe(200);
      expect(theirs.headers["x-accord-read"], path).toBe("replica");
    }
  });

  it("anonymous reads go to the replica, and writes never do", async () => {
    const reply = await t.anonymous.get("/api/nations?limit=1");
    expect(reply.headers["x-accord-read"]).toBe("replica");
    // The read pool refuses writes (read-only transactions): a write served through it would fail.
    const write = await other.post("/api/people", {
      givenName: "Leader",
      familyName: "Writer",
      nationId: await t.nationId("AZE"),
    });
    expect(write.status).toBe(201);
    expect(write.headers["x-accord-read"]).toBeUndefined();
    expect(await sessionLsn(other)).not.toBeNull();
  });
});

describe("without DATABASE_READ_URL", () => {
  it("routes nothing and records no write position", async () => {
    const plain = await createTestApp();
    try {
      const agent = await plain.signIn({ role: "administrator" });
      const written = await agent.post("/api/nations", {
        code: "QQR",
        nameEn: "Routing",
        nameAz: "Routing",
        nameRu: "Routing",
        nonIsoCode: true,
      });
      expect(written.status).toBeLessThan(300);
      const read = await agent.get("/api/nations?q=QQR");
      expect(read.status).toBe(200);
      expect(read.headers["x-accord-read"]).toBeUndefined();
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from user_session where written_lsn is not null`.execute(plain.db);
      expect(rows[0]!.n).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
