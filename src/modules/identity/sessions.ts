import { createHash, randomBytes } from "node:crypto";
import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";
import { insertSession, sweepSessions } from "./sessions.queries.js";

export { deleteSession, deleteUserSessions, recordSessionWrite, touchSession } from "./sessions.queries.js";

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
  await insertSession(db, {
    tokenHash,
    userId,
    csrfToken,
    absoluteHours: config.sessionAbsoluteHours,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    ip: client.ip ?? null,
  });
  // Expired sessions of anyone are swept now and then, so the table does not grow without bound.
  if (Math.random() < 0.05) await sweepSessions(db, config.sessionIdleMinutes);
  return { token, tokenHash, csrfToken };
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
