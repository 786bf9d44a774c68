import "./operations.policy.js";
import type { Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { requireVisibleLink } from "../../platform/access/links.js";
import { authorize, can } from "../../platform/access/policy.js";
import {
  isOwnerEditor,
  type ReleasableRecord,
  releaseOutput,
  resolveRelease,
} from "../../platform/access/releasability.js";
import { coordinatedNationIds, type Viewer } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { constraintError } from "../../platform/constraint-errors.js";
import { AppError, invalidState, notFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as queries from "./operations.queries.js";
import type {
  AttendanceInput,
  ConferenceInput,
  ContingentInput,
  ContingentPatch,
  ContingentQuery,
  ExerciseInput,
  ExercisePatch,
  ExerciseQuery,
  FundContributionInput,
  FundContributionPatch,
  FundContributionQuery,
  LessonInput,
  LessonQuery,
  LessonStatus,
  LessonTransition,
  MilestoneInput,
  MilestonePatch,
  ObjectiveInput,
  OperationInput,
  OperationPatch,
  OperationQuery,
  ParticipantInput,
  ParticipantPatch,
  RotationInput,
  RotationPatch,
  StageInput,
  StrengthQuery,
} from "./operations.schemas.js";

type Trx = Transaction<DB>;

function checkDateOrder(from: string | null | undefined, to: string | null | undefined, field: string) {
  if (from && to && to < from) throw validation(field, "must not be before the start date");
}

function withRelease<T extends ReleasableRecord>(row: T) {
  const { ownerNationId, ownerOrganisationId, releasability, releaseNations, releaseOrganisations, ...rest } =
    row;
  return {
    ...rest,
    ...releaseOutput({
      ownerNationId,
      ownerOrganisationId,
      releasability,
      releaseNations,
      releaseOrganisations,
    }),
  };
}

// ------------------------------------------------------------------ exercises
async function loadExercise(ctx: Ctx, id: string) {
  const exercise = await queries.findExercise(ctx.db, ctx.viewer, id);
  if (!exercise) throw notFound("The exercise");
  return exercise;
}

/** Loads a visible exercise and checks that the viewer may change it. */
async function editableExercise(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "exercise.read");
  const exercise = await loadExercise(ctx, id);
  authorize(ctx.viewer, "exercise.update", exercise);
  return exercise;
}

export async function listExercises(ctx: Ctx, query: ExerciseQuery) {
  authorize(ctx.viewer, "exercise.read");
  const page = await queries.listExercises(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map(withRelease) });
}

export async function getExercise(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "exercise.read");
  const exercise = await loadExercise(ctx, id);
  const [[stages, participants, conferences, milestones, objectives], lessons] = await Promise.all([
    queries.exerciseParts(ctx.db, id),
    queries.lessonsOfExercise(ctx.db, ctx.viewer, id),
  ]);
  return {
    ...withRelease(exercise),
    stages,
    participants,
    conferences,
    milestones,
    objectives,
    lessons,
    canEdit: can(ctx.viewer, "exercise.update", exercise),
  };
}

const stageConstraints: Record<string, [string, string]> = {
  exercise_stage_unique: ["body.stageNo", "the exercise already has a stage with this number"],
};

/** A stage runs within the exercise's dates. */
function checkStage(stage: StageInput, exercise: { startsOn: string; endsOn: string }, field: string) {
  checkDateOrder(stage.startsOn, stage.endsOn, `${field}.endsOn`);
  if (stage.startsOn < exercise.startsOn || stage.endsOn > exercise.endsOn) {
    throw validation(`${field}.startsOn`, "a stage must run within the exercise's dates");
  }
}

async function insertStage(trx: Trx, exerciseId: string, stage: StageInput) {
  return trx
    .insertInto("exerciseStage")
    .values({ ...stage, exerciseId })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((error) => constraintError(error, stageConstraints));
}

const exerciseConstraints: Record<string, [string, string]> = {
  exercise_code_key: ["body.code", "an exercise with this code already exists"],
};

export async function createExercise(ctx: Ctx, input: ExerciseInput) {
  authorize(ctx.viewer, "exercise.create");
  checkDateOrder(input.startsOn, input.endsOn, "body.endsOn");
  await requireVisibleLink(ctx.db, ctx.viewer, "activity", input.activityId, "body.activityId");
  const {
    stages,
    ownerNationId,
    ownerOrganisationId,
    releasability,
    releaseNationIds,
    releaseOrganisationIds,
    ...fields
  } = input;
  for (const [index, stage] of (stages ?? []).entries()) checkStage(stage, input, `body.stages.${index}`);
  const release = resolveRelease(
    ctx.viewer,
    { ownerNationId, ownerOrganisationId, releasability, releaseNationIds, releaseOrganisationIds },
    defaultOwner(ctx.viewer, input.leadOrganisationId, "internal"),
  );
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("exercise")
      .values({ ...fields, ...release })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => constraintError(error, exerciseConstraints));
    for (const stage of stages ?? []) await insertStage(trx, row.id, stage);
    await writeAudit(trx, ctx, {
      action: "exercise.create",
      recordType: "exercise",
      recordId: row.id,
      after: { ...row, stages: stages ?? [] },
    });
    return row.id;
  });
  return getExercise(ctx, id);
}

/** The lead organisation owns an exercise when the viewer organises it; otherwise the viewer's nation does. */
function defaultOwner(
  viewer: Viewer,
  organisationId: string,
  releasability: "public" | "internal" | "restricted",
) {
  if (isOwnerEditor(viewer, { ownerNationId: null, ownerOrganisationId: organisationId })) {
    return { ownerOrganisationId: organisationId, releasability };
  }
  return { ownerNationId: coordinatedNationIds(viewer)[0] ?? null, releasability };
}

export async function updateExercise(ctx: Ctx, id: string, patch: ExercisePatch) {
  const before = await editableExercise(ctx, id);
  checkDateOrder(patch.startsOn ?? before.startsOn, patch.endsOn ?? before.endsOn, "body.endsOn");
  await requireVisibleLink(ctx.db, ctx.viewer, "activity", patch.activityId, "body.activityId");
  const { releaseNationIds, releaseOrganisationIds, ...fields } = patch;
  await ctx.db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom("exercise")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!old) throw notFound("The exercise");
    const after = await trx
      .updateTable("exercise")
      .set({
        ...fields,
        ...(releaseNationIds ? { releaseNations: releaseNationIds } : {}),
        ...(releaseOrganisationIds ? { releaseOrganisations: releaseOrganisationIds } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => constraintError(error, exerciseConstraints));
    await writeAudit(trx, ctx, {
      action: "exercise.update",
      recordType: "exercise",
      recordId: id,
      before: old,
      after,
    });
  });
  return getExercise(ctx, id);
}

export async function addStage(ctx: Ctx, exerciseId: string, input: StageInput) {
  const exercise = await editableExercise(ctx, exerciseId);
  checkStage(input, exercise, "body");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await insertStage(trx, exerciseId, input);
    await writeAudit(trx, ctx, {
      action: "exercise.stage.add",
      recordType: "exercise_stage",
      recordId: row.id,
      after: row,
    });
  });
  return getExercise(ctx, exerciseId);
}

export async function removeStage(ctx: Ctx, exerciseId: string, stageId: string) {
  await editableExercise(ctx, exerciseId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("exerciseStage")
      .where("id", "=", stageId)
      .where("exerciseId", "=", exerciseId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound("The stage");
    await writeAudit(trx, ctx, {
      action: "exercise.stage.remove",
      recordType: "exercise_stage",
      recordId: stageId,
      before: row,
    });
  });
  return getExercise(ctx, exerciseId);
}

const participantConstraints: Record<string, [string, string]> = {
  exercise_participant_unique: ["body.nationId", "the nation already takes part in this exercise"],
  exercise_contribution_unique: ["body.contributions", "a category is listed twice for one kind"],
};

async function replaceContributions(
  trx: Trx,
  participantId: string,
  contributions: ParticipantInput["contributions"],
) {
  await trx.deleteFrom("exerciseContribution").where("participantId", "=", participantId).execute();
  if (!contributions?.length) return;
  await trx
    .insertInto("exerciseContribution")
    .values(contributions.map((c) => ({ ...c, participantId })))
    .execute()
    .catch((error) => constraintError(error, participantConstraints));
}

export async function addParticipant(ctx: Ctx, exerciseId: string, input: ParticipantInput) {
  await editableExercise(ctx, exerciseId);
  const { contributions, ...fields } = input;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("exerciseParticipant")
      .values({ ...fields, exerciseId })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => constraintError(error, participantConstraints));
    await replaceContributions(trx, row.id, contributions);
    await writeAudit(trx, ctx, {
      action: "exercise.participant.add",
      recordType: "exercise_participant",
      recordId: row.id,
      after: { ...row, contributions: contributions ?? [] },
    });
  });
  return getExercise(ctx, exerciseId);
}

export async function updateParticipant(
  ctx: Ctx,
  exerciseId: string,
  participantId: string,
  patch: ParticipantPatch,
) {
  await editableExercise(ctx, exerciseId);
  const { contributions, ...fields } = patch;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("exerciseParticipant")
      .selectAll()
      .where("id", "=", participantId)
      .where("exerciseId", "=", exerciseId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound("The participant");
    const after = Object.keys(fields).length
      ? await trx
          .updateTable("exerciseParticipant")
          .set(fields)
          .where("id", "=", participantId)
          .returningAll()
          .executeTakeFirstOrThrow()
      : before;
    if (contributions) await replaceContributions(trx, participantId, contributions);
    await writeAudit(trx, ctx, {
      action: "exercise.participant.update",
      recordType: "exercise_participant",
      recordId: participantId,
      before,
      after: contributions ? { ...after, contributions } : after,
    });
  });
  return getExercise(ctx, exerciseId);
}

export async function removeParticipant(ctx: Ctx, exerciseId: string, participantId: string) {
  await editableExercise(ctx, exerciseId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("exerciseParticipant")
      .where("id", "=", participantId)
      .where("exerciseId", "=", exerciseId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound("The participant");
    await writeAudit(trx, ctx, {
      action: "exercise.participant.remove",
      recordType: "exercise_participant",
      recordId: participantId,
      before: row,
    });
  });
  return getExercise(ctx, exerciseId);
}

export async function participationCounts(ctx: Ctx, exerciseId: string) {
  authorize(ctx.viewer, "exercise.read");
  return (await loadExercise(ctx, exerciseId)).participation;
}

const conferenceConstraints: Record<string, [string, string]> = {
  planning_conference_unique: ["body.kind", "the exercise already has a conference of this kind"],
};

export async function addConference(ctx: Ctx, exerciseId: string, input: ConferenceInput) {
  await editableExercise(ctx, exerciseId);
  checkDateOrder(input.startsOn, input.endsOn, "body.endsOn");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("planningConference")
      .values({ ...input, exerciseId })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => constraintError(error, conferenceConstraints));
    await writeAudit(trx, ctx, {
      action: "exercise.conference.add",
      recordType: "planning_conference",
      recordId: row.id,
      after: row,
    });
  });
  return getExercise(ctx, exerciseId);
}

/** Replaces the attendance of a conference: one line per nation with its number of attendees. */
export async function setAttendance(
  ctx: Ctx,
  exerciseId: string,
  conferenceId: string,
  input: AttendanceInput,
) {
  await editableExercise(ctx, exerciseId);
  const seen = new Set<string>();
  for (const [index, entry] of input.entries.entries()) {
    if (seen.has(entry.nationId)) throw validation(`body.entries.${index}.nationId`, "is listed twice");
    seen.add(entry.nationId);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const conference = await trx
      .selectFrom("planningConference")
      .select("id")
      .where("id", "=", conferenceId)
      .where("exerciseId", "=", exerciseId)
      .forUpdate()
      .executeTakeFirst();
    if (!conference) throw notFound("The conference");
    const before = await trx
      .deleteFrom("planningConferenceAttendance")
      .where("conferenceId", "=", conferenceId)
      .returning(["nationId", "attendees"])
      .execute();
    if (input.entries.length) {
      await trx
        .insertInto("planningConferenceAttendance")
        .values(input.entries.map((entry) => ({ ...entry, conferenceId })))
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: "exercise.conference.attendance",
      recordType: "planning_conference",
      recordId: conferenceId,
      before: { attendance: before },
      after: { attendance: input.entries },
    });
  });
  return getExercise(ctx, exerciseId);
}

function ownerOf(
  input: { ownerNationId?: string | null; ownerOrganisationId?: string | null },
  exercise: ReleasableRecord,
) {
  if (input.ownerNationId || input.ownerOrganisationId) {
    return {
      ownerNationId: input.ownerNationId ?? null,
      ownerOrganisationId: input.ownerOrganisationId ?? null,
    };
  }
  return { ownerNationId: exercise.ownerNationId, ownerOrganisationId: exercise.ownerOrganisationId };
}

export async function addMilestone(ctx: Ctx, exerciseId: string, input: MilestoneInput) {
  const exercise = await editableExercise(ctx, exerciseId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("exerciseMilestone")
      .values({
        title: input.title,
        dueOn: input.dueOn,
        doneOn: input.doneOn ?? null,
        ...ownerOf(input, exercise),
        exerciseId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "exercise.milestone.add",
      recordType: "exercise_milestone",
      recordId: row.id,
      after: row,
    });
  });
  return getExercise(ctx, exerciseId);
}

export async function updateMilestone(
  ctx: Ctx,
  exerciseId: string,
  milestoneId: string,
  patch: MilestonePatch,
) {
  await editableExercise(ctx, exerciseId);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("exerciseMilestone")
      .selectAll()
      .where("id", "=", milestoneId)
      .where("exerciseId", "=", exerciseId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound("The milestone");
    const ownerNationId = patch.ownerNationId !== undefined ? patch.ownerNationId : before.ownerNationId;
    const ownerOrganisationId =
      patch.ownerOrganisationId !== undefined ? patch.ownerOrganisationId : before.ownerOrganisationId;
    if (!ownerNationId && !ownerOrganisationId)
      throw validation("body.ownerNationId", "a milestone needs an owner");
    const after = await trx
      .updateTable("exerciseMilestone")
      .set(patch)
      .where("id", "=", milestoneId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "exercise.milestone.update",
      recordType: "exercise_milestone",
      recordId: milestoneId,
      before,
      after,
    });
  });
  return getExercise(ctx, exerciseId);
}

export async function addObjective(ctx: Ctx, exerciseId: string, input: ObjectiveInput) {
  await editableExercise(ctx, exerciseId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("trainingObjective")
      .values({ ...input, exerciseId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "exercise.objective.add",
      recordType: "training_objective",
      recordId: row.id,
      after: row,
    });
  });
  return getExercise(ctx, exerciseId);
}

// ------------------------------------------------------------------ lessons
/** The lesson flow: identified → analysed → learned → closed; identified or analysed may be rejected. */
export const LESSON_FLOW: Record<LessonStatus, LessonStatus[]> = {
  identified: ["analysed", "rejected"],
  analysed: ["learned", "rejected", "identified"],
  learned: ["closed"],
  closed: [],
  rejected: [],
};

export async function listLessons(ctx: Ctx, query: LessonQuery) {
  authorize(ctx.viewer, "exercise.read");
  return paged(query, await queries.listLessons(ctx.db, ctx.viewer, query));
}

export async function addLesson(ctx: Ctx, exerciseId: string, input: LessonInput) {
  const exercise = await editableExercise(ctx, exerciseId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("lesson")
      .values({
        title: input.title,
        observation: input.observation ?? null,
        recommendation: input.recommendation ?? null,
        ...ownerOf(input, exercise),
        exerciseId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "lesson.create",
      recordType: "lesson",
      recordId: row.id,
      after: row,
    });
    return row.id;
  });
  return getLesson(ctx, id);
}

export async function getLesson(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "exercise.read");
  const lesson = await queries.findLesson(ctx.db, ctx.viewer, id);
  if (!lesson) throw notFound("The lesson");
  return lesson;
}

export async function transitionLesson(ctx: Ctx, id: string, input: LessonTransition) {
  authorize(ctx.viewer, "exercise.read");
  const lesson = await queries.findLesson(ctx.db, ctx.viewer, id);
  if (!lesson) throw notFound("The lesson");
  authorize(ctx.viewer, "lesson.update", {
    exercise: {
      ownerNationId: lesson.exerciseOwnerNationId,
      ownerOrganisationId: lesson.exerciseOwnerOrganisationId,
    },
    lesson: { ownerNationId: lesson.ownerNationId, ownerOrganisationId: lesson.ownerOrganisationId },
  });
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("lesson")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const from = before.status as LessonStatus;
    if (!LESSON_FLOW[from].includes(input.to)) {
      throw invalidState(`A lesson that is ${from} cannot become ${input.to}`);
    }
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
    const after = await trx
      .updateTable("lesson")
      .set({
        status: input.to,
        followUpActivityId,
        followUpReference,
        ...(input.note !== undefined ? { statusNote: input.note } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => {
        if ((error as { code?: string }).code === "23503") {
          throw new AppError("UNPROCESSABLE", "The follow-up activity does not exist", [
            { field: "body.followUpActivityId", message: "does not exist" },
          ]);
        }
        throw error;
      });
    await writeAudit(trx, ctx, {
      action: `lesson.${input.to}`,
      recordType: "lesson",
      recordId: id,
      before,
      after,
    });
  });
  return getLesson(ctx, id);
}

// ------------------------------------------------------------------ operations
export async function listOperations(ctx: Ctx, query: OperationQuery) {
  authorize(ctx.viewer, "operation.read");
  return paged(query, await queries.listOperations(ctx.db, ctx.viewer, query));
}

export async function getOperation(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "operation.read");
  const operation = await queries.findOperation(ctx.db, ctx.viewer, id);
  if (!operation) throw notFound("The operation");
  return operation;
}

const operationConstraints: Record<string, [string, string]> = {
  operation_code_key: ["body.code", "an operation with this code already exists"],
  operation_ends_on_check: ["body.endsOn", "must not be before the start date"],
};

export async function createOperation(ctx: Ctx, input: OperationInput) {
  authorize(ctx.viewer, "operation.create");
  checkDateOrder(input.startsOn, input.endsOn, "body.endsOn");
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("operation")
      .values(input)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => constraintError(error, operationConstraints));
    await writeAudit(trx, ctx, {
      action: "operation.create",
      recordType: "operation",
      recordId: row.id,
      after: row,
    });
    return row.id;
  });
  return getOperation(ctx, id);
}

export async function updateOperation(ctx: Ctx, id: string, patch: OperationPatch) {
  const operation = await getOperation(ctx, id);
  authorize(ctx.viewer, "operation.update", operation);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("operation")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const after = await trx
      .updateTable("operation")
      .set(patch)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => constraintError(error, operationConstraints));
    await writeAudit(trx, ctx, {
      action: "operation.update",
      recordType: "operation",
      recordId: id,
      before,
      after,
    });
  });
  return getOperation(ctx, id);
}

// ------------------------------------------------------------------ contingents
export async function listContingents(ctx: Ctx, query: ContingentQuery) {
  authorize(ctx.viewer, "contingent.read");
  const page = await queries.listContingents(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map(withRelease) });
}

export async function getContingent(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "contingent.read");
  const contingent = await queries.findContingent(ctx.db, ctx.viewer, id);
  if (!contingent) throw notFound("The contingent");
  return { ...withRelease(contingent), canEdit: can(ctx.viewer, "contingent.update", contingent) };
}

async function editableContingent(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "contingent.read");
  const contingent = await queries.findContingent(ctx.db, ctx.viewer, id);
  if (!contingent) throw notFound("The contingent");
  authorize(ctx.viewer, "contingent.update", contingent);
  return contingent;
}

export async function createContingent(ctx: Ctx, input: ContingentInput) {
  authorize(ctx.viewer, "contingent.create");
  const { releasability, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  // The contributing nation owns its contingent; only its coordinators (or an administrator) record one.
  const release = resolveRelease(
    ctx.viewer,
    { ownerNationId: input.nationId, releasability, releaseNationIds, releaseOrganisationIds },
    { releasability: "restricted" },
  );
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("contingent")
      .values({ ...fields, ...release })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "contingent.create",
      recordType: "contingent",
      recordId: row.id,
      after: row,
    });
    return row.id;
  });
  return getContingent(ctx, id);
}

export async function updateContingent(ctx: Ctx, id: string, patch: ContingentPatch) {
  await editableContingent(ctx, id);
  const { releaseNationIds, releaseOrganisationIds, ...fields } = patch;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("contingent")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const after = await trx
      .updateTable("contingent")
      .set({
        ...fields,
        ...(releaseNationIds ? { releaseNations: releaseNationIds } : {}),
        ...(releaseOrganisationIds ? { releaseOrganisations: releaseOrganisationIds } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "contingent.update",
      recordType: "contingent",
      recordId: id,
      before,
      after,
    });
  });
  return getContingent(ctx, id);
}

const rotationConstraints: Record<string, [string, string]> = {
  contingent_rotation_no_overlap: [
    "body.startsOn",
    "overlaps another rotation of the same slot of this contingent",
  ],
  contingent_rotation_ends_on_check: ["body.endsOn", "must not be before the start date"],
  rotation_strength_pkey: ["body.strength", "a category is listed twice"],
};

async function writeStrength(trx: Trx, rotationId: string, strength: RotationInput["strength"]) {
  await trx.deleteFrom("rotationStrength").where("rotationId", "=", rotationId).execute();
  if (!strength?.length) return;
  await trx
    .insertInto("rotationStrength")
    .values(strength.map((s) => ({ ...s, rotationId })))
    .execute()
    .catch((error) => constraintError(error, rotationConstraints));
}

export async function addRotation(ctx: Ctx, contingentId: string, input: RotationInput) {
  await editableContingent(ctx, contingentId);
  checkDateOrder(input.startsOn, input.endsOn, "body.endsOn");
  const { strength, ...fields } = input;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("contingentRotation")
      .values({ ...fields, contingentId })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => constraintError(error, rotationConstraints));
    await writeStrength(trx, row.id, strength);
    await writeAudit(trx, ctx, {
      action: "contingent.rotation.add",
      recordType: "contingent_rotation",
      recordId: row.id,
      after: { ...row, strength: strength ?? [] },
    });
  });
  return getContingent(ctx, contingentId);
}

export async function updateRotation(
  ctx: Ctx,
  contingentId: string,
  rotationId: string,
  patch: RotationPatch,
) {
  await editableContingent(ctx, contingentId);
  const { strength, ...fields } = patch;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("contingentRotation")
      .selectAll()
      .where("id", "=", rotationId)
      .where("contingentId", "=", contingentId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound("The rotation");
    checkDateOrder(
      fields.startsOn ?? before.startsOn,
      fields.endsOn !== undefined ? fields.endsOn : before.endsOn,
      "body.endsOn",
    );
    const after = Object.keys(fields).length
      ? await trx
          .updateTable("contingentRotation")
          .set(fields)
          .where("id", "=", rotationId)
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((error) => constraintError(error, rotationConstraints))
      : before;
    if (strength) await writeStrength(trx, rotationId, strength);
    await writeAudit(trx, ctx, {
      action: "contingent.rotation.update",
      recordType: "contingent_rotation",
      recordId: rotationId,
      before,
      after: strength ? { ...after, strength } : after,
    });
  });
  return getContingent(ctx, contingentId);
}

export async function removeRotation(ctx: Ctx, contingentId: string, rotationId: string) {
  await editableContingent(ctx, contingentId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("contingentRotation")
      .where("id", "=", rotationId)
      .where("contingentId", "=", contingentId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound("The rotation");
    await writeAudit(trx, ctx, {
      action: "contingent.rotation.remove",
      recordType: "contingent_rotation",
      recordId: rotationId,
      before: row,
    });
  });
  return getContingent(ctx, contingentId);
}

export async function strengthOverTime(ctx: Ctx, query: StrengthQuery) {
  authorize(ctx.viewer, "contingent.read");
  const rows = await queries.strengthSeries(ctx.db, ctx.viewer, query);
  const points = new Map<
    string,
    { date: string; total: number; byCategory: { category: string; count: number }[] }
  >();
  for (const row of rows) {
    const point = points.get(row.day) ?? { date: row.day, total: 0, byCategory: [] };
    points.set(row.day, point);
    if (row.category) {
      point.byCategory.push({ category: row.category, count: row.count });
      point.total += row.count;
    }
  }
  return { points: [...points.values()] };
}

// ------------------------------------------------------------------ trust funds and contributions
export async function listTrustFunds(ctx: Ctx) {
  authorize(ctx.viewer, "contribution.read");
  return { items: await queries.listTrustFunds(ctx.db) };
}

export async function listFundContributions(ctx: Ctx, query: FundContributionQuery) {
  authorize(ctx.viewer, "contribution.read");
  const page = await queries.listFundContributions(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map(withRelease) });
}

export async function fundTotals(ctx: Ctx, query: FundContributionQuery) {
  authorize(ctx.viewer, "contribution.read");
  return { totals: await queries.fundTotals(ctx.db, ctx.viewer, query) };
}

async function getFundContribution(ctx: Ctx, id: string) {
  const row = await queries.findFundContribution(ctx.db, ctx.viewer, id);
  if (!row) throw notFound("The contribution");
  return withRelease(row);
}

const contributionConstraints: Record<string, [string, string]> = {
  fund_contribution_unique: [
    "body.year",
    "the nation already has a contribution to this fund for this year and currency",
  ],
};

function checkPaid(pledged: string | number, paid: string | number | undefined) {
  if (paid !== undefined && Number(paid) > Number(pledged)) {
    throw validation("body.paid", "must not exceed the pledged amount");
  }
}

export async function createFundContribution(ctx: Ctx, input: FundContributionInput) {
  authorize(ctx.viewer, "contribution.create");
  checkPaid(input.pledged, input.paid);
  const { releasability, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  const release = resolveRelease(
    ctx.viewer,
    { ownerNationId: input.nationId, releasability, releaseNationIds, releaseOrganisationIds },
    { releasability: "restricted" },
  );
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("fundContribution")
      .values({ ...fields, ...release })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => constraintError(error, contributionConstraints));
    await writeAudit(trx, ctx, {
      action: "contribution.create",
      recordType: "fund_contribution",
      recordId: row.id,
      after: row,
    });
    return row.id;
  });
  authorize(ctx.viewer, "contribution.read");
  return getFundContribution(ctx, id);
}

export async function updateFundContribution(ctx: Ctx, id: string, patch: FundContributionPatch) {
  authorize(ctx.viewer, "contribution.read");
  const current = await queries.findFundContribution(ctx.db, ctx.viewer, id);
  if (!current) throw notFound("The contribution");
  authorize(ctx.viewer, "contribution.update", current);
  const { releaseNationIds, releaseOrganisationIds, ...fields } = patch;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("fundContribution")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    checkPaid(fields.pledged ?? before.pledged, fields.paid ?? before.paid);
    const after = await trx
      .updateTable("fundContribution")
      .set({
        ...fields,
        ...(releaseNationIds ? { releaseNations: releaseNationIds } : {}),
        ...(releaseOrganisationIds ? { releaseOrganisations: releaseOrganisationIds } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => constraintError(error, contributionConstraints));
    await writeAudit(trx, ctx, {
      action: "contribution.update",
      recordType: "fund_contribution",
      recordId: id,
      before,
      after,
    });
  });
  return getFundContribution(ctx, id);
}
