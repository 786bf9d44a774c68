import { sql } from "kysely";
import type { Db } from "../../db/database.js";

/** The SQL of sign-in throttling (login-backoff.ts has the rules): one row per username and client address. */

export interface LoginClient {
  username: string;
  address: string;
}

/** The address's failures for the username, seconds since the last one, and whether it is a known address. */
export function backoffOf(db: Db, client: LoginClient, knownAddressDays: number) {
  return db
    .selectFrom("loginBackoff")
    .select([
      "failures",
      sql<number | null>`extract(epoch from now() - last_failed_at)::float8`.as("sinceFailure"),
      sql<boolean>`coalesce(last_succeeded_at > now() - make_interval(days => ${knownAddressDays}), false)`.as(
        "known",
      ),
    ])
    .where("username", "=", client.username)
    .where("address", "=", client.address)
    .executeTakeFirst();
}

/** Counts a failure; failures older than `forgetAfterHours` start over. The consecutive failures now. */
export async function addFailure(db: Db, client: LoginClient, forgetAfterHours: number) {
  const row = await db
    .insertInto("loginBackoff")
    .values({
      username: client.username,
      address: client.address,
      failures: 1,
      lastFailedAt: sql<Date>`now()`,
    })
    .onConflict((oc) =>
      oc.columns(["username", "address"]).doUpdateSet({
        failures: sql<number>`case when login_backoff.last_failed_at > now() - make_interval(hours => ${forgetAfterHours})
          then login_backoff.failures + 1 else 1 end`,
        lastFailedAt: sql<Date>`now()`,
      }),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  return row.failures;
}

/** Drops rows that no longer matter: no recent failure and no recent success. */
export async function forgetStale(db: Db, forgetAfterHours: number, knownAddressDays: number) {
  await db
    .deleteFrom("loginBackoff")
    .where(
      sql<boolean>`coalesce(last_failed_at, 'epoch') < now() - make_interval(hours => ${forgetAfterHours})
        and coalesce(last_succeeded_at, 'epoch') < now() - make_interval(days => ${knownAddressDays})`,
    )
    .execute();
}

/** A success clears the address's failures and makes it a known address of the username. */
export async function recordSuccess(db: Db, client: LoginClient) {
  await db
    .insertInto("loginBackoff")
    .values({ username: client.username, address: client.address, lastSucceededAt: sql<Date>`now()` })
    .onConflict((oc) =>
      oc
        .columns(["username", "address"])
        .doUpdateSet({ failures: 0, lastFailedAt: null, lastSucceededAt: sql<Date>`now()` }),
    )
    .execute();
}
