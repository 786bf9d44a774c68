/* Courses: their definition, qualification and assessment scheme. */
import "./training.policy.js";
import type { AssessmentScheme } from "../../db/schema/training.js";
import { authorize, can } from "../../platform/access/policy.js";
import { auditedUpdate, insertRecord } from "../../platform/audited-write.js";
import { isForeignKeyViolation, isUniqueViolation } from "../../platform/constraint-errors.js";
import { AppError, notFound, orNotFound, unprocessable, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { findCourseActivity } from "./courses.queries.js";
import * as queries from "./training.queries.js";
import type { CourseInput, CoursePatch, CourseQuery } from "./training.schemas.js";

import { iso, titles } from "./training.values.js";

function courseOutput(ctx: Ctx, row: queries.CourseRow) {
  return {
    id: row.id,
    activityId: row.activityId,
    activityCode: row.activityCode,
    title: titles(row),
    organiserId: row.organiserId,
    hostInstitutionId: row.hostInstitutionId,
    qualification: row.qualificationCode
      ? {
          code: row.qualificationCode,
          name: { en: row.qualificationNameEn!, az: row.qualificationNameAz, ru: row.qualificationNameRu },
          validityYears: row.qualificationValidityYears!,
        }
      : null,
    objectives: row.objectives,
    modules: row.modules,
    totalHours: row.modules.reduce((sum, module) => sum + module.hours, 0),
    entryRequirements: row.entryRequirements,
    assessment: row.assessment,
    certificateValidityYears: row.certificateValidityYears,
    director: row.director,
    instructors: row.instructors,
    sample: row.sample,
    canManage: can(ctx.viewer, "course.manage", row),
  };
}

export async function listCourses(ctx: Ctx, query: CourseQuery) {
  authorize(ctx.viewer, "course.read");
  const page = await queries.listCourses(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map((row) => courseOutput(ctx, row)) });
}

export async function getCourse(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "course.read");
  const row = orNotFound(await queries.findCourse(ctx.db, ctx.viewer, id), "The course");
  const runs = await queries.courseRuns(ctx.db, id);
  return {
    ...courseOutput(ctx, row),
    runs: runs.map((run) => ({ ...run, signedOffAt: iso(run.signedOffAt) })),
  };
}

function checkScheme(scheme: AssessmentScheme, field: string) {
  const codes = new Set<string>();
  for (const [index, component] of scheme.components.entries()) {
    if (codes.has(component.code)) throw validation(`${field}.components.${index}.code`, "is used twice");
    codes.add(component.code);
    if (component.minScore !== undefined && component.minScore > component.maxScore) {
      throw validation(`${field}.components.${index}.minScore`, "must not exceed maxScore");
    }
  }
  if (scheme.components.every((component) => component.weight === 0)) {
    throw validation(`${field}.components`, "at least one component needs a weight");
  }
}

export async function createCourse(ctx: Ctx, input: CourseInput) {
  const activity = await findCourseActivity(ctx.db, input.activityId);
  authorize(ctx.viewer, "course.manage", activity ?? { organiserId: "", hostInstitutionId: null });
  if (!activity) throw notFound("The activity");
  if (activity.kind !== "course") throw unprocessable("body.activityId", "the activity is not a course");
  checkScheme(input.assessment, "body.assessment");
  const { id } = await insertRecord(
    ctx,
    "course",
    {
      activityId: input.activityId,
      qualificationCode: input.qualificationCode ?? null,
      objectives: input.objectives ?? [],
      modules: JSON.stringify(input.modules ?? []),
      entryRequirements: JSON.stringify(input.entryRequirements ?? {}),
      assessment: JSON.stringify(input.assessment),
      certificateValidityYears: input.certificateValidityYears ?? null,
      directorPersonId: input.directorPersonId ?? null,
      instructorPersonIds: input.instructorPersonIds ?? [],
    },
    { action: "course.create" },
  ).catch((error) => {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "The activity already has a course definition", [
        { field: "body.activityId", message: "already has a course definition" },
      ]);
    if (isForeignKeyViolation(error)) throw unprocessable("body", "an unknown qualification or person");
    throw error;
  });
  return getCourse(ctx, id);
}

export async function updateCourse(ctx: Ctx, id: string, patch: CoursePatch) {
  const course = await queries.findCourse(ctx.db, ctx.viewer, id);
  authorize(ctx.viewer, "course.manage", course ?? { organiserId: "", hostInstitutionId: null });
  if (!course) throw notFound("The course");
  if (patch.assessment) checkScheme(patch.assessment, "body.assessment");
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const { modules, entryRequirements, assessment, ...rest } = patch;
      await auditedUpdate(
        trx,
        ctx,
        "course",
        { id, missing: "The course" },
        {
          ...rest,
          ...(modules ? { modules: JSON.stringify(modules) } : {}),
          ...(entryRequirements ? { entryRequirements: JSON.stringify(entryRequirements) } : {}),
          ...(assessment ? { assessment: JSON.stringify(assessment) } : {}),
        },
        { action: "course.update" },
      );
    })
    .catch((error) => {
      if (isForeignKeyViolation(error)) throw unprocessable("body", "an unknown qualification or person");
      throw error;
    });
  return getCourse(ctx, id);
}
