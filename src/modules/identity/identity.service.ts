import "./identity.policy.js";
import { authorize } from "../../platform/access/policy.js";
import type { Role } from "../../platform/access/viewer.js";
import { viewerForUser } from "../../platform/access/viewer.queries.js";
import { writeAudit } from "../../platform/audit.js";
import { AppError, orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { enforceRateLimit } from "../../platform/rate-limit.js";
import * as accounts from "./accounts.queries.js";
import { endUserAccess, endUserAccessAudited } from "./end-access.js";
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess } from "./login-backoff.js";
import { hashPassword, passwordWeakness, verifyPassword } from "./passwords.js";
import { createSession, deleteSession, type NewSession } from "./sessions.js";

export interface LoginInput {
  username: string;
  password: string;
}

export interface ClientInfo {
  ip: string;
  userAgent?: string;
  /** Hash of the session the client came with, removed at login so a planted session id is worthless. */
  previousTokenHash?: string;
}

const normalise = (username: string) => username.trim().toLowerCase();

export async function login(
  ctx: Ctx,
  input: LoginInput,
  client: ClientInfo,
): Promise<NewSession & { userId: string }> {
  const { db, config } = ctx;
  const username = normalise(input.username);
  const attempt = { username, address: client.ip };
  await enforceRateLimit(db, `login-ip:${client.ip}`, 30, 60);
  // Before anything depends on the account: a throttled answer is the same for every username.
  await checkLoginAllowed(db, config, attempt);

  const user = await accounts.loginAccount(db, username);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk || user.disabledAt) {
    const failures = await recordLoginFailure(db, attempt);
    if (user) {
      await writeAudit(
        db,
        { viewer: ctx.viewer, requestId: ctx.requestId },
        {
          action: "auth.login_failed",
          recordType: "app_user",
          recordId: user.id,
          detail: { ip: client.ip, failures },
        },
      );
    }
    throw new AppError("UNAUTHENTICATED", "Wrong username or password");
  }

  if (client.previousTokenHash) await deleteSession(db, client.previousTokenHash);
  const session = await createSession(db, config, user.id, client);
  await recordLoginSuccess(db, attempt);
  await db.transaction().execute(async (trx) => {
    await accounts.markSignedIn(trx, user.id);
    await writeAudit(
      trx,
      { viewer: { ...ctx.viewer, userId: user.id, username: user.username }, requestId: ctx.requestId },
      { action: "auth.login", recordType: "app_user", recordId: user.id, detail: { ip: client.ip } },
    );
  });
  return { ...session, userId: user.id };
}

export async function logout(ctx: Ctx, tokenHash: string | undefined): Promise<void> {
  if (!tokenHash) return;
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, tokenHash);
    if (ctx.viewer.userId) {
      await writeAudit(trx, ctx, {
        action: "auth.logout",
        recordType: "app_user",
        recordId: ctx.viewer.userId,
      });
    }
  });
}

export async function logoutEverywhere(ctx: Ctx): Promise<number> {
  authorize(ctx.viewer, "session.logout_everywhere");
  const userId = ctx.viewer.userId!;
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await endUserAccessAudited(trx, ctx, userId, "auth.logout_everywhere");
    return ended.sessions;
  });
}

/**
 * Changes the password and rotates the session: every session of the user ends, this one included, and a new
 * session id and CSRF token are issued to the caller, so an id or token that leaked before the change is worthless.
 * Calendar feed tokens are revoked too.
 */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
  client: { ip: string; userAgent?: string },
): Promise<NewSession> {
  authorize(ctx.viewer, "session.change_password");
  const userId = ctx.viewer.userId!;
  await enforceRateLimit(ctx.db, `password-change:${userId}`, 10, 300);
  const user = await accounts.passwordOf(ctx.db, userId);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION_FAILED", "The current password is wrong", [
      { field: "body.currentPassword", message: "is wrong" },
    ]);
  }
  const weakness = passwordWeakness(input.newPassword, user.username);
  if (weakness) throw validation("body.newPassword", weakness);
  if (input.newPassword === input.currentPassword) {
    throw validation("body.newPassword", "must differ from the current password");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction().execute(async (trx) => {
    await accounts.setOwnPassword(trx, userId, passwordHash);
    const { sessions: sessionsEnded, calendarFeedsRevoked } = await endUserAccess(trx, userId);
    const session = await createSession(trx, ctx.config, userId, client);
    await writeAudit(trx, ctx, {
      action: "user.password_changed",
      recordType: "app_user",
      recordId: userId,
      detail: { sessionsEnded, calendarFeedsRevoked },
    });
    return session;
  });
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  preferredLanguage: string;
  mustChangePassword: boolean;
  grants: { role: Role; nationId: string | null; organisationId: string | null }[];
}

export async function sessionUser(ctx: Ctx, userId: string): Promise<SessionUser> {
  const user = orNotFound(await accounts.sessionAccount(ctx.db, userId), "The user");
  const viewer = await viewerForUser(ctx.db, userId);
  return { ...user, grants: viewer?.grants ?? [] };
}
