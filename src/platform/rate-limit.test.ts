import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.js";
import { countHit, currentHits, enforceRateLimit, purgeStaleHits } from "./rate-limit.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// A day-long window: its elapsed share moves by 1/86,400 a second, so the weight of the previous window is known
// to within one hit while the test runs.
const DAY = 86_400;
const elapsedShare = () => (Date.now() / 1000 - Math.floor(Date.now() / 1000 / DAY) * DAY) / DAY;

async function seedPreviousWindow(key: string, hits: number) {
  await sql`insert into rate_limit_hit (key, window_start, hits)
    values (${key}, to_timestamp((floor(extract(epoch from now()) / ${DAY}) - 1) * ${DAY}), ${hits})`.execute(
    t.db,
  );
}

describe("sliding-window rate limits", () => {
  it("counts the previous window's hits weighted by the share still inside the window", async () => {
    await seedPreviousWindow("slide:a", 1000);
    const expected = 1 + Math.ceil(1000 * (1 - elapsedShare()));
    const { hits, retryAfter } = await countHit(t.db, "slide:a", DAY);
    expect(hits).toBeGreaterThanOrEqual(expected - 1);
    expect(hits).toBeLessThanOrEqual(expected + 1);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(DAY);
    const peek = await currentHits(t.db, "slide:a", DAY);
    expect(peek.hits).toBe(hits);
  });

  it("keeps through the purge the previous window of the longest limit, and forgets older ones", async () => {
    // countHit purges at random; a purge by one window's age once deleted this day-long limit's previous day.
    await seedPreviousWindow("slide:kept", 1000);
    await sql`insert into rate_limit_hit (key, window_start, hits)
      values ('slide:gone', to_timestamp((floor(extract(epoch from now()) / ${DAY}) - 3) * ${DAY}), 5)`.execute(
      t.db,
    );
    const before = (await currentHits(t.db, "slide:kept", DAY)).hits;
    expect(before).toBeGreaterThan(0);
    await purgeStaleHits(t.db);
    expect((await currentHits(t.db, "slide:kept", DAY)).hits).toBeGreaterThanOrEqual(before - 1);
    const { rows } = await sql<{ key: string }>`select key from rate_limit_hit
      where key in ('slide:kept', 'slide:gone')`.execute(t.db);
    expect(rows.map((row) => row.key)).toEqual(["slide:kept"]);
  });

  it("refuses a window longer than a day, which the purge would cut short", async () => {
    await expect(countHit(t.db, "slide:long", 2 * DAY)).rejects.toThrow(/1 to 86400 seconds/);
  });

  it("refuses a burst that straddles a window boundary once the two windows together pass the limit", async () => {
    // The burst's first part fell in the previous window; a fixed window would forget it and allow 20 more. So many
    // hits that their weighted share passes the limit until the window's last two milliseconds (20,000 failed in the
    // day's last 82 seconds, as a run at 23:59 UTC found).
    await seedPreviousWindow("slide:b", 1_000_000_000);
    await expect(enforceRateLimit(t.db, "slide:b", 20, DAY)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("counts only this window's hits when the previous window had none, and keys apart", async () => {
    const first = await countHit(t.db, "slide:c", DAY);
    const second = await countHit(t.db, "slide:c", DAY);
    expect([first.hits, second.hits]).toEqual([1, 2]);
    expect((await currentHits(t.db, "slide:other", DAY)).hits).toBe(0);
    await expect(enforceRateLimit(t.db, "slide:c", 3, DAY)).resolves.toBeUndefined();
    await expect(enforceRateLimit(t.db, "slide:c", 3, DAY)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
