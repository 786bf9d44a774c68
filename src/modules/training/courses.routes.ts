import { routeTable } from "../../platform/http/route-table.js";
import { created, ok, Page } from "../../platform/http/schemas.js";
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
  const courses = routeTable(app, ["training: courses"]);
  const course = courses.records("/api/training/courses");
  course.list({ query: CourseQuery, response: ok(Page(Course)) }, service.listCourses);
  course.get({ response: ok(CourseDetail) }, service.getCourse);
  course.create(
    "Define the course of a catalogue activity of kind course",
    { body: CourseInput, response: created(CourseDetail) },
    service.createCourse,
  );
  course.update({ body: CoursePatch, response: ok(CourseDetail) }, service.updateCourse);
  courses.get(
    "/api/training/runs/:eventId",
    "A course run: sessions, participants, attendance, results, computed outcomes, certificates",
    { params: RunParams, response: ok(RunDetail) },
    (ctx, { params }) => service.getRun(ctx, params.eventId),
  );
  courses.put(
    "/api/training/runs/:eventId/attendance",
    "Record presence per session (the attendance sheet)",
    { params: RunParams, body: AttendanceInput, response: ok(RunDetail) },
    (ctx, { params, body }) => service.recordAttendance(ctx, params.eventId, body),
  );
  courses.put(
    "/api/training/runs/:eventId/results",
    "Record assessment scores per participant and component (null clears a score)",
    { params: RunParams, body: ResultsInput, response: ok(RunDetail) },
    (ctx, { params, body }) => service.recordResults(ctx, params.eventId, body),
  );
  courses.post(
    "/api/training/runs/:eventId/sign-off",
    "Instructor sign-off: computes pass or fail from the scheme and locks the results",
    { params: RunParams, body: SignOffInput, response: ok(RunDetail) },
    (ctx, { params, body }) => service.signOff(ctx, params.eventId, body.note),
  );
  courses.post(
    "/api/training/runs/:eventId/certificates",
    "Issue certificates to passed participants who have none yet",
    { params: RunParams, body: IssueInput, response: created(IssueResult) },
    (ctx, { params, body }) => service.issueCertificates(ctx, params.eventId, body.nominationIds),
  );
};
