import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { MembershipInput, PersonPatch } from "./directory.schemas.js";

/** The directory's writes that the audited-write helpers do not cover: delete-or-archive, memberships, people. */

type Q = Kysely<DB>;
export type DirectoryTable = "nation" | "organisation" | "person";

/** The whole row, unlocked: what a delete records as its `before`. */
export async function recordRow(db: Q, table: "nation" | "organisation", id: string) {
  const row = await (table === "nation"
    ? db.selectFrom("nation").selectAll().where("id", "=", id).executeTakeFirst()
    : db.selectFrom("organisation").selectAll().where("id", "=", id).executeTakeFirst());
  return row as Record<string, unknown> | undefined;
}

export async function deleteRecord(db: Q, table: DirectoryTable, id: string) {
  await db.deleteFrom(table).where("id", "=", id).execute();
}

export async function archiveRecord(db: Q, table: DirectoryTable, id: string) {
  await db.updateTable(table).set({ archivedAt: sql<Date>`now()` }).where("id", "=", id).execute();
}

export function insertMembership(db: Q, nationId: string, input: MembershipInput) {
  return db
    .insertInto("nationMembership")
    .values({ ...input, nationId })
    .returning(["id", "kind", "startedOn", "startPrecision", "endedOn", "source", "note"])
    .executeTakeFirstOrThrow();
}

/** The account linked to a person, if any: its nation and affiliations are that account's read scope. */
export function accountOfPerson(db: Q, personId: string) {
  return db.selectFrom("appUser").select("id").where("personId", "=", personId).executeTakeFirst();
}

export async function insertAffiliation(
  db: Q,
  row: { personId: string; organisationId: string; position: string | null },
) {
  await db.insertInto("personAffiliation").values(row).execute();
}

type PersonFields = Omit<PersonPatch, "releaseNationIds" | "releaseOrganisationIds"> & {
  releaseNations?: string[];
  releaseOrganisations?: string[];
};

export function updatePersonRow(db: Q, id: string, fields: PersonFields) {
  return db.updateTable("person").set(fields).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}
