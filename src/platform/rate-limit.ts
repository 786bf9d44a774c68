import { sql } from "kysely";
import type { Db } from "../db/database.js";
import { AppError } from "./errors.js";

/**
 * Fixed-window counters kept in PostgreSQL, so that every Accord process behind a proxy shares them.
 * Returns the number of hits in the current window including this one.
 */
export async function countHit(
  db: Db,
  key: string,
  windowSeconds: number,
): Promise<{ hits: number; retryAfter: number }> {
  const { rows } = await sql<{ hits: number; retryAfter: number }>`
    insert into rate_limit_hit (key, window_start, hits)
    values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    on conflict (key, window_start) do update set hits = rate_limit_hit.hits + 1
    returning hits, ceil(extract(epoch from window_start + make_interval(secs => ${windowSeconds}) - now()))::int as "retryAfter"`.execute(
    db,
  );
  if (Math.random() < 0.01) {
    await sql`delete from rate_limit_hit where window_start < now() - interval '1 day'`.execute(db);
  }
  return rows[0]!;
}

/** The hits of the current window without adding one. */
export async function currentHits(
  db: Db,
  key: string,
  windowSeconds: number,
): Promise<{ hits: number; retryAfter: number }> {
  const { rows } = await sql<{ hits: number | null; retryAfter: number }>`
    select (select hits from rate_limit_hit where key = ${key} and window_start = w.start) as hits,
      ceil(extract(epoch from w.start + make_interval(secs => ${windowSeconds}) - now()))::int as "retryAfter"
    from (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as start) w`.execute(
    db,
  );
  const row = rows[0]!;
  return { hits: row.hits ?? 0, retryAfter: row.retryAfter };
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
