import { ctxOf } from "../../platform/http/request-context.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  AttendanceInput,
  Course,
  CourseDetail,
  CourseInput,
  CoursePatch,
  CourseQuery,
  IssueInput,
  IssueResult,
  ResultsInput,
  RunDetail,
  RunParams,
  SignOffInput,
} from "./training.schemas.js";
import * as service from "./training.service.js";

/** Courses and their runs: attendance, results, sign-off and the issue of certificates. */
export const coursesRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- courses and runs
  const courses = ["training: courses"];
  app.get(
    "/api/training/courses",
    { schema: { tags: courses, querystring: CourseQuery, response: ok(Page(Course)) } },
    async (request) => service.listCourses(ctxOf(request), request.query),
  );
  app.get(
    "/api/training/courses/:id",
    { schema: { tags: courses, params: IdParams, response: ok(CourseDetail) } },
    async (request) => service.getCourse(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/training/courses",
    {
      schema: {
        tags: courses,
        summary: "Define the course of a catalogue activity of kind course",
        body: CourseInput,
        response: created(CourseDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCourse(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/training/courses/:id",
    { schema: { tags: courses, params: IdParams, body: CoursePatch, response: ok(CourseDetail) } },
    async (request) => service.updateCourse(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/training/runs/:eventId",
    {
      schema: {
        tags: courses,
        summary: "A course run: sessions, participants, attendance, results, computed outcomes, certificates",
        params: RunParams,
        response: ok(RunDetail),
      },
    },
    async (request) => service.getRun(ctxOf(request), request.params.eventId),
  );
  app.put(
    "/api/training/runs/:eventId/attendance",
    {
      schema: {
        tags: courses,
        summary: "Record presence per session (the attendance sheet)",
        params: RunParams,
        body: AttendanceInput,
        response: ok(RunDetail),
      },
    },
    async (request) => service.recordAttendance(ctxOf(request), request.params.eventId, request.body),
  );
  app.put(
    "/api/training/runs/:eventId/results",
    {
      schema: {
        tags: courses,
        summary: "Record assessment scores per participant and component (null clears a score)",
        params: RunParams,
        body: ResultsInput,
        response: ok(RunDetail),
      },
    },
    async (request) => service.recordResults(ctxOf(request), request.params.eventId, request.body),
  );
  app.post(
    "/api/training/runs/:eventId/sign-off",
    {
      schema: {
        tags: courses,
        summary: "Instructor sign-off: computes pass or fail from the scheme and locks the results",
        params: RunParams,
        body: SignOffInput,
        response: ok(RunDetail),
      },
    },
    async (request) => service.signOff(ctxOf(request), request.params.eventId, request.body.note),
  );
  app.post(
    "/api/training/runs/:eventId/certificates",
    {
      schema: {
        tags: courses,
        summary: "Issue certificates to passed participants who have none yet",
        params: RunParams,
        body: IssueInput,
        response: created(IssueResult),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.issueCertificates(ctxOf(request), request.params.eventId, request.body.nominationIds),
        ),
  );
};
