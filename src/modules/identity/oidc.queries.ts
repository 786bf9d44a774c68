import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";

/** The SQL of single sign-on: the pending attempts (single use) and the account a provider's claim names. */

type Q = Kysely<DB>;

export async function storeAttempt(
  db: Q,
  attempt: { state: string; nonce: string; codeVerifier: string; returnTo: string; expiresAt: Date },
) {
  await db.insertInto("oidcLoginState").values(attempt).execute();
}

export async function deleteExpiredAttempts(db: Q) {
  await db.deleteFrom("oidcLoginState").where("expiresAt", "<", new Date()).execute();
}

/** Takes the attempt out (single use): undefined when it is unknown, expired or already consumed. */
export function consumeAttempt(db: Q, state: string) {
  return db
    .deleteFrom("oidcLoginState")
    .where("state", "=", state)
    .where("expiresAt", ">", new Date())
    .returningAll()
    .executeTakeFirst();
}

export function accountByUsername(db: Q, username: string) {
  return db
    .selectFrom("appUser")
    .select(["id", "username", "oidcSubject", "disabledAt"])
    .where("username", "=", username)
    .executeTakeFirst();
}

/** Links the provider's subject to the account (first sign-in) and records the sign-in. */
export async function markSignedInWith(db: Q, userId: string, subject: string) {
  await db
    .updateTable("appUser")
    .set({ oidcSubject: subject, failedLogins: 0, lastLoginAt: new Date() })
    .where("id", "=", userId)
    .execute();
}
