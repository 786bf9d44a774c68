/**
 * EXPLAIN (ANALYZE, BUFFERS) of the global search (and, with --dashboard <nation code>, the nation dashboard)
 * statements, as an administrator, on the bench data set. Each query runs twice on one warm connection first, so
 * that the plan shown is the steady state of a pooled connection (the first call of the close-spelling function on a
 * new connection also loads its libraries and plans).
 *   npx tsx bench/explain-global.ts <postgres url> [query …] [--dashboard AZE]
 */
import pg from "pg";
import { nationDashboard } from "../src/modules/programmes/dashboard.service.js";
import { search } from "../src/modules/search/search.service.js";
import { ANONYMOUS, type Viewer } from "../src/platform/access/viewer.js";
import type { Ctx } from "../src/platform/http/request-context.js";
import { capturingDb } from "./capture.js";

const [url, ...rest] = process.argv.slice(2);
const at = rest.indexOf("--dashboard");
const dashboard = at >= 0 ? rest[at + 1] : undefined;
const queries = at >= 0 ? rest.slice(0, at) : rest;
const pool = new pg.Pool({ connectionString: url, max: 1 });
const { db, take } = capturingDb(pool);
const viewer: Viewer = {
  ...ANONYMOUS,
  userId: "00000000-0000-0000-0000-000000000000",
  username: "bench-explain",
  grants: [{ role: "administrator", nationId: null, organisationId: null }],
};
const ctx = { db, viewer, requestId: null, config: { searchCountCap: 1000 } } as unknown as Ctx;

async function explain(label: string, run: () => Promise<unknown>) {
  await run();
  await run();
  take();
  const started = performance.now();
  await run();
  console.log(`=== ${label}: ${(performance.now() - started).toFixed(1)} ms (third run)`);
  // In one transaction, as the request ran them: a `set local` (the search turns JIT off) is run, not explained.
  const client = await pool.connect();
  await client.query("begin");
  for (const statement of take()) {
    if (/^\s*(begin|commit|rollback|set )/i.test(statement.sql)) {
      await client.query(statement.sql, statement.parameters as unknown[]);
      continue;
    }
    const { rows } = await client.query(
      `explain (analyze, buffers) ${statement.sql}`,
      statement.parameters as unknown[],
    );
    console.log(rows.map((row) => row["QUERY PLAN"]).join("\n"));
  }
  await client.query("rollback");
  client.release();
}

for (const q of queries.length ? queries : ["security", "logistcs"]) {
  await explain(`search q=${q}`, () => search(ctx, { q, limit: 5 } as never));
}
if (dashboard) {
  const { rows } = await pool.query("select id from nation where code = $1", [dashboard]);
  await explain(`nation dashboard ${dashboard}`, () =>
    nationDashboard(ctx, { nationId: rows[0].id } as never),
  );
}
await db.destroy();
