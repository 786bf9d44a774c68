import { routeTable } from "../../platform/http/route-table.js";
import { created, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./lessons.service.js";
import { Lesson, LessonInput, LessonQuery, LessonTransition } from "./operations.schemas.js";

/** Lessons identified in exercises and their flow. */
export const lessonRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- lessons
  const lessons = routeTable(app, ["operations: lessons"]);
  const lesson = lessons.records("/api/lessons");
  lesson.list(
    "Lessons of the exercises the caller may see",
    { query: LessonQuery, response: ok(Page(Lesson)) },
    service.listLessons,
  );
  lesson.get({ response: ok(Lesson) }, service.getLesson);
  lessons
    .records("/api/exercises")
    .post(
      "lessons",
      { summary: "Record a lesson identified in an exercise", body: LessonInput, response: created(Lesson) },
      service.addLesson,
    );
  lesson.post(
    "transition",
    {
      summary: "Move a lesson on: identified → analysed → learned → closed, or rejected",
      body: LessonTransition,
      response: ok(Lesson),
    },
    service.transitionLesson,
  );
};
