import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { functionNames } from "./functions/index.js";
import { migrationNames } from "./migrations/index.js";

// The guard that keeps the function files and the numbered migrations from drifting apart (issue 17, item 3).

/** The last migration written while functions were still defined in migrations; later ones edit the files. */
const LAST_MIGRATION_DEFINING_FUNCTIONS = "0040_programme_item_by_programme";

/**
 * Functions a later migration may (re)define itself, with the reason: a migration that needs a new body while it
 * runs (a backfill through a trigger, a generated column). Its file must still hold the current definition.
 */
const DEFINED_BY_LATER_MIGRATIONS: Record<string, string> = {};

/**
 * Functions a migration dropped whose file creates them again, with the reason: a change of arguments or return
 * type, which CREATE OR REPLACE cannot make. Any other dropped function has its file deleted.
 */
const RECREATED_AFTER_DROP: Record<string, string> = {};

const migrationSql = (name: string) =>
  readFileSync(new URL(`./migrations/${name}.sql`, import.meta.url), "utf8").replace(/--[^\n]*/g, "");
const functionSql = (name: string) =>
  readFileSync(new URL(`./functions/${name}.sql`, import.meta.url), "utf8");

const CREATE = /\bcreate\s+(?:or\s+replace\s+)?function\s+(?:public\.)?([a-z_][a-z0-9_]*)\s*\(/gi;
const DROP =
  /\bdrop\s+function\s+(?:if\s+exists\s+)?((?:(?:public\.)?[a-z_][a-z0-9_]*(?:\s*\([^)]*\))?\s*,?\s*)+)/gi;

/**
 * The functions the numbered migrations leave at their end (every one created and not dropped afterwards), and
 * those they created and dropped.
 */
function functionsOfMigrations(): { alive: Set<string>; dropped: Set<string> } {
  const alive = new Set<string>();
  const created = new Set<string>();
  for (const migration of migrationNames) {
    const text = migrationSql(migration);
    const events = [
      ...[...text.matchAll(CREATE)].map((m) => ({ at: m.index, names: [m[1]!], created: true })),
      ...[...text.matchAll(DROP)].map((m) => ({
        at: m.index,
        names: [...m[1]!.replace(/\([^)]*\)/g, "").matchAll(/[a-z_][a-z0-9_]*/gi)]
          .map((n) => n[0])
          .filter((n) => n !== "public"),
        created: false,
      })),
    ].sort((a, b) => a.at - b.at);
    for (const event of events)
      for (const name of event.names.map((n) => n.toLowerCase())) {
        if (event.created) {
          alive.add(name);
          created.add(name);
        } else alive.delete(name);
      }
  }
  return { alive, dropped: new Set([...created].filter((name) => !alive.has(name))) };
}

describe("database function files", () => {
  it("lists every .sql file of src/db/functions once, and nothing else", () => {
    const files = readdirSync(new URL("./functions/", import.meta.url))
      .filter((file) => file.endsWith(".sql"))
      .map((file) => file.replace(/\.sql$/, ""));
    expect([...functionNames].sort()).toEqual(files.sort());
    expect(new Set(functionNames).size).toBe(functionNames.length);
  });

  it("has a file for every function the migrations leave, and none for a function a migration dropped", () => {
    const { alive, dropped } = functionsOfMigrations();
    // A file of a function no migration created is a new function; it needs no migration.
    expect([...alive].filter((name) => !functionNames.includes(name))).toEqual([]);
    expect(functionNames.filter((name) => dropped.has(name) && !(name in RECREATED_AFTER_DROP))).toEqual([]);
    expect([...dropped]).toEqual(["accord_search_sync_series"]);
  });

  it("defines in each file exactly the function the file is named after, as one CREATE OR REPLACE", () => {
    const defined = functionNames.map((name) => [
      name,
      [...functionSql(name).matchAll(/^CREATE OR REPLACE FUNCTION public\.([a-z0-9_]+)\(/gm)].map(
        (m) => m[1],
      ),
    ]);
    expect(defined).toEqual(functionNames.map((name) => [name, [name]]));
  });

  it("orders each LANGUAGE sql function after the functions its body calls (its body is checked when created)", () => {
    const late = functionNames.flatMap((name, index) => {
      const text = functionSql(name);
      if (!/^ LANGUAGE sql$/m.test(text)) return [];
      const body = text.slice(text.indexOf("AS $function$"));
      return [...body.matchAll(/\b(accord_[a-z0-9_]+)\s*\(/g)]
        .map((m) => m[1]!)
        .filter((called) => called !== name && functionNames.indexOf(called) > index)
        .map((called) => `${name} calls ${called}, listed after it`);
    });
    expect(late).toEqual([]);
  });

  it("leaves function definitions to the files in migrations after the cut-over", () => {
    const later = migrationNames.slice(migrationNames.indexOf(LAST_MIGRATION_DEFINING_FUNCTIONS) + 1);
    const defined = later.flatMap((migration) =>
      [...migrationSql(migration).matchAll(CREATE)]
        .map((m) => m[1]!.toLowerCase())
        .filter((name) => !(name in DEFINED_BY_LATER_MIGRATIONS))
        .map((name) => `${migration} defines ${name}: edit src/db/functions/${name}.sql instead`),
    );
    expect(migrationNames).toContain(LAST_MIGRATION_DEFINING_FUNCTIONS);
    expect(defined).toEqual([]);
  });
});
