import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Config } from "../config.js";
import { type EmbeddedServer, startEmbeddedPostgres } from "./embedded-postgres.js";
import { type PreparingOptions, preparingPool } from "./prepared.js";
import { type ConnectablePool, routingPool } from "./read-routing.js";
import type { DB } from "./schema/index.js";

// Dates stay ISO strings (no time-zone shifts); bigint counts become numbers (they stay far below 2^53).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /**
   * With DATABASE_READ_URL: the handle read-only requests use, on the replicas' pool, falling back to the leader's
   * for a session whose last write the replica has not replayed (read-routing.ts).
   */
  readDb: Db | undefined;
  /** How Accord reached PostgreSQL, for logs: "embedded" or the server's host. */
  kind: "embedded" | "server";
  embedded: EmbeddedServer | undefined;
  close(): Promise<void>;
}

export type Logger = (level: "info" | "warn" | "debug", message: string) => void;

export function createKysely(pool: ConnectablePool, options: PreparingOptions = {}): Db {
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: preparingPool(pool, options) }),
    plugins: [new CamelCasePlugin()],
  });
}

export function createPool(connectionString: string, max = 20): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    idleTimeoutMillis: 30_000,
    // Recycled now and then, which also drops the statements they prepared (prepared.ts).
    maxLifetimeSeconds: 900,
    application_name: "accord",
    // A server that does not answer (a failover in progress, a host that is down) fails the request with 503
    // after this long rather than holding it; also the longest wait for a free connection of the pool.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  return withErrorListeners(pool);
}

/**
 * A connection whose backend is terminated (pg_terminate_backend, a restart, an idle-session timeout) emits 'error'
 * on its client; with no listener that event would end the process. Idle clients are also covered by the pool's own
 * listener, which drops them; a checked-out client reports the loss to its query in flight (or its next one), which
 * rejects and is answered 503, and the pool discards the client when it is released. Applied to every pool Accord
 * makes, and to any pool handed to the job queue (migrate, the worker), which otherwise installs listeners of its
 * own only for as long as it uses the pool ("Your pool doesn't have error handlers!").
 */
export function withErrorListeners(pool: pg.Pool): pg.Pool {
  if (pool.listeners("connect").length === 0)
    pool.on("connect", (client) => {
      client.on("error", () => {});
    });
  if (pool.listeners("error").length === 0) pool.on("error", () => {});
  return pool;
}

/** Ends the pool once; Kysely's destroy() ends it only if Kysely itself ever ran a query on it. */
export async function closePool(db: Db, pool: pg.Pool): Promise<void> {
  await db.destroy();
  if (!pool.ending) await pool.end();
}

/** Creates the database on the server of `adminUrl` when it does not exist. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL in the data directory. */
export async function openDatabase(
  config: Config,
  log: Logger,
  poolSize = 20,
  options: { onEmbeddedGiveUp?: (error: Error) => void } = {},
): Promise<Database> {
  let embedded: EmbeddedServer | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      log,
      ...(options.onEmbeddedGiveUp ? { onGiveUp: options.onEmbeddedGiveUp } : {}),
    });
    try {
      await ensureDatabase(embedded.adminUrl(), "accord");
    } catch (error) {
      await embedded.stop();
      throw error;
    }
    url = embedded.adminUrl("accord");
  }
  const pool = createPool(url, poolSize);
  const preparing: PreparingOptions = {
    prepare: config.databasePooler !== "transaction",
    onPoolerDetected: () =>
      log(
        "warn",
        "DATABASE_URL reaches a pooler in transaction mode (a prepared statement went missing): named prepared statements are off from now on; set DATABASE_POOLER=transaction",
      ),
  };
  const db = createKysely(pool, preparing);
  const readPool =
    config.databaseReadUrl && !embedded ? createPool(config.databaseReadUrl, poolSize) : undefined;
  const readDb = readPool ? createKysely(routingPool(readPool, pool), preparing) : undefined;
  let closed = false;
  return {
    db,
    pool,
    readDb,
    kind: embedded ? "embedded" : "server",
    embedded,
    async close() {
      if (closed) return;
      closed = true;
      if (readDb && readPool) await closePool(readDb, readPool);
      await closePool(db, pool);
      await embedded?.stop();
    },
  };
}
