import "./operations.policy.js";
import { requireVisibleLink } from "../../platform/access/links.js";
import { authorize, can } from "../../platform/access/policy.js";
import {
  isOwnerEditor,
  resolveRelease,
  splitRelease,
  withRelease,
} from "../../platform/access/releasability.js";
import { coordinatedNationIds, type Viewer } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import {
  auditedUpdate,
  insertRecord,
  lockRow,
  patchColumns,
  updateRecord,
} from "../../platform/audited-write.js";
import { onConstraint } from "../../platform/constraint-errors.js";
import { orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { type RowOwner, rowRemover } from "../../platform/owned-rows.js";
import { allowedFrom, assertTransition } from "../../platform/transitions.js";
import * as queries from "./exercises.queries.js";
import { lessonsOfExercise } from "./lessons.queries.js";
import { checkDateOrder, ownerOf, withChildList } from "./operations.common.js";
import type {
  AttendanceInput,
  ConferenceInput,
  ExerciseInput,
  ExercisePatch,
  ExerciseQuery,
  MilestoneInput,
  MilestonePatch,
  ObjectiveInput,
  ParticipantInput,
  ParticipantPatch,
  StageInput,
} from "./operations.schemas.js";
import { EXERCISE_TRANSITIONS } from "./operations.transitions.js";

async function loadExercise(ctx: Ctx, id: string) {
  return orNotFound(await queries.findExercise(ctx.db, ctx.viewer, id), "The exercise");
}

/** Loads a visible exercise and checks that the viewer may change it. */
export async function editableExercise(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "exercise.read");
  const exercise = await loadExercise(ctx, id);
  authorize(ctx.viewer, "exercise.update", exercise);
  return exercise;
}

/** The exercise as the owner of its stages and participants. */
const ownedByExercise: RowOwner<Awaited<ReturnType<typeof getExercise>>> = {
  key: "exerciseId",
  editable: editableExercise,
  read: getExercise,
};

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
    lessonsOfExercise(ctx.db, ctx.viewer, id),
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
    allowedTransitions: allowedFrom(EXERCISE_TRANSITIONS, exercise.status),
  };
}

const stageConstraints = {
  exercise_stage_unique: ["body.stageNo", "the exercise already has a stage with this number"],
} as const;

/** A stage runs within the exercise's dates. */
function checkStage(stage: StageInput, exercise: { startsOn: string; endsOn: string }, field: string) {
  checkDateOrder(stage.startsOn, stage.endsOn, `${field}.endsOn`);
  if (stage.startsOn < exercise.startsOn || stage.endsOn > exercise.endsOn) {
    throw validation(`${field}.startsOn`, "a stage must run within the exercise's dates");
  }
}

const exerciseConstraints = {
  exercise_code_key: ["body.code", "an exercise with this code already exists"],
} as const;

export async function createExercise(ctx: Ctx, input: ExerciseInput) {
  authorize(ctx.viewer, "exercise.create");
  checkDateOrder(input.startsOn, input.endsOn, "body.endsOn");
  await requireVisibleLink(ctx.db, ctx.viewer, "activity", input.activityId, "body.activityId");
  const {
    release: asked,
    fields: { stages, ...fields },
  } = splitRelease(input);
  for (const [index, stage] of (stages ?? []).entries()) checkStage(stage, input, `body.stages.${index}`);
  const release = resolveRelease(
    ctx.viewer,
    asked,
    defaultOwner(ctx.viewer, input.leadOrganisationId, "internal"),
  );
  const row = await insertRecord(
    ctx,
    "exercise",
    { ...fields, ...release },
    {
      action: "exercise.create",
      rules: exerciseConstraints,
      also: async (exercise, trx) => {
        for (const stage of stages ?? [])
          await queries.insertStage(trx, exercise.id, stage).catch(onConstraint(stageConstraints));
      },
      audited: (exercise) => ({ ...exercise, stages: stages ?? [] }),
    },
  );
  return getExercise(ctx, row.id);
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
  await updateRecord(
    ctx,
    "exercise",
    { id, missing: "The exercise" },
    (locked) => {
      assertTransition(EXERCISE_TRANSITIONS, locked.status, patch.status);
      return patchColumns(patch);
    },
    { action: "exercise.update", rules: exerciseConstraints },
  );
  return getExercise(ctx, id);
}

export async function addStage(ctx: Ctx, exerciseId: string, input: StageInput) {
  const exercise = await editableExercise(ctx, exerciseId);
  checkStage(input, exercise, "body");
  await insertRecord(
    ctx,
    "exerciseStage",
    { ...input, exerciseId },
    { action: "exercise.stage.add", rules: stageConstraints },
  );
  return getExercise(ctx, exerciseId);
}

export const removeStage = rowRemover(ownedByExercise, "exerciseStage", "The stage", "exercise.stage.remove");

const participantConstraints = {
  exercise_participant_unique: ["body.nationId", "the nation already takes part in this exercise"],
  exercise_contribution_unique: ["body.contributions", "a category is listed twice for one kind"],
} as const;

export async function addParticipant(ctx: Ctx, exerciseId: string, input: ParticipantInput) {
  await editableExercise(ctx, exerciseId);
  const { contributions, ...fields } = input;
  await insertRecord(
    ctx,
    "exerciseParticipant",
    { ...fields, exerciseId },
    {
      action: "exercise.participant.add",
      ...withChildList("contributions", contributions, participantConstraints, queries.replaceContributions),
    },
  );
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
  // A new list replaces the old one; the audit keeps both, in the same order and shape.
  const lines = contributions
    ?.map((c) => ({
      kind: c.kind,
      category: c.category,
      quantity: c.quantity,
      description: c.description ?? null,
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.category.localeCompare(b.category));
  await ctx.db.transaction().execute(async (trx) => {
    let replaced: unknown[] | undefined;
    await auditedUpdate(
      trx,
      ctx,
      "exerciseParticipant",
      { id: participantId, scope: { exerciseId }, missing: "The participant" },
      fields,
      {
        action: "exercise.participant.update",
        also: async () => {
          if (contributions)
            replaced = await queries
              .replaceContributions(trx, participantId, contributions)
              .catch(onConstraint(participantConstraints));
        },
        auditedBefore: (before) => (replaced ? { ...before, contributions: replaced } : before),
        audited: (after) => (lines ? { ...after, contributions: lines } : after),
      },
    );
  });
  return getExercise(ctx, exerciseId);
}

export const removeParticipant = rowRemover(
  ownedByExercise,
  "exerciseParticipant",
  "The participant",
  "exercise.participant.remove",
);

export async function participationCounts(ctx: Ctx, exerciseId: string) {
  authorize(ctx.viewer, "exercise.read");
  return (await loadExercise(ctx, exerciseId)).participation;
}

const conferenceConstraints = {
  planning_conference_unique: ["body.kind", "the exercise already has a conference of this kind"],
} as const;

export async function addConference(ctx: Ctx, exerciseId: string, input: ConferenceInput) {
  await editableExercise(ctx, exerciseId);
  checkDateOrder(input.startsOn, input.endsOn, "body.endsOn");
  await insertRecord(
    ctx,
    "planningConference",
    { ...input, exerciseId },
    { action: "exercise.conference.add", rules: conferenceConstraints },
  );
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
    await lockRow(trx, "planningConference", {
      id: conferenceId,
      scope: { exerciseId },
      missing: "The conference",
    });
    const before = await queries.replaceAttendance(trx, conferenceId, input.entries);
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

export async function addMilestone(ctx: Ctx, exerciseId: string, input: MilestoneInput) {
  const exercise = await editableExercise(ctx, exerciseId);
  await insertRecord(
    ctx,
    "exerciseMilestone",
    {
      title: input.title,
      dueOn: input.dueOn,
      doneOn: input.doneOn ?? null,
      ...ownerOf(input, exercise),
      exerciseId,
    },
    { action: "exercise.milestone.add" },
  );
  return getExercise(ctx, exerciseId);
}

export async function updateMilestone(
  ctx: Ctx,
  exerciseId: string,
  milestoneId: string,
  patch: MilestonePatch,
) {
  await editableExercise(ctx, exerciseId);
  await updateRecord(
    ctx,
    "exerciseMilestone",
    { id: milestoneId, scope: { exerciseId }, missing: "The milestone" },
    (before) => {
      const ownerNationId = patch.ownerNationId !== undefined ? patch.ownerNationId : before.ownerNationId;
      const ownerOrganisationId =
        patch.ownerOrganisationId !== undefined ? patch.ownerOrganisationId : before.ownerOrganisationId;
      if (!ownerNationId && !ownerOrganisationId)
        throw validation("body.ownerNationId", "a milestone needs an owner");
      return patch;
    },
    { action: "exercise.milestone.update" },
  );
  return getExercise(ctx, exerciseId);
}

export async function addObjective(ctx: Ctx, exerciseId: string, input: ObjectiveInput) {
  await editableExercise(ctx, exerciseId);
  await insertRecord(
    ctx,
    "trainingObjective",
    { ...input, exerciseId },
    { action: "exercise.objective.add" },
  );
  return getExercise(ctx, exerciseId);
}
