/**
 * EXPLAIN (ANALYZE, BUFFERS) of the catalogue search statement on the bench data set.
 *   npx tsx bench/explain-search.ts <postgres url> [query string …]
 * Several query strings run in order in one process, so that a later page of the same search shows the statement
 * that is told the kept total and facets (docs/search-plans.md).
 */
import pg from "pg";
import { searchActivities } from "../src/modules/catalogue/catalogue.queries.js";
import { ANONYMOUS } from "../src/platform/access/viewer.js";
import { capturingDb, catalogueQuery } from "./capture.js";

const [url, ...given] = process.argv.slice(2);
const queries = given.length
  ? given
  : ["q=security&kind=course,seminar,workshop&year=2020&language=en&limit=20"];
const pool = new pg.Pool({ connectionString: url, max: 2 });
const { db, take } = capturingDb(pool);
const viewer = { ...ANONYMOUS, userId: "00000000-0000-0000-0000-000000000000" };
for (const qs of queries) {
  const query = catalogueQuery(qs);
  take();
  const started = performance.now();
  const result = await searchActivities(db, viewer, query);
  console.log(
    `=== ${qs}: total ${result.total}, ${result.items.length} items, ${(performance.now() - started).toFixed(1)} ms`,
  );
  for (const statement of take()) {
    const { rows } = await pool.query(
      `explain (analyze, buffers) ${statement.sql}`,
      statement.parameters as unknown[],
    );
    console.log(rows.map((row) => row["QUERY PLAN"]).join("\n"));
  }
}
await db.destroy();
