import "./operations.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { insertRecord, updateRecord } from "../../platform/audited-write.js";
import { orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { assertTransition, illegalTransition } from "../../platform/transitions.js";
import { editableExercise } from "./exercises.service.js";
import * as queries from "./lessons.queries.js";
import { ownerOf } from "./operations.common.js";
import type { LessonInput, LessonQuery, LessonTransition } from "./operations.schemas.js";
import { LESSON_TRANSITIONS } from "./operations.transitions.js";

export async function listLessons(ctx: Ctx, query: LessonQuery) {
  authorize(ctx.viewer, "exercise.read");
  return paged(query, await queries.listLessons(ctx.db, ctx.viewer, query));
}

export async function addLesson(ctx: Ctx, exerciseId: string, input: LessonInput) {
  const exercise = await editableExercise(ctx, exerciseId);
  const row = await insertRecord(
    ctx,
    "lesson",
    {
      title: input.title,
      observation: input.observation ?? null,
      recommendation: input.recommendation ?? null,
      ...ownerOf(input, exercise),
      exerciseId,
    },
    { action: "lesson.create" },
  );
  return getLesson(ctx, row.id);
}

export async function getLesson(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "exercise.read");
  return orNotFound(await queries.findLesson(ctx.db, ctx.viewer, id), "The lesson");
}

export async function transitionLesson(ctx: Ctx, id: string, input: LessonTransition) {
  authorize(ctx.viewer, "exercise.read");
  const lesson = orNotFound(await queries.findLesson(ctx.db, ctx.viewer, id), "The lesson");
  authorize(ctx.viewer, "lesson.update", {
    exercise: {
      ownerNationId: lesson.exerciseOwnerNationId,
      ownerOrganisationId: lesson.exerciseOwnerOrganisationId,
    },
    lesson: { ownerNationId: lesson.ownerNationId, ownerOrganisationId: lesson.ownerOrganisationId },
  });
  await updateRecord(
    ctx,
    "lesson",
    { id, missing: "The lesson" },
    (before) => {
      // Moving to the state it is in is no move at all here: the route exists to change the state.
      if (before.status === input.to) throw illegalTransition(LESSON_TRANSITIONS, before.status, input.to);
      assertTransition(LESSON_TRANSITIONS, before.status, input.to);
      const followUpActivityId =
        input.followUpActivityId !== undefined ? input.followUpActivityId : before.followUpActivityId;
      const followUpReference =
        input.followUpReference !== undefined ? input.followUpReference : before.followUpReference;
      if (input.to === "learned" && !followUpActivityId && !followUpReference) {
        throw validation(
          "body.followUpReference",
          "a lesson is learned only when a later activity or plan takes it up: give followUpActivityId or followUpReference",
        );
      }
      if (input.to === "rejected" && !input.note)
        throw validation("body.note", "say why the lesson is rejected");
      return {
        status: input.to,
        followUpActivityId,
        followUpReference,
        ...(input.note !== undefined ? { statusNote: input.note } : {}),
      };
    },
    {
      action: `lesson.${input.to}`,
      rules: ({ kind }) =>
        kind === "foreignKey" ? ["body.followUpActivityId", "does not exist", "UNPROCESSABLE"] : undefined,
    },
  );
  return getLesson(ctx, id);
}
