import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./lessons.service.js";
import { Lesson, LessonInput, LessonQuery, LessonTransition } from "./operations.schemas.js";

/** Lessons identified in exercises and their flow. */
export const lessonRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- lessons
  const lessons = routeTable(app, ["operations: lessons"]);
  lessons.get(
    "/api/lessons",
    "Lessons of the exercises the caller may see",
    { query: LessonQuery, response: ok(Page(Lesson)) },
    (ctx, { query }) => service.listLessons(ctx, query),
  );
  lessons.get("/api/lessons/:id", { params: IdParams, response: ok(Lesson) }, (ctx, { params }) =>
    service.getLesson(ctx, params.id),
  );
  lessons.post(
    "/api/exercises/:id/lessons",
    "Record a lesson identified in an exercise",
    { params: IdParams, body: LessonInput, response: created(Lesson) },
    (ctx, { params, body }) => service.addLesson(ctx, params.id, body),
  );
  lessons.post(
    "/api/lessons/:id/transition",
    "Move a lesson on: identified → analysed → learned → closed, or rejected",
    { params: IdParams, body: LessonTransition, response: ok(Lesson) },
    (ctx, { params, body }) => service.transitionLesson(ctx, params.id, body),
  );
};
