import { createHash } from "node:crypto";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import { classifyDatabaseError, DatabaseUnavailableError, isConnectionLoss } from "./connection-errors.js";
import type { ConnectablePool } from "./read-routing.js";

/**
 * Every statement Kysely sends becomes a named prepared statement of its connection, so PostgreSQL parses it
 * once per connection and, once a generic plan proves as cheap as custom ones (plan_cache_mode auto), stops
 * planning it too. Accord's statements are few and fixed in shape but large (visibility rules, recursive
 * organisation trees): on the benchmark data set parsing and planning cost several times their execution
 * (a session lookup 1.2 ms unnamed, 0.26 ms prepared; a nomination's checks 4.2 ms, 0.6 ms).
 *
 * A statement that starts with PLANNED_EACH_TIME goes unnamed: PostgreSQL plans it for its parameters at every call.
 * For a statement whose best plan depends on its values (one nation or fifty, ten years or one) a generic plan can
 * be far worse than a custom one while its estimate looks no dearer: the nation dashboard's participation counts
 * took 430 ms under the generic plan and 54 ms planned for one nation (full benchmark set, docs/performance.md).
 *
 * A connection prepares at most PREPARED_PER_CONNECTION statements; beyond that, statements go unnamed, so
 * statements whose text varies with their input cannot grow a backend's memory without bound. Connections are
 * also recycled by the pool (maxLifetimeSeconds), which drops their prepared statements.
 */
const PREPARED_PER_CONNECTION = 500;
export const PLANNED_EACH_TIME = "/* planned each time */";
const NAMES_KEPT = 5000;

const names = new Map<string, string>();
const preparedCount = new WeakMap<pg.PoolClient, number>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `k${createHash("sha1").update(text).digest("base64url")}`;
    if (names.size >= NAMES_KEPT) names.clear();
    names.set(text, name);
  }
  return name;
}

function prepares(client: pg.PoolClient, name: string): boolean {
  const connection = (client as unknown as { connection?: { parsedStatements?: Record<string, string> } })
    .connection;
  if (connection?.parsedStatements?.[name] !== undefined) return true;
  const count = preparedCount.get(client) ?? 0;
  if (count >= PREPARED_PER_CONNECTION) return false;
  preparedCount.set(client, count + 1);
  return true;
}

const rethrow = (error: unknown): never => {
  throw classifyDatabaseError(error);
};

/**
 * A pooler in transaction mode (PgBouncer before 1.21) hands each transaction whichever server connection is free,
 * so a statement prepared on one is missing on the next (26000) or already there under its name (42P05).
 */
export function isPoolerPreparedError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    typeof message === "string" &&
    /prepared statement "k[\w-]+"/.test(message) &&
    (code === "26000" || code === "42P05")
  );
}

export interface PreparingOptions {
  /** Name statements (default). Off behind a transaction-mode pooler (DATABASE_POOLER=transaction). */
  prepare?: boolean;
  /** Told once when a pooler's prepared-statement error turned naming off for this pool. */
  onPoolerDetected?: () => void;
}

/**
 * A lost connection (terminated backend, restarted server) surfaces as a DatabaseUnavailableError, which the
 * error handler answers with 503 and Retry-After. The pool's clients carry an error listener of their own
 * (createPool), so a connection that dies while checked out never crashes the process.
 */
export function preparingPool(pool: ConnectablePool, options: PreparingOptions = {}): PostgresPool {
  let prepare = options.prepare ?? true;
  // Detected without the setting: from then on this pool sends unnamed statements only, which any pooler passes.
  const detected = () => {
    if (prepare) options.onPoolerDetected?.();
    prepare = false;
  };
  const failed = (error: unknown): never => {
    if (isConnectionLoss(error)) throw classifyDatabaseError(error);
    if (isPoolerPreparedError(error)) {
      // Inside a transaction the failed statement aborted it: 503, and the client retries.
      detected();
      throw new DatabaseUnavailableError(error);
    }
    throw classifyDatabaseError(error);
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect().catch(rethrow);
      let inTransaction = false;
      // A connection that met a loss is destroyed on release, not pooled: after a failover it may still reach the
      // old leader, now a standby (25006), until the proxy cuts it.
      let lost = false;
      const watch = <T>(promise: Promise<T>): Promise<T> =>
        promise.catch((error: unknown) => {
          if (isConnectionLoss(error)) lost = true;
          throw error;
        });
      return {
        query: ((statement: unknown, parameters?: ReadonlyArray<unknown>) => {
          if (typeof statement !== "string") return watch(client.query(statement as never));
          const values = parameters ? [...parameters] : [];
          const unnamed = () => client.query(statement, values);
          // Transaction control gains nothing from a name, and must never meet a pooler's missing name.
          if (BEGINS.test(statement)) inTransaction = true;
          else if (ENDS.test(statement)) inTransaction = false;
          else if (prepare && !statement.startsWith(PLANNED_EACH_TIME)) {
            const name = nameOf(statement);
            if (prepares(client, name))
              return watch(client.query({ name, text: statement, values })).catch((error: unknown) => {
                // The statement never ran (its name was missing or taken): outside a transaction it is sent
                // again, unnamed, and the caller sees nothing of the pooler.
                if (!inTransaction && isPoolerPreparedError(error)) {
                  detected();
                  return watch(unnamed()).catch(failed);
                }
                return failed(error);
              });
          }
          return watch(unnamed()).catch(failed);
        }) as unknown as PostgresPoolClient["query"],
        release: () => client.release(lost || undefined),
      };
    },
    end: () => pool.end(),
  };
}

const BEGINS = /^\s*(begin|start\s+transaction)\b/i;
const ENDS = /^\s*(commit|rollback|end|abort)\s*;?\s*$/i;
