import { routeTable } from "../../platform/http/route-table.js";
import { created, ok, Page } from "../../platform/http/schemas.js";
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

  const user = route.records("/api/admin/users");
  user.list("Search user accounts", { query: UserQuery, response: ok(Page(AdminUser)) }, service.listUsers);
  user.get({ response: ok(AdminUserDetail) }, service.getUser);
  user.create(
    "Create an account with a temporary password, to be changed at first sign-in",
    { body: UserInput, response: created(AdminUserDetail) },
    service.createUser,
  );
  user.update(
    "Change the display name, person link or language; disable or enable the account",
    { body: UserPatch, response: ok(AdminUserDetail) },
    service.updateUser,
  );
  user.post(
    "password",
    {
      summary:
        "Set a temporary password; the user must change it at next sign-in; sessions and calendar feed tokens end",
      body: PasswordReset,
      response: ok(AdminUserDetail),
    },
    service.resetPassword,
  );
  user.post(
    "revoke-sessions",
    { summary: "End every session and calendar feed token of the user", response: ok(RevokedSessions) },
    service.revokeSessions,
  );
  user.post(
    "roles",
    { summary: "Grant a role with its scope", body: GrantInput, response: created(AdminUserDetail) },
    service.grantRole,
  );
  route.delete(
    "/api/admin/users/:id/roles/:grantId",
    "Revoke a role assignment",
    { params: GrantParams, response: ok(AdminUserDetail) },
    (ctx, { params }) => service.revokeRole(ctx, params.id, params.grantId),
  );
};
