import { type RawBuilder, sql } from "kysely";

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
