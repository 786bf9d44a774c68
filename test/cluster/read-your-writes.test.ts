import { execFileSync } from "node:child_process";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";

// Opt-in (npm run test:cluster -- --cluster, project "cluster"): read-your-writes through a lagging replica of the
// Patroni cluster of scripts/cluster.sh. The test database lives on the cluster (ACCORD_TEST_DATABASE_URL is
// HAProxy's read-write port); DATABASE_READ_URL is HAProxy's read-only port, which balances over both replicas.
// Replay is paused on both with pg_wal_replay_pause(): they still receive and flush the WAL (the synchronous
// standby acknowledges commits), but show nothing written since. Patroni resumes a paused replay on its next loop
// (PostgreSQL 14+ pauses by itself on some parameter changes), except in maintenance mode: the cluster is put in
// it (patronictl pause) for the test's duration.

const base = Number(process.env.ACCORD_CLUSTER_PORT || 15400);
const readOnlyUrl = `postgres://postgres@127.0.0.1:${base + 3}/postgres`;
const clusterDir = process.env.ACCORD_CLUSTER_DIR || "/tmp/accord-cluster";
const patronictl = (...args: string[]) =>
  execFileSync("patronictl", ["-c", path.join(clusterDir, "node1.yml"), ...args], { stdio: "pipe" });
const nodeUrl = (node: number, database: string) =>
  `postgres://postgres@127.0.0.1:${base + 10 + node}/${database}`;

let t: TestApp;
let writer: Agent;
let bystander: Agent;
let nationId: string;
let replicas: pg.Client[] = [];

async function onReplicas<T>(statement: string): Promise<T[]> {
  return Promise.all(replicas.map(async (client) => (await client.query(statement)).rows[0] as T));
}

/** Waits until every replica has replayed what the leader has written by now. */
async function replicasCaughtUp() {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(t.db);
  const target = rows[0]!.lsn;
  for (let attempt = 0; attempt < 200; attempt++) {
    const behind = await onReplicas<{ ok: boolean }>(`select pg_last_wal_replay_lsn() >= '${target}' as ok`);
    if (behind.every((row) => row.ok)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`replicas did not replay ${target}`);
}

const pause = async (paused: boolean) => {
  if (paused) patronictl("pause", "--wait");
  await onReplicas(paused ? "select pg_wal_replay_pause()" : "select pg_wal_replay_resume()");
  if (!paused) {
    patronictl("resume", "--wait");
    return;
  }
  // A pause takes effect at the next record replayed; until then the state is 'pause requested'.
  for (let attempt = 0; attempt < 100; attempt++) {
    const states = await onReplicas<{ state: string }>("select pg_get_wal_replay_pause_state() as state");
    if (states.every((row) => row.state === "paused")) return;
    await sql`select pg_current_wal_lsn()`.execute(t.db);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("replay did not pause");
};

beforeAll(async () => {
  if (inject("pgKind") !== "server") throw new Error("run the cluster project with ACCORD_TEST_PG=server");
  if (!inject("pgAdminUrl").includes(`:${base + 2}/`))
    throw new Error(
      `set ACCORD_TEST_DATABASE_URL to the cluster's read-write port ${base + 2} (scripts/test-cluster.sh)`,
    );
  t = await createTestApp({}, { readReplica: { url: readOnlyUrl } });
  for (const node of [1, 2, 3]) {
    const client = new pg.Client({ connectionString: nodeUrl(node, "postgres") });
    client.on("error", () => {});
    await client.connect();
    if ((await client.query("select pg_is_in_recovery() as r")).rows[0].r) replicas.push(client);
    else await client.end();
  }
  expect(replicas).toHaveLength(2);
  const admin = await t.signIn({ role: "administrator" });
  const nation = await admin.post("/api/nations", {
    code: "QRW",
    nameEn: "Replica",
    nameAz: "Replica",
    nameRu: "Replica",
    nonIsoCode: true,
  });
  expect(nation.status).toBe(201);
  nationId = nation.body.id;
  writer = await t.signIn({ role: "administrator" });
  bystander = await t.signIn({ role: "administrator" });
  await replicasCaughtUp();
});

afterAll(async () => {
  await pause(false).catch(() => {});
  await Promise.all(replicas.map((client) => client.end().catch(() => {})));
  replicas = [];
  await t?.close();
});

describe("read-your-writes through replicas whose replay is paused", () => {
  it("a client that writes then reads at once always sees its write; another client sees the older state", async () => {
    await pause(true);
    const created: string[] = [];
    try {
      for (let n = 0; n < 12; n++) {
        const familyName = `Lagging${n}x${Date.now()}`;
        const write = await writer.post("/api/people", { givenName: "Read", familyName, nationId });
        expect(write.status).toBe(201);
        created.push(write.body.id);
        const mine = await writer.get(`/api/people/${write.body.id}`);
        expect(mine.status, `read ${n} of its own write`).toBe(200);
        expect(mine.body.familyName).toBe(familyName);
        expect(mine.headers["x-accord-read"]).toBe("leader");
        const list = await writer.get(`/api/people?q=${familyName}`);
        expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([write.body.id]);
        // The bystander never wrote: it reads a replica, which has not replayed the write.
        const theirs = await bystander.get(`/api/people/${write.body.id}`);
        expect(theirs.headers["x-accord-read"], `the bystander's read ${n}`).toBe("replica");
        expect(theirs.status, `the bystander's read ${n}`).toBe(404);
      }
      const paused = await onReplicas<{ paused: boolean }>(
        "select pg_get_wal_replay_pause_state() = 'paused' as paused",
      );
      expect(paused.every((row) => row.paused)).toBe(true);
    } finally {
      await pause(false);
    }
    // Replay resumed: once the replicas hold the writes, both clients read them there.
    await replicasCaughtUp();
    for (const id of created) {
      const mine = await writer.get(`/api/people/${id}`);
      expect(mine.status).toBe(200);
      expect(mine.headers["x-accord-read"]).toBe("replica");
      const theirs = await bystander.get(`/api/people/${id}`);
      expect(theirs.status).toBe(200);
      expect(theirs.headers["x-accord-read"]).toBe("replica");
    }
  });
});
