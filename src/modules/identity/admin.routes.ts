import { routeTable } from "../../platform/http/route-table.js";
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
  const route = routeTable(app, ["administration: users and roles"]);

  route.get(
    "/api/admin/users",
    "Search user accounts",
    { query: UserQuery, response: ok(Page(AdminUser)) },
    (ctx, { query }) => service.listUsers(ctx, query),
  );
  route.get("/api/admin/users/:id", { params: IdParams, response: ok(AdminUserDetail) }, (ctx, { params }) =>
    service.getUser(ctx, params.id),
  );
  route.post(
    "/api/admin/users",
    "Create an account with a temporary password, to be changed at first sign-in",
    { body: UserInput, response: created(AdminUserDetail) },
    (ctx, { body }) => service.createUser(ctx, body),
  );
  route.patch(
    "/api/admin/users/:id",
    "Change the display name, person link or language; disable or enable the account",
    { params: IdParams, body: UserPatch, response: ok(AdminUserDetail) },
    (ctx, { params, body }) => service.updateUser(ctx, params.id, body),
  );
  route.post(
    "/api/admin/users/:id/password",
    "Set a temporary password; the user must change it at next sign-in; sessions and calendar feed tokens end",
    { params: IdParams, body: PasswordReset, response: ok(AdminUserDetail) },
    (ctx, { params, body }) => service.resetPassword(ctx, params.id, body),
  );
  route.post(
    "/api/admin/users/:id/revoke-sessions",
    "End every session and calendar feed token of the user",
    { params: IdParams, response: ok(RevokedSessions) },
    (ctx, { params }) => service.revokeSessions(ctx, params.id),
  );
  route.post(
    "/api/admin/users/:id/roles",
    "Grant a role with its scope",
    { params: IdParams, body: GrantInput, response: created(AdminUserDetail) },
    (ctx, { params, body }) => service.grantRole(ctx, params.id, body),
  );
  route.delete(
    "/api/admin/users/:id/roles/:grantId",
    "Revoke a role assignment",
    { params: GrantParams, response: ok(AdminUserDetail) },
    (ctx, { params }) => service.revokeRole(ctx, params.id, params.grantId),
  );
};
