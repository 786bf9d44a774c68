import { sql } from "kysely";
import type { Db } from "../../db/database.js";

/** The SQL of sessions (sessions.ts makes the tokens and the cookies): rows keyed by the token's hash. */

export async function insertSession(
  db: Db,
  session: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    absoluteHours: number;
    userAgent: string | null;
    ip: string | null;
  },
) {
  await db
    .insertInto("userSession")
    .values({
      tokenHash: session.tokenHash,
      userId: session.userId,
      csrfToken: session.csrfToken,
      expiresAt: sql<Date>`now() + make_interval(hours => ${session.absoluteHours})`,
      lastSeenAt: sql<Date>`now()`,
      userAgent: session.userAgent,
      ip: session.ip,
    })
    .execute();
}

/** Expired or idle sessions of anyone. */
export async function sweepSessions(db: Db, idleMinutes: number) {
  await db
    .deleteFrom("userSession")
    .where(sql<boolean>`expires_at < now() or last_seen_at < now() - make_interval(mins => ${idleMinutes})`)
    .execute();
}

/** An update of the session of the token's hash. */
const updateSession = (db: Db, tokenHash: string) =>
  db.updateTable("userSession").where("tokenHash", "=", tokenHash);

export async function touchSession(db: Db, tokenHash: string): Promise<void> {
  await updateSession(db, tokenHash).set({ lastSeenAt: sql<Date>`now()` }).execute();
}

/**
 * Remembers, after a write of the session committed, how far the leader's WAL then reached: the session reads from
 * a replica only once it has replayed that far (db/read-routing.ts). The leader's written position covers the
 * commit, which was flushed before the write returned.
 */
export async function recordSessionWrite(db: Db, tokenHash: string): Promise<void> {
  await updateSession(db, tokenHash).set({ writtenLsn: sql<string>`pg_current_wal_lsn()` }).execute();
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
