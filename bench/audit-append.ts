/**
 * The audit trail's append path alone, with and without the transparency log's leaf hash (issue 25): the chain
 * trigger of 0001 against the one of 0026, alternately, on one freshly migrated database, each round N inserts from
 * C concurrent connections (autocommit, as the nomination storm's requests do). Prints the rounds and the medians.
 *
 *   npx tsx bench/audit-append.ts [--url postgres://postgres@127.0.0.1:5432/postgres] [--rounds 5] [--n 2000] [--c 8]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createPool } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";

const { values: args } = parseArgs({
  options: {
    url: {
      type: "string",
      default: process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
    },
    rounds: { type: "string", default: "5" },
    n: { type: "string", default: "2000" },
    c: { type: "string", default: "8" },
  },
});
const N = Number(args.n);
const C = Number(args.c);
const name = `accord_append_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: args.url });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(args.url!);
url.pathname = `/${name}`;
const pool = createPool(url.toString(), C + 1);
const migrations = path.resolve(import.meta.dirname, "../src/db/migrations");
/** The chain function as 0026 defines it, and as it was before (0001): the same body without the leaf hash. */
const after = readFileSync(path.join(migrations, "0026_transparency_log.sql"), "utf8").match(
  /create or replace function accord_audit_chain\(\)[\s\S]*?end \$\$;/,
)![0];
const before = after.replace(/\n {2}new\.leaf_hash := [^\n]*/, "");

async function round(variant: "before" | "after"): Promise<number> {
  await pool.query(variant === "after" ? after : before);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next < N) {
        next++;
        await pool.query(
          `insert into audit_entry (actor_label, action, record_type, record_id, diff)
           values ('bench', 'nomination.create', 'nomination', gen_random_uuid()::text, '{"after":{"status":"waitlisted"}}')`,
        );
      }
    }),
  );
  return N / ((performance.now() - started) / 1000);
}

try {
  await migrate(pool);
  await pool.query("alter table audit_entry alter column leaf_hash drop not null");
  const rates: Record<"before" | "after", number[]> = { before: [], after: [] };
  await round("before"); // warm-up
  for (let i = 0; i < Number(args.rounds); i++) {
    for (const variant of ["before", "after"] as const) {
      const rate = await round(variant);
      rates[variant].push(rate);
      console.log(`round ${i + 1} ${variant}: ${rate.toFixed(0)} appends/s`);
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const b = median(rates.before);
  const a = median(rates.after);
  console.log(
    `median appends/s (${N} inserts, ${C} connections): before ${b.toFixed(0)}, after ${a.toFixed(0)} (${(((a - b) / b) * 100).toFixed(1)} %)`,
  );
} finally {
  await pool.end();
  await admin.query(`drop database ${name} with (force)`);
  await admin.end();
}
