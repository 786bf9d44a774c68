import { createHash } from "node:crypto";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";
import { classifyDatabaseError } from "./connection-errors.js";

/**
 * Every statement Kysely sends becomes a named prepared statement of its connection, so PostgreSQL parses it
 * once per connection and, once a generic plan proves as cheap as custom ones (plan_cache_mode auto), stops
 * planning it too. Accord's statements are few and fixed in shape but large (visibility rules, recursive
 * organisation trees): on the benchmark data set parsing and planning cost several times their execution
 * (a session lookup 1.2 ms unnamed, 0.26 ms prepared; a nomination's checks 4.2 ms, 0.6 ms).
 *
 * A connection prepares at most PREPARED_PER_CONNECTION statements; beyond that, statements go unnamed, so
 * statements whose text varies with their input cannot grow a backend's memory without bound. Connections are
 * also recycled by the pool (maxLifetimeSeconds), which drops their prepared statements.
 */
const PREPARED_PER_CONNECTION = 500;
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
 * A lost connection (terminated backend, restarted server) surfaces as a DatabaseUnavailableError, which the
 * error handler answers with 503 and Retry-After. The pool's clients carry an error listener of their own
 * (createPool), so a connection that dies while checked out never crashes the process.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect().catch(rethrow);
      return {
        query: ((statement: unknown, parameters?: ReadonlyArray<unknown>) => {
          if (typeof statement !== "string") return client.query(statement as never);
          const name = nameOf(statement);
          const values = parameters ? [...parameters] : [];
          return (
            prepares(client, name)
              ? client.query({ name, text: statement, values })
              : client.query(statement, values)
          ).catch(rethrow);
        }) as unknown as PostgresPoolClient["query"],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}
