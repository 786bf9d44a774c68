import { jsonObjectFrom } from "kysely/helpers/postgres";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import { allowedFrom } from "../../platform/transitions.js";
import { activityVisible } from "../catalogue/index.js";
import type { LessonQuery } from "./operations.schemas.js";
import { LESSON_TRANSITIONS } from "./operations.transitions.js";
import { codeNameRef, nationRef, organisationRef, type Q } from "./shared.queries.js";

/** A lesson as answered: with the states it may move to next, from the one table. */
const withFlow = <R extends { status: string }>(row: R) => ({
  ...row,
  allowedTransitions: allowedFrom(LESSON_TRANSITIONS, row.status),
});

// ------------------------------------------------------------------ lessons
/** Lessons with their exercise and follow-up activity: the activity only when the viewer may read it. */
const lessonSelect = (db: Q, viewer: Viewer) =>
  db
    .selectFrom("lesson")
    .innerJoin("exercise", "exercise.id", "lesson.exerciseId")
    .select([
      "lesson.id",
      "lesson.exerciseId",
      "lesson.title",
      "lesson.observation",
      "lesson.recommendation",
      "lesson.status",
      "lesson.ownerNationId",
      "lesson.ownerOrganisationId",
      "lesson.followUpActivityId",
      "lesson.followUpReference",
      "lesson.statusNote",
      "lesson.sample",
      "lesson.updatedAt",
    ])
    .select((eb) => [
      codeNameRef(eb, "exercise", "lesson.exercise_id").$notNull().as("exercise"),
      nationRef(eb, "lesson.owner_nation_id").as("ownerNation"),
      organisationRef(eb, "lesson.owner_organisation_id").as("ownerOrganisation"),
      jsonObjectFrom(
        eb
          .selectFrom("activity as fa")
          .select(["fa.id", "fa.code", "fa.titleEn"])
          .whereRef("fa.id", "=", "lesson.followUpActivityId")
          .where(activityVisible(viewer, "fa")),
      ).as("followUpActivity"),
    ]);

export async function listLessons(db: Q, viewer: Viewer, query: LessonQuery) {
  let base = db
    .selectFrom("lesson")
    .innerJoin("exercise", "exercise.id", "lesson.exerciseId")
    .where(visibleTo(viewer, "exercise"));
  if (query.exerciseId) base = base.where("lesson.exerciseId", "=", query.exerciseId);
  if (query.status) base = base.where("lesson.status", "=", query.status);
  const ids = base.select("lesson.id");
  const page = await pageOf(
    query,
    lessonSelect(db, viewer)
      .where("lesson.id", "in", ids)
      .orderBy("exercise.startsOn", "desc")
      .orderBy("lesson.createdAt")
      .orderBy("lesson.id"),
    base,
  );
  return { items: page.items.map(withFlow), total: page.total };
}

export function findLesson(db: Q, viewer: Viewer, id: string) {
  return lessonSelect(db, viewer)
    .select([
      "exercise.ownerNationId as exerciseOwnerNationId",
      "exercise.ownerOrganisationId as exerciseOwnerOrganisationId",
    ])
    .where("lesson.id", "=", id)
    .where(visibleTo(viewer, "exercise"))
    .executeTakeFirst()
    .then((row) => row && withFlow(row));
}

export function lessonsOfExercise(db: Q, viewer: Viewer, exerciseId: string) {
  return lessonSelect(db, viewer)
    .where("lesson.exerciseId", "=", exerciseId)
    .orderBy("lesson.createdAt")
    .orderBy("lesson.id")
    .execute()
    .then((rows) => rows.map(withFlow));
}
