import type { Db } from "../db/database.js";

/**
 * The ids of the nations or organisations by code, as a look-up for a module's seed (named `seed` in the error): a
 * code the directory does not hold stops the seed rather than writing a row without its link.
 */
export async function codeLookup(db: Db, table: "nation" | "organisation", seed: string) {
  const rows = await db.selectFrom(table).select(["id", "code"]).execute();
  const ids = new Map(rows.map((row) => [row.code.trim(), row.id]));
  const idOf = (code: string) => {
    const id = ids.get(code);
    if (!id) throw new Error(`${seed}: no ${table} ${code}`);
    return id;
  };
  return Object.assign(idOf, { has: (code: string) => ids.has(code) });
}
