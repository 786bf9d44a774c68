import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";

type Q = Kysely<DB>;

/** Lookups of other capabilities' reference records that programmes' writes check against. */
export async function nationExists(db: Q, id: string) {
  return Boolean(await db.selectFrom("nation").select("id").where("id", "=", id).executeTakeFirst());
}

export async function nationCode(db: Q, id: string) {
  const row = await db.selectFrom("nation").select("code").where("id", "=", id).executeTakeFirstOrThrow();
  return row.code;
}

export async function organisationExists(db: Q, id: string) {
  return Boolean(await db.selectFrom("organisation").select("id").where("id", "=", id).executeTakeFirst());
}
