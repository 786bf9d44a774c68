import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";

type CookieConfig = Pick<Config, "secureCookies">;

/**
 * Served over HTTPS the cookies carry the `__Host-` prefix: browsers then accept them only with Secure, Path=/ and
 * no Domain, so neither a sibling subdomain nor a plain-HTTP page can plant or overwrite them.
 */
export const sessionCookieName = (config: CookieConfig) =>
  config.secureCookies ? "__Host-accord_session" : "accord_session";
/** Binds a single sign-on attempt to the browser that started it (see oidc.ts). */
export const oidcCookieName = (config: CookieConfig) =>
  config.secureCookies ? "__Host-accord_oidc" : "accord_oidc";

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

/**
 * Remembers, after a write of the session committed, how far the leader's WAL then reached: the session reads from
 * a replica only once it has replayed that far (db/read-routing.ts). The leader's written position covers the
 * commit, which was flushed before the write returned.
 */
export async function recordSessionWrite(db: Db, tokenHash: string): Promise<void> {
  await db
    .updateTable("userSession")
    .set({ writtenLsn: sql<string>`pg_current_wal_lsn()` })
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

export function cookieOptions(config: Config, maxAgeSeconds = config.sessionAbsoluteHours * 3600) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.secureCookies,
    path: "/",
    maxAge: maxAgeSeconds,
  };
}

/** Clearing must repeat the attributes: a browser ignores a `__Host-` cookie without Secure, even to delete it. */
export const clearCookieOptions = (config: CookieConfig) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: config.secureCookies,
  path: "/",
});
