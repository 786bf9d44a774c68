import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/test-app.js";
import { functionNames } from "./functions/index.js";

// Issue 17, item 3: after migrating a fresh database, every function in it is the one its file defines.

let t: TestApp;
const fileText = (name: string) => readFileSync(new URL(`./functions/${name}.sql`, import.meta.url), "utf8");
/** A file's definition: its text without the leading comment and the closing semicolon. */
const definition = (text: string) =>
  text
    .replace(/^(?:--[^\n]*\n|\s*\n)*/, "")
    .trimEnd()
    .replace(/;$/, "");

/** Code-point order, whatever the database's collation. */
const byName = (a: { name: string } | string[], b: { name: string } | string[]) => {
  const [x, y] = [Array.isArray(a) ? a[0]! : a.name, Array.isArray(b) ? b[0]! : b.name];
  return x < y ? -1 : x > y ? 1 : 0;
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("database function files on a migrated database", () => {
  it("holds exactly the functions of the files, each as pg_get_functiondef prints the file's definition", async () => {
    // Functions of the public schema that no extension (unaccent, pg_trgm, btree_gist, fuzzystrmatch) owns.
    const { rows } = await sql<{ name: string; def: string }>`
      select p.proname as name, pg_get_functiondef(p.oid) as def
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public'
        and not exists (select 1 from pg_depend d
                        where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
      order by p.proname, p.oid`.execute(t.db);
    const inDatabase = rows.map((row) => [row.name, row.def.trimEnd()]).sort(byName);
    const inFiles = functionNames.map((name) => [name, definition(fileText(name))]).sort(byName);
    expect(inDatabase).toEqual(inFiles);
  });

  it("names in each trigger function's comment the triggers that call it", async () => {
    const { rows } = await sql<{ name: string; triggers: string[] }>`
      select p.proname as name, array_agg(t.tgname || ' on ' || t.tgrelid::regclass::text) as triggers
      from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and not t.tgisinternal
      group by p.proname order by p.proname`.execute(t.db);
    // "Trigger function of a on x, b on y." or, for many, "Trigger function of triggers on many tables (...)".
    const named = functionNames.flatMap((name) => {
      const comment = fileText(name)
        .split("\n")
        .filter((line) => line.startsWith("--"))
        .map((line) => line.replace(/^--\s?/, ""))
        .join(" ");
      const paragraph = /Trigger function of (.*?)\. Triggers are created/.exec(comment)?.[1];
      if (!paragraph) return [];
      if (paragraph.startsWith("triggers on many tables")) return [{ name, triggers: ["many"] }];
      return [
        {
          name,
          triggers: [...paragraph.matchAll(/([a-z0-9_]+) on ([a-z0-9_]+)/g)]
            .map((m) => `${m[1]} on ${m[2]}`)
            .sort(),
        },
      ];
    });
    const inDatabase = rows.map((row) => ({
      name: row.name,
      triggers: row.triggers.length > 6 ? ["many"] : row.triggers.sort(),
    }));
    expect(named.sort(byName)).toEqual(inDatabase.sort(byName));
  });

  it("records the checksum of every file as applied", async () => {
    const { rows } = await sql<{ name: string; checksum: string }>`
      select name, checksum from schema_function_file order by name`.execute(t.db);
    const files = functionNames.map((name) => ({
      name,
      checksum: createHash("sha256").update(fileText(name)).digest("hex"),
    }));
    expect(rows.sort(byName)).toEqual(files.sort(byName));
  });
});
