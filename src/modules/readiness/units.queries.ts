import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";

/** The SQL of a unit's readiness profile: one row per unit, written whole. */

type Q = Kysely<DB>;

export interface ProfileValues {
  unitType: string;
  size: string;
  echelon: string | null;
  isHeadquarters: boolean;
}

/** Locks the unit's profile, if it has one (the audit's before). */
export function lockProfile(db: Q, unitId: string) {
  return db
    .selectFrom("unitProfile")
    .selectAll()
    .where("organisationId", "=", unitId)
    .forUpdate()
    .executeTakeFirst();
}

export function upsertProfile(db: Q, unitId: string, values: ProfileValues) {
  return db
    .insertInto("unitProfile")
    .values({ organisationId: unitId, ...values })
    .onConflict((oc) => oc.column("organisationId").doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}
