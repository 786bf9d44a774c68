import { sql } from "kysely";
import { hashPassword } from "../../../src/modules/identity/passwords.js";
import {
  type AccessEntry,
  ADMINISTRATORS,
  ADMINISTRATORS_AND_AUDITORS,
  access,
  type MatrixContext,
  PUBLIC,
  SIGNED_IN,
} from "../matrix.js";

const NOBODY = access({ others: "deny" });

/** The password of every account the matrix creates for itself. */
const MATRIX_PASSWORD = "matrix-passphrase-2026";
let passwordHash: Promise<string> | undefined;

/** A user to act upon (not the caller), holding one participant role. */
async function targetUser(ctx: MatrixContext) {
  passwordHash ??= hashPassword(MATRIX_PASSWORD);
  const username = `target.${ctx.unique()}`;
  const user = await ctx.db
    .insertInto("appUser")
    .values({ username, displayName: `Target ${username}`, passwordHash: await passwordHash })
    .returning("id")
    .executeTakeFirstOrThrow();
  const grant = await ctx.db
    .insertInto("roleAssignment")
    .values({ userId: user.id, role: "participant" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`insert into user_session (token_hash, user_id, csrf_token, expires_at)
    values (${`matrix-${username}`}, ${user.id}, 'x', now() + interval '1 hour')`.execute(ctx.db);
  return { id: user.id, username, grantId: grant.id };
}

export const accessEntries: AccessEntry[] = [
  { method: "GET", url: "/api/auth/session", access: PUBLIC },
  {
    method: "POST",
    url: "/api/auth/login",
    access: PUBLIC,
    // Signing in drops the session the client came with.
    freshCaller: true,
    request: async (ctx) => {
      const user = await targetUser(ctx);
      return { url: "/api/auth/login", body: { username: user.username, password: MATRIX_PASSWORD } };
    },
  },
  // Signing out without a session is harmless and answers 200 to anyone.
  { method: "POST", url: "/api/auth/logout", access: PUBLIC, freshCaller: true },
  { method: "POST", url: "/api/auth/logout-everywhere", access: SIGNED_IN, freshCaller: true },
  {
    method: "POST",
    url: "/api/auth/password",
    access: SIGNED_IN,
    freshCaller: true,
    request: (ctx) => ({
      url: "/api/auth/password",
      body: { currentPassword: ctx.callerPassword, newPassword: `brand-new-${ctx.unique()}` },
    }),
  },
  // Single sign-on is off in the matrix's configuration, so both routes answer 404 to everyone; the sign-in itself
  // is tested against a real OpenID provider in oidc.test.ts.
  { method: "GET", url: "/api/auth/oidc/login", access: NOBODY },
  {
    method: "GET",
    url: "/api/auth/oidc/callback",
    access: NOBODY,
    request: () => ({ url: "/api/auth/oidc/callback?state=unknown&code=unknown" }),
  },
  { method: "GET", url: "/api/admin/users", access: ADMINISTRATORS_AND_AUDITORS },
  {
    method: "GET",
    url: "/api/admin/users/:id",
    access: ADMINISTRATORS_AND_AUDITORS,
    request: async (ctx) => ({ url: `/api/admin/users/${(await targetUser(ctx)).id}` }),
  },
  {
    method: "POST",
    url: "/api/admin/users",
    access: ADMINISTRATORS,
    request: (ctx) => ({
      url: "/api/admin/users",
      body: {
        username: `created.${ctx.unique()}`,
        displayName: "Created by the matrix",
        temporaryPassword: "temporary-passphrase-1",
        roles: [{ role: "national_coordinator", nationId: ctx.inScope.nationId }],
      },
    }),
  },
  {
    method: "PATCH",
    url: "/api/admin/users/:id",
    access: ADMINISTRATORS,
    request: async (ctx) => ({
      url: `/api/admin/users/${(await targetUser(ctx)).id}`,
      body: { displayName: "Renamed", disabled: true },
    }),
  },
  {
    method: "POST",
    url: "/api/admin/users/:id/password",
    access: ADMINISTRATORS,
    request: async (ctx) => ({
      url: `/api/admin/users/${(await targetUser(ctx)).id}/password`,
      body: { temporaryPassword: "another-temporary-7" },
    }),
  },
  {
    method: "POST",
    url: "/api/admin/users/:id/revoke-sessions",
    access: ADMINISTRATORS,
    request: async (ctx) => ({ url: `/api/admin/users/${(await targetUser(ctx)).id}/revoke-sessions` }),
  },
  {
    method: "POST",
    url: "/api/admin/users/:id/roles",
    access: ADMINISTRATORS,
    request: async (ctx, scope) => ({
      url: `/api/admin/users/${(await targetUser(ctx)).id}/roles`,
      body: {
        role: "organiser",
        organisationId: scope === "in" ? ctx.inScope.organisationId : ctx.outOfScope.organisationId,
      },
    }),
  },
  {
    method: "DELETE",
    url: "/api/admin/users/:id/roles/:grantId",
    access: ADMINISTRATORS,
    request: async (ctx) => {
      const user = await targetUser(ctx);
      return { url: `/api/admin/users/${user.id}/roles/${user.grantId}` };
    },
  },
];
