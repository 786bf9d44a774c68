import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";

/**
 * SQL: the person (a column) holds a live certificate of the qualification valid throughout [from, to] (columns or
 * values): `hasValidQualification` for use inside other queries.
 */
export function validQualificationSql(
  personColumn: string,
  qualificationCode: string,
  from: RawBuilder<unknown>,
  to: RawBuilder<unknown>,
) {
  return sql<boolean>`exists (select 1 from certificate vq where vq.person_id = ${sql.ref(personColumn)}
    and vq.qualification_code = ${qualificationCode} and vq.revoked_at is null and vq.valid_from <= ${from}
    and (vq.valid_until is null or vq.valid_until >= ${to}))`;
}

type Q = Kysely<DB>;

export function insertQualification(
  db: Q,
  values: {
    code: string;
    nameEn: string;
    nameAz: string | null;
    nameRu: string | null;
    validityYears: number;
  },
) {
  return db.insertInto("qualification").values(values).returningAll().executeTakeFirstOrThrow();
}

export function lockQualification(db: Q, code: string) {
  return db.selectFrom("qualification").selectAll().where("code", "=", code).forUpdate().executeTakeFirst();
}

export function updateQualification(
  db: Q,
  code: string,
  set: { nameEn?: string; nameAz?: string | null; nameRu?: string | null; validityYears?: number },
) {
  return db
    .updateTable("qualification")
    .set(set)
    .where("code", "=", code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The organiser and host institution of every course that confers the qualification. */
export function coursesConferring(db: Q, code: string) {
  return db
    .selectFrom("course as c")
    .innerJoin("activity as a", "a.id", "c.activityId")
    .select(["a.organiserId", "a.hostInstitutionId"])
    .where("c.qualificationCode", "=", code)
    .execute();
}
