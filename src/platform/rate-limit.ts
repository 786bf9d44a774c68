import { sql } from "kysely";
import type { Db } from "../db/database.js";
import { AppError } from "./errors.js";

/**
 * The longest window a limit may have. The purge keeps two of them: a window's row still weighs in the sliding
 * window while the next window runs, so a purge by one window's age would forget a day-long limit's previous day.
 */
export const MAX_WINDOW_SECONDS = 86_400;

/**
 * Sliding-window counters kept in PostgreSQL, so that every Accord process behind a proxy shares them. A fixed
 * window lets a burst straddling its boundary through at twice the limit; the previous window's hits, weighted by
 * the share of it still inside the sliding window, close that gap (the estimate Cloudflare and nginx-style
 * limiters use). Returns the estimated number of hits in the last `windowSeconds`, including this one.
 */
export async function countHit(
  db: Db,
  key: string,
  windowSeconds: number,
): Promise<{ hits: number; retryAfter: number }> {
  const { rows } = await sql<{ hits: number; retryAfter: number }>`
    with w as (${windowOf(windowSeconds)}),
    hit as (
      insert into rate_limit_hit (key, window_start, hits)
      select ${key}, w.start, 1 from w
      on conflict (key, window_start) do update set hits = rate_limit_hit.hits + 1
      returning hits)
    select (select hits from hit) + ${previousWeighted(key, windowSeconds)} as hits,
      ceil(extract(epoch from w.start + make_interval(secs => ${windowSeconds}) - now()))::int as "retryAfter"
    from w`.execute(db);
  if (Math.random() < 0.01) await purgeStaleHits(db);
  return rows[0]!;
}

/** Deletes the counters no limit can read any more (countHit calls it now and then). */
export async function purgeStaleHits(db: Db): Promise<void> {
  await sql`delete from rate_limit_hit
    where window_start < now() - make_interval(secs => ${2 * MAX_WINDOW_SECONDS})`.execute(db);
}

/** The estimated hits of the sliding window without adding one. */
export async function currentHits(
  db: Db,
  key: string,
  windowSeconds: number,
): Promise<{ hits: number; retryAfter: number }> {
  const { rows } = await sql<{ hits: number; retryAfter: number }>`
    with w as (${windowOf(windowSeconds)})
    select coalesce((select hits from rate_limit_hit where key = ${key} and window_start = w.start), 0)
        + ${previousWeighted(key, windowSeconds)} as hits,
      ceil(extract(epoch from w.start + make_interval(secs => ${windowSeconds}) - now()))::int as "retryAfter"
    from w`.execute(db);
  return rows[0]!;
}

/** The current fixed window's start and the share of it elapsed (0 at its start, towards 1 at its end). */
function windowOf(windowSeconds: number) {
  if (!(windowSeconds > 0 && windowSeconds <= MAX_WINDOW_SECONDS))
    throw new Error(`A rate-limit window is 1 to ${MAX_WINDOW_SECONDS} seconds, not ${windowSeconds}`);
  return sql`select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as start,
    (extract(epoch from now()) - floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})
      / ${windowSeconds} as elapsed`;
}

/** The previous window's hits scaled by the part of it the sliding window still covers (needs `w` in scope). */
function previousWeighted(key: string, windowSeconds: number) {
  return sql`coalesce((select ceil(p.hits * (1 - w.elapsed))::int from rate_limit_hit p
      where p.key = ${key} and p.window_start = w.start - make_interval(secs => ${windowSeconds})), 0)`;
}

export async function enforceRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
): Promise<void> {
  const { hits, retryAfter } = await countHit(db, key, windowSeconds);
  if (hits > limit) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many requests; try again in ${Math.max(1, retryAfter)} seconds`,
      [],
      {
        "retry-after": String(Math.max(1, retryAfter)),
      },
    );
  }
}
