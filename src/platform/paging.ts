import type { SelectQueryBuilder } from "kysely";

/**
 * One page of a list, as the list routes answer it: the rows of `rows` (ordered by the caller) from the query's
 * offset, at most its limit (25 unless given), and `total`, the number of rows `counted` holds (the list's filters
 * without a selection or an order). The two statements run at once.
 */
export async function pageOf<DB, TB extends keyof DB, O, CDB, CTB extends keyof CDB>(
  query: { limit?: number; offset?: number },
  rows: SelectQueryBuilder<DB, TB, O>,
  counted: SelectQueryBuilder<CDB, CTB, object>,
) {
  const [items, count] = await Promise.all([
    rows
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    counted.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow() as Promise<{
      total: number;
    }>,
  ]);
  return { items, total: Number(count.total) };
}
