import type pg from "pg";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { hasReplayed, parseLsn, type ReadNeed, readNeeds, routingPool } from "./read-routing.js";

describe("WAL positions", () => {
  it("reads pg_lsn text as a 64-bit position and compares across the 32-bit boundary", () => {
    expect(parseLsn("0/0")).toBe(0n);
    expect(parseLsn("16/B374D848")).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn("1/0") > parseLsn("0/FFFFFFFF")).toBe(true);
    expect(() => parseLsn("16-B374D848")).toThrow(/not a WAL position/);
  });

  it("holds a write once the server has replayed its position, not a byte before", () => {
    expect(hasReplayed("0/3000148", "0/3000148")).toBe(true);
    expect(hasReplayed("0/3000149", "0/3000148")).toBe(true);
    expect(hasReplayed("0/3000147", "0/3000148")).toBe(false);
    expect(hasReplayed("1/0", "0/FFFFFFFF")).toBe(true);
    expect(hasReplayed("A/0", "B/0")).toBe(false);
    // A session that never wrote needs nothing; a replica that reports no replay position holds nothing.
    expect(hasReplayed(null, null)).toBe(true);
    expect(hasReplayed(null, "0/1")).toBe(false);
    expect(hasReplayed(undefined, "0/1")).toBe(false);
    expect(hasReplayed(parseLsn("0/10"), "0/F")).toBe(true);
  });

  it("reads DATABASE_READ_URL, absent by default", () => {
    expect(loadConfig({}).databaseReadUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_READ_URL: "postgres://h:5433/accord" }).databaseReadUrl).toBe(
      "postgres://h:5433/accord",
    );
  });
});

/** A pool of fake connections whose server has replayed up to `replayed` (null: the statement fails). */
function fakePool(name: string, replayed: () => string | null | Error) {
  const log: string[] = [];
  let serial = 0;
  const pool = {
    ending: false,
    async connect() {
      const replay = replayed();
      if (replay instanceof Error) throw replay;
      const id = `${name}${++serial}`;
      log.push(`connect ${id}`);
      return {
        id,
        async query() {
          log.push(`replay? ${id}`);
          return { rows: [{ lsn: replay }] };
        },
        release(destroy?: boolean) {
          log.push(`release ${id}${destroy ? " destroyed" : ""}`);
        },
      } as unknown as pg.PoolClient;
    },
    async end() {},
  };
  return { pool: pool as unknown as pg.Pool, log };
}

/** One connection whose server has replayed `lsn`, noting each time it is asked. */
const countingClient = (lsn: string, calls: string[]) =>
  ({
    async query() {
      calls.push("replay?");
      return { rows: [{ lsn }] };
    },
    release() {},
  }) as unknown as pg.PoolClient;

const within = <T>(lsn: string | null, fn: (need: ReadNeed) => Promise<T>) => {
  const need: ReadNeed = { lsn, leaderUsed: false, replicaUsed: false };
  return readNeeds.run(need, () => fn(need));
};
const idOf = (client: pg.PoolClient) => (client as unknown as { id: string }).id;

describe("the read pool", () => {
  it("serves a session that never wrote from a replica without asking how far it replayed", async () => {
    const replicas = fakePool("replica", () => "0/100");
    const leader = fakePool("leader", () => "0/100");
    const pool = routingPool(replicas.pool, leader.pool);
    const client = await within(null, async (need) => {
      const client = await pool.connect();
      expect(need).toMatchObject({ leaderUsed: false, replicaUsed: true });
      return client;
    });
    expect(idOf(client)).toBe("replica1");
    expect(replicas.log).toEqual(["connect replica1"]);
  });

  it("serves a session from the replica once the replica has replayed its write, else from the leader", async () => {
    let replayed = "0/3000100";
    const replicas = fakePool("replica", () => replayed);
    const leader = fakePool("leader", () => "0/3000200");
    const pool = routingPool(replicas.pool, leader.pool);
    await within("0/3000148", async (need) => {
      expect(idOf(await pool.connect())).toBe("leader1");
      expect(need.leaderUsed).toBe(true);
    });
    expect(replicas.log).toEqual(["connect replica1", "replay? replica1", "release replica1"]);
    replayed = "0/3000148";
    await within("0/3000148", async (need) => {
      expect(idOf(await pool.connect())).toBe("replica2");
      expect(need).toMatchObject({ leaderUsed: false, replicaUsed: true });
    });
  });

  it("asks a connection's server once: what it has replayed stays replayed", async () => {
    // One connection handed out again and again, as a pool does with an idle one.
    const calls: string[] = [];
    const client = countingClient("0/500", calls);
    const replicas = {
      ending: false,
      connect: async () => client,
      end: async () => {},
    } as unknown as pg.Pool;
    const pool = routingPool(replicas, fakePool("leader", () => "0/500").pool);
    for (const lsn of ["0/400", "0/480", "0/500", "0/300"]) await within(lsn, () => pool.connect());
    expect(calls).toEqual(["replay?"]);
    await within("0/501", () => pool.connect());
    expect(calls).toEqual(["replay?", "replay?"]);
  });

  it("reads from the leader when no replica answers, or one reports no replay position", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:15403"), {
      code: "ECONNREFUSED",
    });
    const down = routingPool(fakePool("replica", () => refused).pool, fakePool("leader", () => null).pool);
    expect(idOf(await within(null, () => down.connect()))).toBe("leader1");
    const blank = routingPool(fakePool("replica", () => null).pool, fakePool("leader", () => null).pool);
    expect(idOf(await within("0/1", () => blank.connect()))).toBe("leader1");
  });

  it("reads the replicas as they are outside a request (no read need)", async () => {
    const pool = routingPool(fakePool("replica", () => "0/1").pool, fakePool("leader", () => "0/9").pool);
    expect(idOf(await pool.connect())).toBe("replica1");
  });
});
