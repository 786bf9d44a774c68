import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";

/** The set-based look-ups of the people import (people-import.ts): a few statements per file, none per row. */

type Db = Kysely<DB> | Transaction<DB>;

export const PERSON_COLUMNS = [
  "id",
  "givenName",
  "familyName",
  "nationId",
  "rankTitle",
  "email",
  "phone",
  "languages",
  "ownerNationId",
  "ownerOrganisationId",
  "releasability",
  "releaseNations",
  "releaseOrganisations",
] as const;

/** Codes of the nations and organisations in use, upper-cased, for resolving a row's codes. */
export async function activeCodes(db: Db) {
  const nations = await db
    .selectFrom("nation")
    .select(["id", "code"])
    .where("archivedAt", "is", null)
    .execute();
  const organisations = await db
    .selectFrom("organisation")
    .select(["id", "code"])
    .where("archivedAt", "is", null)
    .execute();
  return {
    nation: new Map(nations.map((n) => [n.code.toUpperCase(), n.id])),
    organisation: new Map(organisations.map((o) => [o.code.toUpperCase(), o.id])),
  };
}

/** Every person holding one of these (lower-case) addresses, visible or not: the address is unique. */
export function peopleByEmail(db: Db, emails: string[]) {
  return db
    .selectFrom("person")
    .select([...PERSON_COLUMNS])
    .where((eb) => eb.fn("lower", ["email"]), "in", emails)
    .execute();
}

/** The people the viewer may see whose family name is one of these (lower-case), archived ones left out. */
export function visiblePeopleByFamilyName(db: Db, viewer: Viewer, families: string[]) {
  return db
    .selectFrom("person")
    .select([...PERSON_COLUMNS])
    .where((eb) => eb.fn("lower", ["familyName"]), "in", families)
    .where("archivedAt", "is", null)
    .where(visibleTo(viewer, "person"))
    .execute();
}

/** The affiliations of these people, newest first. */
export function affiliationsOf(db: Db, personIds: string[]) {
  return db
    .selectFrom("personAffiliation")
    .select(["id", "personId", "organisationId", "position", "startedOn", "endedOn"])
    .where("personId", "in", personIds)
    .orderBy("createdAt", "desc")
    .execute();
}

/** The ids of the people linked to a user account. */
export async function peopleWithAccounts(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom("appUser").select("personId").where("personId", "is not", null).execute();
  return new Set(rows.map((u) => u.personId!));
}
