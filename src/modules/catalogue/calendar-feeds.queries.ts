import { type Insertable, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";

/* The iCalendar feed tokens (calendar-feeds.service.ts): only their hash is stored. */

type Q = Kysely<DB>;

/** What a token's owner sees of it (never its hash). */
const tokenColumns = [
  "id",
  "scope",
  "nationId",
  "personId",
  "search",
  "label",
  "createdAt",
  "lastUsedAt",
  "revokedAt",
] as const;

export function tokensOfUser(db: Q, userId: string) {
  return db
    .selectFrom("calendarToken")
    .select([...tokenColumns])
    .where("userId", "=", userId)
    .orderBy("createdAt", "desc")
    .execute();
}

export function insertToken(trx: Q, values: Insertable<DB["calendarToken"]>) {
  return trx
    .insertInto("calendarToken")
    .values(values)
    .returning([...tokenColumns])
    .executeTakeFirstOrThrow();
}

/** Revokes one live token of the user; undefined when there is none by that id. */
export function revokeToken(trx: Q, id: string, userId: string) {
  return trx
    .updateTable("calendarToken")
    .set({ revokedAt: sql`now()` })
    .where("id", "=", id)
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .returning(["id"])
    .executeTakeFirst();
}

/** The token by its hash, with whether its owner's account is disabled. */
export function tokenByHash(db: Q, tokenHash: string) {
  return db
    .selectFrom("calendarToken as t")
    .innerJoin("appUser as u", "u.id", "t.userId")
    .select([
      "t.id",
      "t.userId",
      "t.scope",
      "t.nationId",
      "t.personId",
      "t.search",
      "t.label",
      "t.revokedAt",
      "u.disabledAt",
    ])
    .where("t.tokenHash", "=", tokenHash)
    .executeTakeFirst();
}

/** The person a person feed follows, with what the access rule needs. */
export function feedPerson(db: Q, personId: string) {
  return db.selectFrom("person").select(["id", "nationId"]).where("id", "=", personId).executeTakeFirst();
}

export async function markTokenUsed(db: Q, id: string) {
  await db.updateTable("calendarToken").set({ lastUsedAt: sql`now()` }).where("id", "=", id).execute();
}

/**
 * Every live feed token of a user, revoked with their sessions (log out everywhere, password change or reset): a
 * feed URL is a credential too, and may have leaked with whatever made the user end their sessions. The caller
 * audits it, in its own transaction.
 */
export async function revokeCalendarTokensOfUser(trx: Kysely<DB>, userId: string): Promise<number> {
  const result = await trx
    .updateTable("calendarToken")
    .set({ revokedAt: sql`now()` })
    .where("userId", "=", userId)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
