import { ctxOf } from "../../platform/http/request-context.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  AdminUser,
  AdminUserDetail,
  GrantInput,
  GrantParams,
  PasswordReset,
  RevokedSessions,
  UserInput,
  UserPatch,
  UserQuery,
} from "./admin.schemas.js";
import * as service from "./admin.service.js";

/** User and role administration. Every write is audited; the policy allows it to administrators only. */
export const adminRoutes: RoutesPlugin = async (app) => {
  const tags = ["administration: users and roles"];

  app.get(
    "/api/admin/users",
    {
      schema: {
        tags,
        summary: "Search user accounts",
        querystring: UserQuery,
        response: ok(Page(AdminUser)),
      },
    },
    async (request) => service.listUsers(ctxOf(request), request.query),
  );
  app.get(
    "/api/admin/users/:id",
    { schema: { tags, params: IdParams, response: ok(AdminUserDetail) } },
    async (request) => service.getUser(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/admin/users",
    {
      schema: {
        tags,
        summary: "Create an account with a temporary password, to be changed at first sign-in",
        body: UserInput,
        response: created(AdminUserDetail),
      },
    },
    async (request, reply) => reply.status(201).send(await service.createUser(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/admin/users/:id",
    {
      schema: {
        tags,
        summary: "Change the display name, person link or language; disable or enable the account",
        params: IdParams,
        body: UserPatch,
        response: ok(AdminUserDetail),
      },
    },
    async (request) => service.updateUser(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/admin/users/:id/password",
    {
      schema: {
        tags,
        summary:
          "Set a temporary password; the user must change it at next sign-in; sessions and calendar feed tokens end",
        params: IdParams,
        body: PasswordReset,
        response: ok(AdminUserDetail),
      },
    },
    async (request) => service.resetPassword(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/admin/users/:id/revoke-sessions",
    {
      schema: {
        tags,
        summary: "End every session and calendar feed token of the user",
        params: IdParams,
        response: ok(RevokedSessions),
      },
    },
    async (request) => service.revokeSessions(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/admin/users/:id/roles",
    {
      schema: {
        tags,
        summary: "Grant a role with its scope",
        params: IdParams,
        body: GrantInput,
        response: created(AdminUserDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.grantRole(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/admin/users/:id/roles/:grantId",
    {
      schema: {
        tags,
        summary: "Revoke a role assignment",
        params: GrantParams,
        response: ok(AdminUserDetail),
      },
    },
    async (request) => {
      const params = request.params as { id: string; grantId: string };
      return service.revokeRole(ctxOf(request), params.id, params.grantId);
    },
  );
};
