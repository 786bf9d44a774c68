import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";

type Q = Kysely<DB>;

const ANSWER_COLUMNS = [
  "ans.criterionId",
  "ans.answer",
  "ans.comment",
  "ans.evidence",
  "ans.version",
  "au.displayName as answeredBy",
  "ans.answeredAt",
] as const;

/** A checklist criterion and its area, from `checklistArea as a` and `checklistCriterion as c`. */
export const CRITERION_COLUMNS = [
  "a.id as areaId",
  "a.code as areaCode",
  "a.title as areaTitle",
  "c.id",
  "c.code",
  "c.text",
  "c.guidance",
  "c.critical",
] as const;

export function evaluationChecklist(db: Q, evaluationId: string) {
  return db
    .selectFrom("evaluationAnswer as ans")
    .innerJoin("checklistCriterion as c", "c.id", "ans.criterionId")
    .innerJoin("checklistArea as a", "a.id", "c.areaId")
    .leftJoin("appUser as au", "au.id", "ans.answeredBy")
    .select([...CRITERION_COLUMNS, ...ANSWER_COLUMNS])
    .where("ans.evaluationId", "=", evaluationId)
    .orderBy("a.sortOrder")
    .orderBy("c.sortOrder")
    .execute();
}

export function answerRow(db: Q, evaluationId: string, criterionId: string) {
  return db
    .selectFrom("evaluationAnswer as ans")
    .leftJoin("appUser as au", "au.id", "ans.answeredBy")
    .select(ANSWER_COLUMNS)
    .where("ans.evaluationId", "=", evaluationId)
    .where("ans.criterionId", "=", criterionId)
    .executeTakeFirst();
}

/**
 * Locks the evaluation shared (answers go on in parallel, never across the report that closes it) and tells its
 * state, its first day and whether that day has come.
 */
export function lockEvaluationForAnswer(db: Q, evaluationId: string) {
  return db
    .selectFrom("evaluation")
    .select(["state", "startsOn", sql<boolean>`starts_on <= current_date`.as("started")])
    .where("id", "=", evaluationId)
    .forShare()
    .executeTakeFirstOrThrow();
}

/** Writes one answer over the version the writer read; nothing when that version is no longer current. */
export function writeAnswer(
  db: Q,
  key: { evaluationId: string; criterionId: string; version: number },
  set: {
    answer: string | null;
    comment?: string | null;
    evidence?: string | null;
    answeredBy: string | null;
  },
) {
  return db
    .updateTable("evaluationAnswer")
    .set({
      ...set,
      version: sql<number>`version + 1`,
      answeredAt: sql<Date>`now()`,
    })
    .where("evaluationId", "=", key.evaluationId)
    .where("criterionId", "=", key.criterionId)
    .where("version", "=", key.version)
    .returning(["answer", "comment", "evidence", "version"])
    .executeTakeFirst();
}
