import type { FastifyInstance, FastifyRequest } from "fastify";
import { ANONYMOUS } from "../../platform/access/viewer.js";
import { AppError } from "../../platform/errors.js";
import { hashToken, sessionCookieName, touchSession } from "./sessions.js";
import { loadSession } from "./viewer.queries.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TOUCH_AFTER_MS = 60_000;

/**
 * Resolves the viewer of every request from its session cookie, then guards state-changing requests with the
 * session's CSRF token. Access itself is decided later, by the policy, in the services.
 */
export function registerAuthHooks(app: FastifyInstance): void {
  app.decorateRequest("viewer", null as unknown as typeof ANONYMOUS);
  app.decorateRequest("session", null);

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
    if (Date.now() - loaded.lastSeenAt.getTime() > TOUCH_AFTER_MS) await touchSession(db, tokenHash);
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
