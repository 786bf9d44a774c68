import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import { isConnectionLoss } from "./connection-errors.js";

/**
 * Reads on replicas with read-your-writes (issue 24, item 3). With DATABASE_READ_URL set, a read-only request
 * (GET, HEAD) runs its statements on connections of the replicas' pool; a session that has written remembers the
 * leader's WAL position after its last write's commit in its own row (`user_session.written_lsn`, recorded before
 * the write's answer is sent), so every instance knows it. A connection of such a request is taken from the
 * replicas only when its server has replayed that position (`pg_last_wal_replay_lsn()`), else from the leader's
 * pool. The check is made per connection, not once per request: behind HAProxy's read-only port each connection
 * may reach another replica, each at its own point of replay.
 */
export interface ReadNeed {
  /** The WAL position (`X/Y`) the session's last write committed by; null when it has not written. */
  lsn: string | null;
  /** A statement of the request ran on the leader because no replica had replayed `lsn` (or none answered). */
  leaderUsed: boolean;
  replicaUsed: boolean;
}

/** The read need of the request in whose asynchronous context a connection is asked for. */
export const readNeeds = new AsyncLocalStorage<ReadNeed>();

/** A pg_lsn's text (`16/B374D848`) as a number: the high and low 32 bits of the 64-bit WAL position. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!match) throw new Error(`not a WAL position: "${text}"`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** Whether a server that has replayed (or, as a leader, written) up to `replayed` holds the write of `needed`. */
export function hasReplayed(replayed: string | bigint | null | undefined, needed: string | null): boolean {
  if (!needed) return true;
  if (replayed === null || replayed === undefined) return false;
  return (typeof replayed === "bigint" ? replayed : parseLsn(replayed)) >= parseLsn(needed);
}

/**
 * How far a server has replayed: a standby's replay position, or a server in no recovery (the leader itself, or
 * DATABASE_READ_URL naming the same server) its own written WAL, which holds every commit it acknowledged.
 */
export const REPLAYED_SQL = `select (case when pg_is_in_recovery() then pg_last_wal_replay_lsn()
  else pg_current_wal_lsn() end)::text as lsn`;

/** A pool's face as preparingPool (prepared.ts) uses it. */
export interface ConnectablePool {
  connect(): Promise<pg.PoolClient>;
  end(): Promise<void>;
}

/**
 * The read pool: connections of `replicas`, or of `leader` for a request whose session's write a replica's
 * connection has not replayed yet. What each connection's server was seen to have replayed is kept with the
 * connection (replay only moves forward on one connection's server), so a session that wrote long ago costs no
 * extra statement; a new write costs one `select` per connection until that connection has caught up. A request
 * outside any read need (jobs, the CLI) reads the replicas as they are. Replicas that cannot be reached leave the
 * reads to the leader rather than failing them.
 */
export function routingPool(replicas: pg.Pool, leader: pg.Pool): ConnectablePool {
  const seen = new WeakMap<pg.PoolClient, bigint>();
  const fromLeader = (need: ReadNeed | undefined) => {
    if (need) need.leaderUsed = true;
    return leader.connect();
  };
  return {
    async connect() {
      const need = readNeeds.getStore();
      let client: pg.PoolClient;
      try {
        client = await replicas.connect();
      } catch (error) {
        if (isConnectionLoss(error)) return fromLeader(need);
        throw error;
      }
      if (need?.lsn && !hasReplayed(seen.get(client), need.lsn)) {
        let replayed: bigint | undefined;
        try {
          const { rows } = await client.query<{ lsn: string | null }>(REPLAYED_SQL);
          replayed = rows[0]?.lsn ? parseLsn(rows[0].lsn) : undefined;
        } catch (error) {
          client.release(true);
          if (isConnectionLoss(error)) return fromLeader(need);
          throw error;
        }
        if (replayed !== undefined) seen.set(client, replayed);
        if (!hasReplayed(replayed, need.lsn)) {
          client.release();
          return fromLeader(need);
        }
      }
      if (need) need.replicaUsed = true;
      return client;
    },
    async end() {
      if (!replicas.ending) await replicas.end();
    },
  };
}
