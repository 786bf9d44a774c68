import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Two ratchets on the shape of `src/` (ARCHITECTURE.md, "Ratchets"). Each records today's figure per file; a file
 * may go below its figure but never above it, and a file not listed is held to the default. When you bring a file
 * down, lower its figure here (or delete the line once it meets the default), so that it cannot climb back.
 */

/** Kysely query builders started in a service: SQL belongs in the module's `*.queries.ts`. Default for a service: 0. */
const KYSELY_IN_SERVICES: Record<string, number> = {};

/**
 * SQL (a query builder started, or a raw statement) in any other file of `src/` outside the platform and the
 * database layer, whose job it is: modules keep theirs in `*.queries.ts` (seeds and tests aside). What is left is
 * recorded per file, and may only go down. Default: 0.
 */
const SQL_OUTSIDE_QUERIES: Record<string, number> = {};

/** Files a reader can hold: at most 500 lines, except these (their length on 2026-12-03). */
const MAX_LINES = 500;
const LONG_FILES: Record<string, number> = {
  "src/modules/catalogue/catalogue.queries.ts": 844,
  "src/modules/catalogue/catalogue.schemas.ts": 534,
  "src/modules/catalogue/catalogue.seed.ts": 603,
  "src/modules/catalogue/catalogue.test.ts": 862,
  "src/modules/catalogue/seats.rules.test.ts": 556,
  "src/modules/meetings/meetings.seed.ts": 557,
  "src/modules/meetings/meetings.test.ts": 602,
  "src/modules/notifications/kinds.test.ts": 589,
  "src/modules/operations/operations.seed.ts": 650,
  "src/modules/programmes/programmes.queries.ts": 801,
  "src/modules/programmes/programmes.schemas.ts": 647,
  "src/modules/programmes/programmes.seed.ts": 916,
  "src/modules/programmes/programmes.test.ts": 896,
  "src/modules/readiness/readiness.test.ts": 661,
  "src/modules/training/training.schemas.ts": 510,
  "src/modules/training/training.seed.ts": 602,
  "src/modules/training/training.test.ts": 849,
  "test/access-matrix/entries/meetings.access.ts": 538,
  "test/access-matrix/entries/programmes.access.ts": 573,
  "test/access-matrix/entries/training.access.ts": 637,
};

/**
 * Interfaces written by hand in a web feature's `types.ts` or `api.ts`: the API's records come from the generated
 * document (`ResponseOf<"operationId">`, ARCHITECTURE.md "Server–web contract"). What is left is either not an API
 * record (a picker's option) or waits for its conversion. Default: 0.
 */
const WEB_INTERFACES: Record<string, number> = {
  "web/src/features/audit/api.ts": 4,
  "web/src/features/auth/api.ts": 2,
  "web/src/features/meetings/api.ts": 1,
  "web/src/features/notifications/api.ts": 4,
  "web/src/features/programmes/api.ts": 2,
};

const root = fileURLToPath(new URL("../../", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const KYSELY_CALL = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(/g;

const kyselyCalls = (source: string) => source.match(KYSELY_CALL)?.length ?? 0;
const RAW_STATEMENT = /sql(<[^`]*?>)?`\s*(select|insert|update|delete|with)\b/gi;
const sqlStatements = (source: string) => kyselyCalls(source) + (source.match(RAW_STATEMENT)?.length ?? 0);
const holdsNoSql = (file: string) =>
  /\.(queries|seed|test)\.ts$/.test(file) ||
  file.endsWith(".d.ts") ||
  file.startsWith("src/platform/") ||
  file.startsWith("src/db/");
const interfaces = (source: string) => source.match(/^(export )?interface /gm)?.length ?? 0;
/** Lines as `wc -l` counts them. */
const lineCount = (source: string) => source.match(/\n/g)?.length ?? 0;

/** "file: figure > allowed" for each file above its allowance. */
function overLimit(files: string[], measure: (source: string) => number, allowed: (file: string) => number) {
  return files.flatMap((file) => {
    const figure = measure(readFileSync(join(root, file), "utf8"));
    const limit = allowed(file);
    return figure > limit ? [`${relative(root, join(root, file))}: ${figure} > ${limit}`] : [];
  });
}

describe("the shape ratchets", () => {
  // The access-matrix fixtures moved out of src (they are not built) but are held to the same length.
  const src = [...filesUnder("src"), ...filesUnder("test/access-matrix/entries")];

  it("holds every service to its recorded number of Kysely calls (0 unless listed)", () => {
    const services = src.filter((file) => file.endsWith(".service.ts"));
    expect(services.length).toBeGreaterThan(10);
    expect(
      overLimit(services, kyselyCalls, (file) => KYSELY_IN_SERVICES[file] ?? 0),
      "SQL goes in the module's *.queries.ts or through platform/audited-write.ts, not in a service",
    ).toEqual([]);
  });

  it("holds every other file of src (outside platform/, db/, queries, seeds and tests) to its recorded SQL (0 unless listed)", () => {
    const files = filesUnder("src").filter((file) => file.endsWith(".ts") && !holdsNoSql(file));
    expect(files.length).toBeGreaterThan(100);
    expect(
      overLimit(files, sqlStatements, (file) => SQL_OUTSIDE_QUERIES[file] ?? 0),
      "SQL goes in the module's *.queries.ts (named query functions) or through platform/audited-write.ts",
    ).toEqual([]);
  });

  it(`holds every file in src and the access fixtures to ${MAX_LINES} lines unless recorded, and a recorded one to its length`, () => {
    expect(src.length).toBeGreaterThan(100);
    expect(
      overLimit(src, lineCount, (file) => LONG_FILES[file] ?? MAX_LINES),
      "Split the file along its sections (ARCHITECTURE.md, 'Ratchets')",
    ).toEqual([]);
  });

  const webApiFiles = filesUnder("web/src/features").filter((file) => /\/(types|api)\.ts$/.test(file));

  it("holds each web feature's types.ts and api.ts to its recorded number of hand-written interfaces (0 unless listed)", () => {
    expect(webApiFiles.length).toBeGreaterThan(10);
    expect(
      overLimit(webApiFiles, interfaces, (file) => WEB_INTERFACES[file] ?? 0),
      'Name the API\'s records after the generated types: ResponseOf<"operationId"> from shared/api/contract.ts',
    ).toEqual([]);
  });

  it("lists only files that exist, and no figure a file already meets by default", () => {
    const present = new Set([...src, ...webApiFiles]);
    const stale = [
      ...Object.entries(KYSELY_IN_SERVICES).filter(([file, n]) => !present.has(file) || n === 0),
      ...Object.entries(SQL_OUTSIDE_QUERIES).filter(([file, n]) => !present.has(file) || n === 0),
      ...Object.entries(LONG_FILES).filter(([file, n]) => !present.has(file) || n <= MAX_LINES),
      ...Object.entries(WEB_INTERFACES).filter(([file, n]) => !present.has(file) || n === 0),
    ].map(([file]) => file);
    expect(stale, "Remove these entries from test/guards/shape.unit.test.ts").toEqual([]);
  });

  it("counts query builders and lines as the ratchets mean them", () => {
    expect(kyselyCalls(`db.selectFrom("a"); trx\n  .insertInto("b"); x.updateTable("c").deleteFrom;`)).toBe(
      3,
    );
    expect([lineCount("a\nb\n"), lineCount("a\nb"), lineCount("")]).toEqual([2, 1, 0]);
    expect(
      sqlStatements(
        'sql`select 1`; sql<{ n: number }>`\n  WITH x as (select 1) select`; sql`now()`; db.selectFrom("a")',
      ),
    ).toBe(3);
    expect([
      holdsNoSql("src/modules/a/b.queries.ts"),
      holdsNoSql("src/platform/audit.ts"),
      holdsNoSql("src/modules/a/b.ts"),
    ]).toEqual([true, true, false]);
    expect(interfaces("export interface A {}\ninterface B<T> {}\n  interface C {}\ntype D = {};")).toBe(2);
  });
});
