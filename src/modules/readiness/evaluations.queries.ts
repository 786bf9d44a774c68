import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { EvaluationPatch } from "./readiness.schemas.js";

/** The SQL of planning an evaluation (its version, phases and answer rows) and of its team. */

type Q = Kysely<DB>;
type Phases = NonNullable<EvaluationPatch["phases"]>;

/** Planning with a version freezes it: locks it (shared) against a concurrent correction of its criteria. */
export async function shareLockVersion(db: Q, versionId: string) {
  const row = await db
    .selectFrom("checklistVersion")
    .select("id")
    .where("id", "=", versionId)
    .forShare()
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of the codes name criteria of the version. */
export async function knownCriterionCodes(db: Q, versionId: string, codes: string[]) {
  const found = await db
    .selectFrom("checklistCriterion")
    .select("code")
    .where("versionId", "=", versionId)
    .where("code", "in", codes)
    .execute();
  return new Set(found.map((criterion) => criterion.code));
}

/** The phases of a new evaluation, and one unanswered answer per agreed criterion (all, or those named). */
export async function insertPlan(
  db: Q,
  plan: { evaluationId: string; versionId: string; phases: Phases; criterionCodes: string[] | null },
) {
  if (plan.phases.length)
    await db
      .insertInto("evaluationPhase")
      .values(plan.phases.map((phase) => ({ ...phase, evaluationId: plan.evaluationId })))
      .execute();
  await sql`insert into evaluation_answer (evaluation_id, criterion_id)
    select ${plan.evaluationId}, c.id from checklist_criterion c
    where c.version_id = ${plan.versionId}
      and (${plan.criterionCodes}::text[] is null or c.code = any(${plan.criterionCodes}::text[]))`.execute(
    db,
  );
}

export async function replacePhases(db: Q, evaluationId: string, phases: Phases) {
  await db.deleteFrom("evaluationPhase").where("evaluationId", "=", evaluationId).execute();
  if (phases.length)
    await db
      .insertInto("evaluationPhase")
      .values(phases.map((phase) => ({ ...phase, evaluationId })))
      .execute();
}

/** People on any evaluation team over dates overlapping these. */
export async function busyEvaluators(db: Q, startsOn: string, endsOn: string) {
  const rows = await db
    .selectFrom("evaluationTeamMember")
    .select("personId")
    .where(sql<boolean>`period && daterange(${startsOn}::date, ${endsOn}::date, '[]')`)
    .execute();
  return new Set(rows.map((row) => row.personId));
}

/** Locks the evaluation while its team changes. */
export function lockForTeam(db: Q, id: string) {
  return db
    .selectFrom("evaluation")
    .select(["id", "startsOn", "endsOn", "state", "unitId"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function unitNation(db: Q, unitId: string) {
  return db
    .selectFrom("organisation as u")
    .innerJoin("nation as n", "n.id", "u.nationId")
    .select(["u.nationId", "n.code", "u.nameEn"])
    .where("u.id", "=", unitId)
    .executeTakeFirstOrThrow();
}

/**
 * The person, locked while the team rules are checked: their nation cannot change, and FOR NO KEY UPDATE is the
 * lock a nomination's acceptance takes, so the double-booking checks of one person run one after the other.
 */
export function lockPersonForAssignment(db: Q, personId: string) {
  return db
    .selectFrom("person")
    .select(["id", "nationId", "givenName", "familyName"])
    .where("id", "=", personId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}
