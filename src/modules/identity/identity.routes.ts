import type { FastifyRequest } from "fastify";
import { Type } from "typebox";
import { ROLES } from "../../platform/access/viewer.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses, Nullable, ok, Uuid } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { adminRoutes } from "./admin.routes.js";
import { changePassword, login, logout, logoutEverywhere, sessionUser } from "./identity.service.js";
import { beginOidcLogin, completeOidcLogin, OIDC_ATTEMPT_MINUTES } from "./oidc.js";
import {
  clearCookieOptions,
  cookieOptions,
  hashToken,
  oidcCookieName,
  sessionCookieName,
} from "./sessions.js";

const Grant = Type.Object({
  role: Type.Enum([...ROLES]),
  nationId: Nullable(Uuid),
  organisationId: Nullable(Uuid),
});

export const SessionUserSchema = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  personId: Nullable(Uuid),
  preferredLanguage: Type.String(),
  mustChangePassword: Type.Boolean(),
  grants: Type.Array(Grant),
});

const SessionResponse = Type.Object({
  user: Nullable(SessionUserSchema),
  csrfToken: Nullable(Type.String()),
  singleSignOn: Type.Optional(
    Type.Boolean({ description: "Sign-in through the OpenID Connect provider is offered" }),
  ),
});

const Redirect = Type.Null({ description: "Redirect (Location header)" });

const Ok = Type.Object({ ok: Type.Boolean() });

const tokenHashOf = (request: FastifyRequest) => {
  const token = request.cookies[sessionCookieName(request.server.deps.config)];
  return token && token.length <= 200 ? hashToken(token) : undefined;
};

export const identityRoutes: RoutesPlugin = async (app) => {
  const tags = ["auth"];

  app.get(
    "/api/auth/session",
    {
      config: { allowDuringPasswordChange: true },
      schema: {
        tags,
        summary: "Who is signed in, and the CSRF token for writes",
        response: { 200: SessionResponse },
      },
    },
    async (request) => {
      const singleSignOn = !!request.server.deps.config.oidc;
      if (!request.viewer.userId || !request.session) return { user: null, csrfToken: null, singleSignOn };
      return {
        user: await sessionUser(ctxOf(request), request.viewer.userId),
        csrfToken: request.session.csrfToken,
        singleSignOn,
      };
    },
  );

  app.post(
    "/api/auth/login",
    {
      config: { csrfExempt: true, allowDuringPasswordChange: true },
      schema: {
        tags,
        summary:
          "Sign in with username and password; rotates the session. Repeated failures of a username from one " +
          "address back off (429 with Retry-After), alike for existing and unknown usernames",
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 100 }),
            password: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: SessionResponse, ...errorResponses, 429: errorResponses[401] },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const session = await login(ctx, request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
        previousTokenHash: tokenHashOf(request),
      });
      reply.setCookie(sessionCookieName(ctx.config), session.token, cookieOptions(ctx.config));
      return { user: await sessionUser(ctx, session.userId), csrfToken: session.csrfToken };
    },
  );

  // Signing out of this session or of every one: the sessions end, then this client's cookie is cleared.
  const signOutRoute = (url: string, summary: string, end: (request: FastifyRequest) => Promise<unknown>) =>
    app.post(
      url,
      { config: { allowDuringPasswordChange: true }, schema: { tags, summary, response: ok(Ok) } },
      async (request, reply) => {
        await end(request);
        const { config } = request.server.deps;
        reply.clearCookie(sessionCookieName(config), clearCookieOptions(config));
        return { ok: true };
      },
    );
  signOutRoute("/api/auth/logout", "Sign out of this session", (request) =>
    logout(ctxOf(request), request.session?.tokenHash),
  );
  signOutRoute(
    "/api/auth/logout-everywhere",
    "Revoke every session and calendar feed token of the signed-in user",
    (request) => logoutEverywhere(ctxOf(request)),
  );

  app.post(
    "/api/auth/password",
    {
      config: { allowDuringPasswordChange: true },
      schema: {
        tags,
        summary:
          "Change the signed-in user's password; every session ends and this client gets a new session id and " +
          "CSRF token; calendar feed tokens are revoked",
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
            newPassword: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: ok(
          Type.Object({
            ok: Type.Boolean(),
            csrfToken: Type.String({ description: "The CSRF token of the new session" }),
          }),
        ),
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const session = await changePassword(ctx, request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
      });
      reply.setCookie(sessionCookieName(ctx.config), session.token, cookieOptions(ctx.config));
      return { ok: true, csrfToken: session.csrfToken };
    },
  );

  app.get(
    "/api/auth/oidc/login",
    {
      config: { allowDuringPasswordChange: true },
      schema: {
        tags,
        summary: "Start single sign-on: redirects to the OpenID Connect provider (404 when not configured)",
        querystring: Type.Object(
          { returnTo: Type.Optional(Type.String({ maxLength: 500, description: "A path on this site" })) },
          { additionalProperties: false },
        ),
        response: { 302: Redirect, ...errorResponses, 503: errorResponses[401] },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { url, browserBinding } = await beginOidcLogin(ctx, request.query.returnTo, request.ip);
      reply.setCookie(
        oidcCookieName(ctx.config),
        browserBinding,
        cookieOptions(ctx.config, OIDC_ATTEMPT_MINUTES * 60),
      );
      return reply.header("cache-control", "no-store").redirect(url.href, 302);
    },
  );

  app.get(
    "/api/auth/oidc/callback",
    {
      config: { allowDuringPasswordChange: true },
      schema: {
        tags,
        summary:
          "The provider returns here; signs in the Accord user whose username matches the configured claim",
        // The provider decides which parameters it sends back (code, state, iss, session_state, error, ...);
        // openid-client validates the whole response, so unknown parameters are let through to it.
        querystring: Type.Object(
          {
            code: Type.Optional(Type.String({ maxLength: 2000 })),
            state: Type.Optional(Type.String({ maxLength: 200 })),
            error: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: Type.String({ maxLength: 2000 }), maxProperties: 12 },
        ),
        response: { 302: Redirect, ...errorResponses, 429: errorResponses[401] },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      // Used or refused, the attempt's browser binding is spent.
      reply.clearCookie(oidcCookieName(ctx.config), clearCookieOptions(ctx.config));
      const session = await completeOidcLogin(
        ctx,
        request.query as Record<string, string | undefined>,
        request.cookies[oidcCookieName(ctx.config)],
        {
          ip: request.ip,
          userAgent: request.headers["user-agent"],
          previousTokenHash: tokenHashOf(request),
        },
      );
      reply.setCookie(sessionCookieName(ctx.config), session.token, cookieOptions(ctx.config));
      return reply.header("cache-control", "no-store").redirect(session.returnTo, 302);
    },
  );

  await app.register(adminRoutes);
};
