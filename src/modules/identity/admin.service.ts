import "./identity.policy.js";
import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { authorize } from "../../platform/access/policy.js";
import type { Role } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { AppError, conflict, orNotFound, unprocessable, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as accounts from "./accounts.queries.js";
import * as queries from "./admin.queries.js";
import type { GrantInput, PasswordReset, UserInput, UserPatch, UserQuery } from "./admin.schemas.js";
import { endUserAccess, endUserAccessAudited } from "./end-access.js";
import { hashPassword, passwordWeakness } from "./passwords.js";
import { deleteUserSessions } from "./sessions.js";

const NATION_ROLES: readonly Role[] = ["national_coordinator"];
const ORGANISATION_ROLES: readonly Role[] = ["organiser", "course_director", "evaluator"];
const UNSCOPED_ROLES: readonly Role[] = ["administrator", "participant"];

/**
 * Checks a grant's scope against its role, naming the offending field, before the database constraint would
 * refuse it with a less helpful message. `prefix` is the path of the grant in the request body.
 */
export function checkGrantScope(grant: GrantInput, prefix = "body"): void {
  const nationId = grant.nationId ?? null;
  const organisationId = grant.organisationId ?? null;
  if (UNSCOPED_ROLES.includes(grant.role)) {
    if (nationId) throw validation(`${prefix}.nationId`, `a ${grant.role} role has no nation scope`);
    if (organisationId)
      throw validation(`${prefix}.organisationId`, `a ${grant.role} role has no organisation scope`);
  } else if (NATION_ROLES.includes(grant.role)) {
    if (!nationId)
      throw validation(`${prefix}.nationId`, "a national coordinator needs the nation they coordinate");
    if (organisationId)
      throw validation(`${prefix}.organisationId`, "a national coordinator is scoped to a nation only");
  } else if (ORGANISATION_ROLES.includes(grant.role)) {
    if (!organisationId)
      throw validation(
        `${prefix}.organisationId`,
        `a ${grant.role} needs the organisation or institution of the role`,
      );
    if (nationId) throw validation(`${prefix}.nationId`, `a ${grant.role} is scoped to an organisation only`);
  } else if (nationId && organisationId) {
    throw validation(
      `${prefix}.organisationId`,
      "an auditor is scoped to a nation or an organisation, not both",
    );
  }
}

async function checkScopeExists(trx: Transaction<DB>, grant: GrantInput, prefix: string) {
  if (grant.nationId && !(await accounts.nationExists(trx, grant.nationId)))
    throw unprocessable(`${prefix}.nationId`, "no such nation");
  if (grant.organisationId && !(await accounts.organisationExists(trx, grant.organisationId)))
    throw unprocessable(`${prefix}.organisationId`, "no such organisation");
}

async function checkPerson(trx: Transaction<DB>, personId: string | null | undefined, userId?: string) {
  if (!personId) return;
  if (!(await accounts.personExists(trx, personId)))
    throw unprocessable("body.personId", "no such person in the directory");
  const other = await accounts.otherAccountOfPerson(trx, personId, userId);
  if (other) throw conflict(`This person is already linked to the account ${other}`, "body.personId");
}

function checkTemporaryPassword(password: string, username: string) {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw validation("body.temporaryPassword", weakness);
}

async function insertGrant(trx: Transaction<DB>, ctx: Ctx, userId: string, grant: GrantInput) {
  const row = await accounts.insertGrant(trx, userId, grant, ctx.viewer.userId);
  if (!row) throw conflict("The user already holds this role with this scope", "body.role");
  return row;
}

export async function listUsers(ctx: Ctx, query: UserQuery) {
  authorize(ctx.viewer, "user.list");
  return paged(query, await queries.listUsers(ctx.db, query));
}

export async function getUser(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "user.read", { id });
  return orNotFound(await queries.findUser(ctx.db, id), "The user");
}

export async function createUser(ctx: Ctx, input: UserInput) {
  authorize(ctx.viewer, "user.create");
  checkTemporaryPassword(input.temporaryPassword, input.username);
  (input.roles ?? []).forEach((grant, index) => {
    checkGrantScope(grant, `body.roles.${index}`);
  });
  const passwordHash = await hashPassword(input.temporaryPassword);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await accounts.usernameTaken(trx, input.username))
      throw conflict("This username is taken", "body.username");
    await checkPerson(trx, input.personId);
    for (const [index, grant] of (input.roles ?? []).entries()) {
      await checkScopeExists(trx, grant, `body.roles.${index}`);
    }
    const user = await accounts.insertUser(trx, {
      username: input.username,
      displayName: input.displayName.trim(),
      personId: input.personId ?? null,
      preferredLanguage: input.preferredLanguage ?? "en",
      passwordHash,
    });
    const roles = [];
    for (const grant of input.roles ?? []) roles.push(await insertGrant(trx, ctx, user.id, grant));
    await writeAudit(trx, ctx, {
      action: "user.create",
      recordType: "app_user",
      recordId: user.id,
      after: {
        ...user,
        roles: roles.map((r) => ({ role: r.role, nationId: r.nationId, organisationId: r.organisationId })),
      },
    });
    return user.id;
  });
  return getUser(ctx, id);
}

export async function updateUser(ctx: Ctx, id: string, patch: UserPatch) {
  authorize(ctx.viewer, "user.update", { id });
  if (patch.disabled === true && id === ctx.viewer.userId) {
    throw validation("body.disabled", "you cannot disable your own account");
  }
  await ctx.db.transaction().execute(async (trx) => {
    const before = orNotFound(await queries.lockUser(trx, id), "The user");
    if (patch.personId !== undefined) await checkPerson(trx, patch.personId, id);
    const { disabled, ...fields } = patch;
    if (disabled === true && !before.disabledAt) {
      const administrators = await queries.lockActiveAdministrators(trx);
      if (administrators.includes(id) && administrators.length === 1) {
        throw validation("body.disabled", "this is the last active administrator; grant another one first");
      }
    }
    const after = await accounts.updateUserRow(trx, id, {
      ...fields,
      ...(fields.displayName ? { displayName: fields.displayName.trim() } : {}),
      ...(disabled === undefined
        ? {}
        : { disabledAt: disabled ? (before.disabledAt ?? sql<Date>`now()`) : null }),
    });
    // A disabled account keeps no live session.
    if (disabled) await deleteUserSessions(trx, id);
    const action =
      disabled === true && !before.disabledAt
        ? "user.disable"
        : disabled === false && before.disabledAt
          ? "user.enable"
          : "user.update";
    await writeAudit(trx, ctx, { action, recordType: "app_user", recordId: id, before, after });
  });
  return getUser(ctx, id);
}

export async function resetPassword(ctx: Ctx, id: string, input: PasswordReset) {
  authorize(ctx.viewer, "user.reset_password", { id });
  const user = orNotFound(await accounts.usernameOf(ctx.db, id), "The user");
  checkTemporaryPassword(input.temporaryPassword, user.username);
  const passwordHash = await hashPassword(input.temporaryPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await accounts.setTemporaryPassword(trx, id, passwordHash);
    const { sessions: sessionsEnded, calendarFeedsRevoked } = await endUserAccess(trx, id);
    await writeAudit(trx, ctx, {
      action: "user.password_reset",
      recordType: "app_user",
      recordId: id,
      before: { mustChangePassword: false },
      after: { mustChangePassword: true },
      detail: { sessionsEnded, calendarFeedsRevoked },
    });
  });
  return getUser(ctx, id);
}

export async function revokeSessions(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "user.revoke_sessions", { id });
  return ctx.db.transaction().execute(async (trx) => {
    orNotFound(await queries.lockUser(trx, id), "The user");
    const ended = await endUserAccessAudited(trx, ctx, id, "user.sessions_revoked");
    return { revoked: ended.sessions };
  });
}

export async function grantRole(ctx: Ctx, userId: string, grant: GrantInput) {
  authorize(ctx.viewer, "role.grant", { userId });
  checkGrantScope(grant);
  await ctx.db.transaction().execute(async (trx) => {
    const user = orNotFound(await queries.lockUser(trx, userId), "The user");
    await checkScopeExists(trx, grant, "body");
    const row = await insertGrant(trx, ctx, userId, grant);
    await writeAudit(trx, ctx, {
      action: "role.grant",
      recordType: "role_assignment",
      recordId: row.id,
      after: {
        userId,
        username: user.username,
        role: row.role,
        nationId: row.nationId,
        organisationId: row.organisationId,
      },
    });
  });
  return getUser(ctx, userId);
}

export async function revokeRole(ctx: Ctx, userId: string, grantId: string) {
  authorize(ctx.viewer, "role.revoke", { userId });
  await ctx.db.transaction().execute(async (trx) => {
    const user = orNotFound(await queries.lockUser(trx, userId), "The user");
    const grant = orNotFound(await accounts.lockGrant(trx, grantId, userId), "The role assignment");
    if (grant.role === "administrator") {
      if (userId === ctx.viewer.userId) {
        throw new AppError(
          "INVALID_STATE",
          "You cannot remove your own administrator role; ask another administrator to do it",
        );
      }
      const administrators = await queries.lockActiveAdministrators(trx);
      if (administrators.length <= 1 && administrators.includes(userId)) {
        throw new AppError("INVALID_STATE", "This is the last active administrator; grant another one first");
      }
    }
    await accounts.deleteGrant(trx, grantId);
    await writeAudit(trx, ctx, {
      action: "role.revoke",
      recordType: "role_assignment",
      recordId: grantId,
      before: {
        userId,
        username: user.username,
        role: grant.role,
        nationId: grant.nationId,
        organisationId: grant.organisationId,
      },
    });
  });
  return getUser(ctx, userId);
}
