import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";
import { AppError } from "../../platform/errors.js";
import { countHit, currentHits } from "../../platform/rate-limit.js";
import type { LoginClient } from "./login-backoff.queries.js";
import * as backoff from "./login-backoff.queries.js";

/**
 * Sign-in throttling without an account lock. Two limits, both counted in PostgreSQL so that every Accord process
 * shares them, and both keyed by the username as typed, whether or not it exists:
 * - per (username, client address): `loginMaxAttempts` failures are free, then each further attempt waits 15 s,
 *   30 s, 1 min, ... up to `loginLockMinutes`; a success or a day without failures starts over;
 * - per username, from addresses where it has not signed in before: at most `loginUserLimit` failures an hour,
 *   which bounds a guesser spread over many addresses without locking out the user at a known address.
 * Throttled attempts are answered 429 before the password is looked at, alike for existing and unknown names.
 */
const FIRST_DELAY_SECONDS = 15;
const FORGET_AFTER_HOURS = 24;
const KNOWN_ADDRESS_DAYS = 90;
const USER_WINDOW_SECONDS = 3600;

export type { LoginClient };

const throttled = (seconds: number) => {
  const retryAfter = String(Math.max(1, Math.ceil(seconds)));
  return new AppError("RATE_LIMITED", `Too many failed sign-ins; try again in ${retryAfter} seconds`, [], {
    "retry-after": retryAfter,
  });
};

export function backoffSeconds(config: Config, failures: number): number {
  if (failures < config.loginMaxAttempts) return 0;
  const delay = FIRST_DELAY_SECONDS * 2 ** Math.min(failures - config.loginMaxAttempts, 20);
  return Math.min(delay, config.loginLockMinutes * 60);
}

/** Throws RATE_LIMITED when this username may not be tried from this address now. */
export async function checkLoginAllowed(db: Db, config: Config, client: LoginClient): Promise<void> {
  const row = await backoff.backoffOf(db, client, KNOWN_ADDRESS_DAYS);
  const since = row?.sinceFailure ?? null;
  if (row && since !== null && since < FORGET_AFTER_HOURS * 3600) {
    const wait = backoffSeconds(config, row.failures) - since;
    if (wait > 0) throw throttled(wait);
  }
  if (row?.known) return;
  const { hits, retryAfter } = await currentHits(db, userKey(client.username), USER_WINDOW_SECONDS);
  if (hits >= config.loginUserLimit) throw throttled(retryAfter);
}

const userKey = (username: string) => `login-user-failures:${username}`;

/** Counts a failed sign-in against both limits; returns the consecutive failures from this address. */
export async function recordLoginFailure(db: Db, client: LoginClient): Promise<number> {
  const failures = await backoff.addFailure(db, client, FORGET_AFTER_HOURS);
  await countHit(db, userKey(client.username), USER_WINDOW_SECONDS);
  if (Math.random() < 0.01) await backoff.forgetStale(db, FORGET_AFTER_HOURS, KNOWN_ADDRESS_DAYS);
  return failures;
}

/** A success clears this address's failures and makes it a known address of the username. */
export async function recordLoginSuccess(db: Db, client: LoginClient): Promise<void> {
  await backoff.recordSuccess(db, client);
}
