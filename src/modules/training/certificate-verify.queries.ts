import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { findCertificate } from "./training.queries.js";

type Q = Kysely<DB>;

export async function findCertificateByNumber(db: Q, number: string) {
  const row = await db.selectFrom("certificate").select("id").where("number", "=", number).executeTakeFirst();
  return row ? findCertificate(db, row.id) : undefined;
}

/**
 * Who stands behind a certificate: the course's host institution (else its organiser) and who signed it (the account
 * that issued it, else the course's director).
 */
export async function certificateIssuer(
  db: Q,
  row: {
    id: string;
    hostInstitutionId: string | null;
    organiserId: string;
    courseId: string;
    qualificationCode: string | null;
  },
) {
  const issuer = await db
    .selectFrom("organisation")
    .select(["nameEn", "nameAz", "nameRu"])
    .where("id", "=", row.hostInstitutionId ?? row.organiserId)
    .executeTakeFirstOrThrow();
  const { issuedBy } = await db
    .selectFrom("certificate")
    .select("issuedBy")
    .where("id", "=", row.id)
    .executeTakeFirstOrThrow();
  const signatory = issuedBy
    ? await db.selectFrom("appUser").select("displayName").where("id", "=", issuedBy).executeTakeFirst()
    : await db
        .selectFrom("course")
        .innerJoin("person", "person.id", "course.directorPersonId")
        .select(
          sql<string>`concat_ws(' ', person.rank_title, person.given_name, person.family_name)`.as(
            "displayName",
          ),
        )
        .where("course.id", "=", row.courseId)
        .executeTakeFirst();
  const qualification = row.qualificationCode
    ? await db
        .selectFrom("qualification")
        .select(["nameEn", "nameAz", "nameRu"])
        .where("code", "=", row.qualificationCode)
        .executeTakeFirst()
    : undefined;
  return { issuer, signatory: signatory?.displayName ?? null, qualification: qualification ?? null };
}
