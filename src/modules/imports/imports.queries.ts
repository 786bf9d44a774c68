import { sql } from "kysely";
import type { Db } from "../../db/database.js";

/** The SQL of imports themselves: each user's remembered column mapping per kind. */

export async function rememberedMapping(db: Db, userId: string, kind: string) {
  const row = await db
    .selectFrom("importMapping")
    .select("mapping")
    .where("userId", "=", userId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  return row?.mapping ?? null;
}

export async function rememberMapping(db: Db, userId: string, kind: string, mapping: unknown) {
  await db
    .insertInto("importMapping")
    .values({ userId, kind, mapping: JSON.stringify(mapping) })
    .onConflict((oc) =>
      oc.columns(["userId", "kind"]).doUpdateSet({ mapping: JSON.stringify(mapping), updatedAt: sql`now()` }),
    )
    .execute();
}
