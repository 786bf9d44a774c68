/**
 * Before/after timing of the catalogue search statement on two search tables, in one sitting (docs/search-plans.md):
 *   npx tsx bench/compare-search.ts <postgres url> <table A> <table B> [--code-a <checkout>] [--rounds 5]
 *     [--queries 24] [--explain]
 * Captures the statements of the bench's distinct searches (words × kinds × years, as bench/run.ts builds them),
 * of text-only searches and of unfiltered pages: table B's from this checkout's code, table A's from the code of
 * `--code-a` (default: this checkout). Each runs on its table (the name `activity_search` replaced), A and B
 * alternating statement by statement on one connection; prints the median time of each case per table, their
 * ratio, whether both returned the same rows, and with `--explain` EXPLAIN (ANALYZE, BUFFERS) of the first distinct
 * and the first text-only search on both.
 */
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { ANONYMOUS } from "../src/platform/access/viewer.js";
import { capturingDb, catalogueQuery, type Statement } from "./capture.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: "string", default: "5" },
    queries: { type: "string", default: "24" },
    explain: { type: "boolean", default: false },
    "code-a": { type: "string" },
  },
});
const [url, tableA = "activity_search", tableB = "activity_search"] = positionals;
const rounds = Number(values.rounds);
const pool = new pg.Pool({ connectionString: url, max: 1 });
const viewer = { ...ANONYMOUS, userId: "00000000-0000-0000-0000-000000000000" };
const words = ["security", "defence", "logistics", "cyber", "border", "maritime", "crisis", "energy"];
const kinds = ["course,seminar,workshop", "exercise,training", "conference,meeting"];
const distinct = Array.from({ length: Number(values.queries) }, (_, i) => {
  const word = words[i % words.length];
  const kind = kinds[Math.floor(i / words.length) % kinds.length];
  const year = 2002 + (Math.floor(i / (words.length * kinds.length)) % 25);
  return `q=${word}&kind=${kind}&year=${year}&language=en&limit=20`;
});
const cases: [string, string[]][] = [
  ["distinct", distinct],
  ["text only", words.slice(0, 4).map((w) => `q=${w}&limit=20`)],
  ["unfiltered", [0, 1, 2, 3].map((i) => `limit=25&offset=${i * 1250 + 7}`)],
];

/** The last statement of each search, built by the catalogue code of the given checkout. */
async function capture(checkout: string) {
  const module = (await import(
    path.resolve(checkout, "src/modules/catalogue/catalogue.queries.ts")
  )) as typeof import("../src/modules/catalogue/catalogue.queries.js");
  const { db, take } = capturingDb(pool);
  const out = new Map<string, Statement>();
  for (const [, list] of cases) {
    for (const qs of list) {
      take();
      await module.searchActivities(db, viewer, catalogueQuery(qs));
      out.set(qs, take().at(-1)!);
    }
  }
  return out;
}
const statementsB = await capture(path.resolve(import.meta.dirname, ".."));
const statementsA = values["code-a"] ? await capture(values["code-a"]) : statementsB;
const on = (s: Statement, table: string) => ({
  text: s.sql.replace(/\bactivity_search\b/g, table),
  values: s.parameters,
});
const client = await pool.connect();
const results = new Map<string, number[]>();
const differing = new Set<string>();
for (let round = 0; round < rounds; round++) {
  for (const [name, list] of cases) {
    for (const qs of list) {
      // Keyed by side, not by table: both sides may read the same table (code A against code B).
      const runs: [string, string, Statement][] = [
        ["A", tableA, statementsA.get(qs)!],
        ["B", tableB, statementsB.get(qs)!],
      ];
      if (round % 2 === 1) runs.reverse();
      const outputs: Record<string, string> = {};
      for (const [side, table, statement] of runs) {
        const started = performance.now();
        const { rows } = await client.query(on(statement, table));
        const ms = performance.now() - started;
        const key = `${name}|${side}`;
        results.set(key, [...(results.get(key) ?? []), ms]);
        outputs[side] = JSON.stringify(rows.map(({ token: _t, ...row }) => row));
      }
      if (round === 0 && outputs.A !== outputs.B) differing.add(qs);
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  `load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}, ${rounds} rounds`,
);
for (const [name, list] of cases) {
  const a = median(results.get(`${name}|A`)!);
  const b = median(results.get(`${name}|B`)!);
  console.log(
    `${name.padEnd(11)} (${list.length} statements × ${rounds}): A ${tableA} p50 ${a.toFixed(1)} ms, B ${tableB} p50 ${b.toFixed(1)} ms, A/B ${(a / b).toFixed(2)}`,
  );
}
console.log(differing.size ? `DIFFERENT rows for: ${[...differing].join(" ; ")}` : "same rows from A and B");
if (values.explain) {
  for (const qs of [distinct[0]!, cases[1]![1][0]!]) {
    for (const [table, statements] of [
      [tableA, statementsA],
      [tableB, statementsB],
    ] as const) {
      const statement = on(statements.get(qs)!, table);
      const { rows } = await client.query({
        ...statement,
        text: `explain (analyze, buffers) ${statement.text}`,
      });
      console.log(`=== ${table}: ${qs}`);
      console.log(rows.map((row) => row["QUERY PLAN"]).join("\n"));
    }
  }
}
client.release();
await pool.end();
