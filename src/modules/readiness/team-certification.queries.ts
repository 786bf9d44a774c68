import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { holdsValidQualification } from "../training/index.js";
import { EVALUATOR_QUALIFICATION } from "./readiness.schemas.js";

type Q = Kysely<DB>;

/**
 * Whether a team member (`tm`) still holds the evaluator qualification throughout the team's period: re-checked on
 * every read, so a certificate revoked, expired or replaced after the assignment shows at once.
 */
export const teamMemberCertified = holdsValidQualification(
  "tm.person_id",
  EVALUATOR_QUALIFICATION,
  sql`lower(tm.period)`,
  sql`(upper(tm.period) - 1)`,
);

/** Places on open evaluations' teams of a person who no longer holds the qualification for the team's dates. */
export function uncertifiedTeamPlaces(db: Q, personId: string) {
  return db
    .selectFrom("evaluationTeamMember as tm")
    .innerJoin("evaluation as e", "e.id", "tm.evaluationId")
    .innerJoin("organisation as u", "u.id", "e.unitId")
    .innerJoin("person as p", "p.id", "tm.personId")
    .select([
      "tm.id",
      "tm.evaluationId",
      "tm.role",
      "e.title",
      "e.startsOn",
      "e.endsOn",
      "e.ownerNationId",
      "e.evaluatingOrganisationId",
      "u.nameEn as unitName",
      "p.givenName",
      "p.familyName",
    ])
    .where("tm.personId", "=", personId)
    .where("e.state", "in", ["planned", "in_progress"])
    .where(sql<boolean>`not ${teamMemberCertified}`)
    .orderBy("e.startsOn")
    .execute();
}
