import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { findIdBy } from "../../platform/find-id-by.js";

/** The SQL of an evaluation's results that the audited-write helpers do not cover: the links a result names. */

type Q = Kysely<DB>;

/** Whether the area belongs to the checklist version (the evaluation's own). */
export async function isAreaOfVersion(db: Q, areaId: string, versionId: string) {
  return (await findIdBy(db, "checklistArea", { id: areaId, versionId })) !== undefined;
}

export async function isFindingOf(db: Q, findingId: string, evaluationId: string) {
  return (await findIdBy(db, "evaluationFinding", { id: findingId, evaluationId })) !== undefined;
}

/** Who hears of a published report: the unit's name for the title, and the team's people. */
export async function reportAudience(db: Q, evaluationId: string, unitId: string) {
  const [unit, team] = await Promise.all([
    db.selectFrom("organisation").select("nameEn").where("id", "=", unitId).executeTakeFirstOrThrow(),
    db
      .selectFrom("evaluationTeamMember")
      .select("personId")
      .where("evaluationId", "=", evaluationId)
      .execute(),
  ]);
  return { unitName: unit.nameEn, teamPersonIds: team.map((member) => member.personId) };
}
