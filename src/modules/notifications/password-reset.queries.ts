import { sql } from "kysely";
import type { Db } from "../../db/database.js";

/** The SQL of the password reset by e-mail: its single-use tokens (stored hashed) and the mail that carries one. */

/** The enabled account whose own address, or (when it has none) its person's address, is `email` (lower case). */
export function accountByAddress(db: Db, email: string) {
  return db
    .selectFrom("appUser as u")
    .leftJoin("person as p", "p.id", "u.personId")
    .select(["u.id", "u.preferredLanguage", "u.email", "p.email as personEmail", "u.oidcSubject"])
    .where("u.disabledAt", "is", null)
    .where((eb) =>
      eb.or([
        eb(sql`lower(u.email)`, "=", email),
        eb.and([eb("u.email", "is", null), eb(sql`lower(p.email)`, "=", email)]),
      ]),
    )
    .executeTakeFirst();
}

export async function storeResetToken(db: Db, tokenHash: string, userId: string, minutes: number) {
  await db
    .insertInto("passwordResetToken")
    .values({ tokenHash, userId, expiresAt: sql`now() + make_interval(mins => ${minutes})` })
    .execute();
}

export async function queueResetMail(
  db: Db,
  mail: { userId: string; toAddress: string; language: string; resetUrl: string },
) {
  await db
    .insertInto("mailOutbox")
    .values({
      userId: mail.userId,
      kind: "account.password_reset",
      toAddress: mail.toAddress,
      language: mail.language,
      params: JSON.stringify({ resetUrl: mail.resetUrl }),
    })
    .execute();
}

/** The account of a token still usable (unused, unexpired, account enabled). */
export function usableToken(db: Db, tokenHash: string) {
  return db
    .selectFrom("passwordResetToken as t")
    .innerJoin("appUser as u", "u.id", "t.userId")
    .select(["t.userId", "u.username"])
    .where("t.tokenHash", "=", tokenHash)
    .where("t.usedAt", "is", null)
    .where("t.expiresAt", ">", sql<Date>`now()`)
    .where("u.disabledAt", "is", null)
    .executeTakeFirst();
}

/** Uses the token (false when a concurrent request used it first) and every other open token of the account. */
export async function useTokens(db: Db, tokenHash: string, userId: string) {
  const used = await db
    .updateTable("passwordResetToken")
    .set({ usedAt: sql`now()` })
    .where("tokenHash", "=", tokenHash)
    .where("usedAt", "is", null)
    .executeTakeFirst();
  if (!Number(used.numUpdatedRows)) return false;
  await db
    .updateTable("passwordResetToken")
    .set({ usedAt: sql`now()` })
    .where("userId", "=", userId)
    .where("usedAt", "is", null)
    .execute();
  return true;
}

/** Sets the new password, unlocks the account and ends every session of it; the number of sessions ended. */
export async function setPasswordEndingSessions(db: Db, userId: string, passwordHash: string) {
  await db
    .updateTable("appUser")
    .set({ passwordHash, mustChangePassword: false, failedLogins: 0, lockedUntil: null })
    .where("id", "=", userId)
    .execute();
  const ended = await db.deleteFrom("userSession").where("userId", "=", userId).executeTakeFirst();
  return Number(ended.numDeletedRows);
}
