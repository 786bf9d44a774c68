import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.js";
import { createKysely, createPool, type Db } from "./database.js";
import { PLANNED_EACH_TIME } from "./prepared.js";

let t: TestApp;
let db: Db;

beforeAll(async () => {
  t = await createTestApp();
  // One connection, so every statement below runs on the connection whose prepared statements are inspected.
  db = createKysely(createPool(t.config.databaseUrl!, 1));
});
afterAll(async () => {
  await db.destroy();
  await t.close();
});

const preparedTexts = async () =>
  (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map(
    (row) => row.statement,
  );

describe("prepared statements", () => {
  it("prepares each statement once per connection and reuses it with new parameters", async () => {
    const query = (n: number) => sql<{ doubled: number }>`select ${n}::int * 2 as doubled`.execute(db);
    expect((await query(2)).rows).toEqual([{ doubled: 4 }]);
    expect((await query(21)).rows).toEqual([{ doubled: 42 }]);
    const texts = await preparedTexts();
    expect(texts.filter((text) => text === "select $1::int * 2 as doubled")).toHaveLength(1);
  });

  it("leaves a statement marked to be planned each time unnamed, planned for its parameters", async () => {
    const query = (n: number) =>
      sql<{ tripled: number }>`${sql.raw(PLANNED_EACH_TIME)} select ${n}::int * 3 as tripled`.execute(db);
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect((await query(n)).rows).toEqual([{ tripled: 3 * n }]);
    expect((await preparedTexts()).filter((text) => text.includes("* 3 as tripled"))).toEqual([]);
  });

  it("stops preparing beyond its bound per connection, and still answers every statement", async () => {
    for (let i = 0; i < 520; i++) {
      const { rows } = await sql<{ n: number }>`select ${i}::int + ${sql.lit(i)} as n`.execute(db);
      expect(rows[0]?.n).toBe(2 * i);
    }
    const texts = await preparedTexts();
    expect(texts.length).toBeLessThanOrEqual(500);
    expect(texts.length).toBeGreaterThan(400);
  });

  it("reports a statement's error and keeps the connection usable", async () => {
    await expect(sql`select 1 / ${0}::int`.execute(db)).rejects.toThrow(/division by zero/);
    await expect(sql`select nonsense from nowhere`.execute(db)).rejects.toThrow(/does not exist/);
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });
});
