import type { FastifyRequest } from "fastify";
import type { Transaction } from "kysely";
import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";
import type { DB } from "../../db/schema/index.js";
import type { Viewer } from "../access/viewer.js";

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    viewer: Viewer;
    /** Hash of the session token and its CSRF token, when the request carries a live session. */
    session: { tokenHash: string; csrfToken: string } | null;
  }
  interface FastifyContextConfig {
    /** The route may be called by a user who still has to change a temporary password. */
    allowDuringPasswordChange?: boolean;
    /** State-changing route that needs no session and therefore no CSRF token (login, public verification). */
    csrfExempt?: boolean;
    /**
     * A GET that writes (fills a cache table, signs a first head): with replicas (DATABASE_READ_URL) it still runs on
     * the leader, as a replica refuses writes.
     */
    readsLeader?: boolean;
  }
}

export interface AppDeps {
  db: Db;
  /** Read-only requests' handle on the replicas (DATABASE_READ_URL; db/read-routing.ts), when there are replicas. */
  readDb?: Db | undefined;
  config: Config;
}

const READ_METHODS = new Set(["GET", "HEAD"]);

/** With replicas, requests that change nothing (GET, HEAD; not a route marked `readsLeader`) read through them. */
export const readsReplicas = (request: FastifyRequest): boolean =>
  !!request.server.deps.readDb &&
  READ_METHODS.has(request.method) &&
  !request.routeOptions.config?.readsLeader;

/** What a service method needs to know about the call: the database, who asks, and the request id for the audit. */
export interface Ctx {
  db: Db;
  viewer: Viewer;
  requestId: string | null;
  config: Config;
}

export const ctxOf = (request: FastifyRequest): Ctx => ({
  db: (readsReplicas(request) && request.server.deps.readDb) || request.server.deps.db,
  viewer: request.viewer,
  requestId: request.id,
  config: request.server.deps.config,
});

/**
 * Runs `fn` in the call's transaction when `ctx.db` already is one (an import writes all of its records in one),
 * else in a new transaction: a service's write thus serves both the one-record API and a bulk import.
 */
export function inTransaction<T>(ctx: Ctx, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return ctx.db.isTransaction ? fn(ctx.db as Transaction<DB>) : ctx.db.transaction().execute(fn);
}
