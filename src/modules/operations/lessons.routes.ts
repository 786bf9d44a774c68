import { ctxOf } from "../../platform/http/request-context.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./lessons.service.js";
import { Lesson, LessonInput, LessonQuery, LessonTransition } from "./operations.schemas.js";

/** Lessons identified in exercises and their flow. */
export const lessonRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- lessons
  const lessons = ["operations: lessons"];
  app.get(
    "/api/lessons",
    {
      schema: {
        tags: lessons,
        summary: "Lessons of the exercises the caller may see",
        querystring: LessonQuery,
        response: ok(Page(Lesson)),
      },
    },
    async (request) => service.listLessons(ctxOf(request), request.query),
  );
  app.get(
    "/api/lessons/:id",
    { schema: { tags: lessons, params: IdParams, response: ok(Lesson) } },
    async (request) => service.getLesson(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/exercises/:id/lessons",
    {
      schema: {
        tags: lessons,
        summary: "Record a lesson identified in an exercise",
        params: IdParams,
        body: LessonInput,
        response: created(Lesson),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addLesson(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/lessons/:id/transition",
    {
      schema: {
        tags: lessons,
        summary: "Move a lesson on: identified → analysed → learned → closed, or rejected",
        params: IdParams,
        body: LessonTransition,
        response: ok(Lesson),
      },
    },
    async (request) => service.transitionLesson(ctxOf(request), request.params.id, request.body),
  );
};
