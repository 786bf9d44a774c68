import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { GrantInput } from "./admin.schemas.js";

/**
 * The SQL of accounts that the sign-in and the administrators' screens write: existence checks of what a grant or
 * a link names, the account row itself and its role grants. Sessions are in sessions.ts.
 */

type Q = Kysely<DB>;

/** What a user row returns to the audit trail (never the password hash). */
export const AUDITED_USER_COLUMNS = [
  "id",
  "username",
  "displayName",
  "personId",
  "preferredLanguage",
  "mustChangePassword",
  "disabledAt",
] as const;

// ------------------------------------------------------------------ sign-in and one's own password
export function loginAccount(db: Q, username: string) {
  return db
    .selectFrom("appUser")
    .select(["id", "username", "passwordHash", "disabledAt"])
    .where("username", "=", username)
    .executeTakeFirst();
}

export async function markSignedIn(db: Q, userId: string) {
  await db
    .updateTable("appUser")
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: sql<Date>`now()` })
    .where("id", "=", userId)
    .execute();
}

export function passwordOf(db: Q, userId: string) {
  return db
    .selectFrom("appUser")
    .select(["username", "passwordHash"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
}

export async function setOwnPassword(db: Q, userId: string, passwordHash: string) {
  await db
    .updateTable("appUser")
    .set({ passwordHash, mustChangePassword: false })
    .where("id", "=", userId)
    .execute();
}

export function sessionAccount(db: Q, userId: string) {
  return db
    .selectFrom("appUser")
    .select(["id", "username", "displayName", "personId", "preferredLanguage", "mustChangePassword"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

// ------------------------------------------------------------------ administrators
const exists = async (query: Promise<unknown>) => (await query) !== undefined;

export const nationExists = (db: Q, id: string) =>
  exists(db.selectFrom("nation").select("id").where("id", "=", id).executeTakeFirst());

export const organisationExists = (db: Q, id: string) =>
  exists(db.selectFrom("organisation").select("id").where("id", "=", id).executeTakeFirst());

export const personExists = (db: Q, id: string) =>
  exists(db.selectFrom("person").select("id").where("id", "=", id).executeTakeFirst());

export const usernameTaken = (db: Q, username: string) =>
  exists(db.selectFrom("appUser").select("id").where("username", "=", username).executeTakeFirst());

/** The username of another account already linked to the person (one account per person). */
export async function otherAccountOfPerson(db: Q, personId: string, exceptUserId?: string) {
  let linked = db.selectFrom("appUser").select("username").where("personId", "=", personId);
  if (exceptUserId) linked = linked.where("id", "<>", exceptUserId);
  return (await linked.executeTakeFirst())?.username;
}

export function usernameOf(db: Q, userId: string) {
  return db.selectFrom("appUser").select(["username"]).where("id", "=", userId).executeTakeFirst();
}

/** Inserts a grant; undefined when the user holds this role with this scope already. */
export function insertGrant(db: Q, userId: string, grant: GrantInput, createdBy: string | null) {
  return db
    .insertInto("roleAssignment")
    .values({
      userId,
      role: grant.role,
      nationId: grant.nationId ?? null,
      organisationId: grant.organisationId ?? null,
      createdBy,
    })
    .onConflict((oc) => oc.constraint("role_assignment_unique").doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function lockGrant(db: Q, grantId: string, userId: string) {
  return db
    .selectFrom("roleAssignment")
    .selectAll()
    .where("id", "=", grantId)
    .where("userId", "=", userId)
    .forUpdate()
    .executeTakeFirst();
}

export async function deleteGrant(db: Q, grantId: string) {
  await db.deleteFrom("roleAssignment").where("id", "=", grantId).execute();
}

export function insertUser(
  db: Q,
  user: {
    username: string;
    displayName: string;
    personId: string | null;
    preferredLanguage: string;
    passwordHash: string;
  },
) {
  return db
    .insertInto("appUser")
    .values({ ...user, mustChangePassword: true })
    .returning(["id", "username", "displayName", "personId", "preferredLanguage", "mustChangePassword"])
    .executeTakeFirstOrThrow();
}

export function updateUserRow(
  db: Q,
  id: string,
  set: {
    displayName?: string;
    personId?: string | null;
    preferredLanguage?: string;
    disabledAt?: Date | ReturnType<typeof sql<Date>> | null;
  },
) {
  return db
    .updateTable("appUser")
    .set(set)
    .where("id", "=", id)
    .returning(AUDITED_USER_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** A temporary password the user must change at the next sign-in; a lock-out ends with it. */
export async function setTemporaryPassword(db: Q, id: string, passwordHash: string) {
  await db
    .updateTable("appUser")
    .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null })
    .where("id", "=", id)
    .execute();
}
