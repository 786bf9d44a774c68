import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";

export const SESSION_COOKIE = "accord_session";

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

export interface NewSession {
  token: string;
  tokenHash: string;
  csrfToken: string;
}

/** A fresh session; the caller has already removed any session the client brought, so ids never carry over. */
export async function createSession(
  db: Db,
  config: Config,
  userId: string,
  client: { userAgent?: string; ip?: string },
): Promise<NewSession> {
  const token = newToken();
  const tokenHash = hashToken(token);
  const csrfToken = newToken();
  await db
    .insertInto("userSession")
    .values({
      tokenHash,
      userId,
      csrfToken,
      expiresAt: sql<Date>`now() + make_interval(hours => ${config.sessionAbsoluteHours})`,
      lastSeenAt: sql<Date>`now()`,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip ?? null,
    })
    .execute();
  // Expired sessions of anyone are swept now and then, so the table does not grow without bound.
  if (Math.random() < 0.05) {
    await db
      .deleteFrom("userSession")
      .where(
        sql<boolean>`expires_at < now() or last_seen_at < now() - make_interval(mins => ${config.sessionIdleMinutes})`,
      )
      .execute();
  }
  return { token, tokenHash, csrfToken };
}

export async function touchSession(db: Db, tokenHash: string): Promise<void> {
  await db
    .updateTable("userSession")
    .set({ lastSeenAt: sql<Date>`now()` })
    .where("tokenHash", "=", tokenHash)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom("userSession").where("tokenHash", "=", tokenHash).execute();
}

export async function deleteUserSessions(db: Db, userId: string, exceptTokenHash?: string): Promise<number> {
  let query = db.deleteFrom("userSession").where("userId", "=", userId);
  if (exceptTokenHash) query = query.where("tokenHash", "<>", exceptTokenHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function cookieOptions(config: Config) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.secureCookies,
    path: "/",
    maxAge: config.sessionAbsoluteHours * 3600,
  };
}
