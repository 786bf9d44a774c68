import type { FastifyInstance, FastifyRequest } from "fastify";
import { readNeeds } from "../../db/read-routing.js";
import { ANONYMOUS } from "../../platform/access/viewer.js";
import { loadSession } from "../../platform/access/viewer.queries.js";
import { AppError } from "../../platform/errors.js";
import { readsReplicas } from "../../platform/http/request-context.js";
import { hashToken, recordSessionWrite, sessionCookieName, touchSession } from "./sessions.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TOUCH_AFTER_MS = 60_000;

/**
 * Resolves the viewer of every request from its session cookie, then guards state-changing requests with the
 * session's CSRF token. Access itself is decided later, by the policy, in the services.
 */
export function registerAuthHooks(app: FastifyInstance): void {
  app.decorateRequest("viewer", null as unknown as typeof ANONYMOUS);
  app.decorateRequest("session", null);

  // With replicas (DATABASE_READ_URL), a read-only request runs in a read need: the connections its statements
  // take see the session's last write (db/read-routing.ts). Callback style, so the handler runs inside it.
  app.addHook("onRequest", (request, _reply, done) => {
    if (!readsReplicas(request)) return done();
    readNeeds.run({ lsn: null, leaderUsed: false, replicaUsed: false }, done);
  });

  app.addHook("onRequest", async (request) => {
    request.viewer = ANONYMOUS;
    request.session = null;
    const { db, config } = request.server.deps;
    const token = request.cookies[sessionCookieName(config)];
    if (!token || token.length > 200) return;
    const tokenHash = hashToken(token);
    const loaded = await loadSession(db, tokenHash, config.sessionIdleMinutes);
    if (!loaded) return;
    request.viewer = loaded.viewer;
    request.session = { tokenHash, csrfToken: loaded.csrfToken };
    const need = readNeeds.getStore();
    if (need) need.lsn = loaded.writtenLsn;
    if (Date.now() - loaded.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(db, tokenHash);
  });

  // Before a write's answer leaves, the session's row learns how far the leader's WAL reached: its next read, on
  // any instance, goes to a replica only once that replica has replayed the write. A read says where it read.
  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.server.deps.readDb) return payload;
    const need = readNeeds.getStore();
    if (need) reply.header("x-accord-read", need.leaderUsed ? "leader" : "replica");
    else if (request.session && !SAFE_METHODS.has(request.method) && reply.statusCode < 400) {
      try {
        await recordSessionWrite(request.server.deps.db, request.session.tokenHash);
      } catch (error) {
        // The write itself committed: its answer stands. Only an immediate read may then miss it on a replica.
        request.log.warn(
          { err: error },
          "could not record the session's write position for read-your-writes",
        );
      }
    }
    return payload;
  });

  app.addHook("preHandler", async (request: FastifyRequest) => {
    const config = request.routeOptions.config;
    if (!SAFE_METHODS.has(request.method) && !config?.csrfExempt) {
      if (request.session) {
        const sent = request.headers["x-csrf-token"];
        if (sent !== request.session.csrfToken) {
          throw new AppError(
            "CSRF_REJECTED",
            "The request lacks a valid x-csrf-token header; reload the page",
          );
        }
      }
    }
    // The matched route, never the raw URL: `/%61pi/nations` is routed to `/api/nations` but does not start with
    // `/api/`.
    if (
      request.viewer.mustChangePassword &&
      !config?.allowDuringPasswordChange &&
      request.routeOptions.url?.startsWith("/api/")
    ) {
      throw new AppError("PASSWORD_CHANGE_REQUIRED", "Change your temporary password before continuing");
    }
  });
}
