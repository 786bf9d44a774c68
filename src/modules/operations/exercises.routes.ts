import { routeTable } from "../../platform/http/route-table.js";
import { ChildParams, created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./exercises.service.js";
import {
  AttendanceInput,
  ConferenceInput,
  Exercise,
  ExerciseDetail,
  ExerciseInput,
  ExercisePatch,
  ExerciseQuery,
  MilestoneInput,
  MilestonePatch,
  ObjectiveInput,
  ParticipantInput,
  ParticipantPatch,
  ParticipationCounts,
  StageInput,
} from "./operations.schemas.js";

/** Exercises with their stages, participants, conferences, milestones and objectives. */
export const exerciseRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- exercises
  const exercises = routeTable(app, ["operations: exercises"]);
  exercises.get(
    "/api/exercises",
    "Exercises the caller may see, newest first",
    { query: ExerciseQuery, response: ok(Page(Exercise)) },
    (ctx, { query }) => service.listExercises(ctx, query),
  );
  exercises.get(
    "/api/exercises/:id",
    "An exercise with its stages, nation matrix, conferences, milestones, objectives and lessons",
    { params: IdParams, response: ok(ExerciseDetail) },
    (ctx, { params }) => service.getExercise(ctx, params.id),
  );
  exercises.get(
    "/api/exercises/:id/participation",
    "Participating nations counted by role",
    { params: IdParams, response: ok(ParticipationCounts) },
    (ctx, { params }) => service.participationCounts(ctx, params.id),
  );
  exercises.post(
    "/api/exercises",
    { body: ExerciseInput, response: created(ExerciseDetail) },
    (ctx, { body }) => service.createExercise(ctx, body),
  );
  exercises.patch(
    "/api/exercises/:id",
    { params: IdParams, body: ExercisePatch, response: ok(ExerciseDetail) },
    (ctx, { params, body }) => service.updateExercise(ctx, params.id, body),
  );
  exercises.post(
    "/api/exercises/:id/stages",
    { params: IdParams, body: StageInput, response: created(ExerciseDetail) },
    (ctx, { params, body }) => service.addStage(ctx, params.id, body),
  );
  exercises.delete(
    "/api/exercises/:id/stages/:stageId",
    { params: ChildParams("stageId"), response: ok(ExerciseDetail) },
    (ctx, { params }) => service.removeStage(ctx, params.id, params.stageId),
  );
  exercises.post(
    "/api/exercises/:id/participants",
    "Add a participating nation with its role and contributions",
    { params: IdParams, body: ParticipantInput, response: created(ExerciseDetail) },
    (ctx, { params, body }) => service.addParticipant(ctx, params.id, body),
  );
  exercises.patch(
    "/api/exercises/:id/participants/:participantId",
    { params: ChildParams("participantId"), body: ParticipantPatch, response: ok(ExerciseDetail) },
    (ctx, { params, body }) => service.updateParticipant(ctx, params.id, params.participantId, body),
  );
  exercises.delete(
    "/api/exercises/:id/participants/:participantId",
    { params: ChildParams("participantId"), response: ok(ExerciseDetail) },
    (ctx, { params }) => service.removeParticipant(ctx, params.id, params.participantId),
  );
  exercises.post(
    "/api/exercises/:id/conferences",
    "Add a planning conference (initial, main or final)",
    { params: IdParams, body: ConferenceInput, response: created(ExerciseDetail) },
    (ctx, { params, body }) => service.addConference(ctx, params.id, body),
  );
  exercises.put(
    "/api/exercises/:id/conferences/:conferenceId/attendance",
    "Replace a planning conference's attendance by nation",
    { params: ChildParams("conferenceId"), body: AttendanceInput, response: ok(ExerciseDetail) },
    (ctx, { params, body }) => service.setAttendance(ctx, params.id, params.conferenceId, body),
  );
  exercises.post(
    "/api/exercises/:id/milestones",
    { params: IdParams, body: MilestoneInput, response: created(ExerciseDetail) },
    (ctx, { params, body }) => service.addMilestone(ctx, params.id, body),
  );
  exercises.patch(
    "/api/exercises/:id/milestones/:milestoneId",
    { params: ChildParams("milestoneId"), body: MilestonePatch, response: ok(ExerciseDetail) },
    (ctx, { params, body }) => service.updateMilestone(ctx, params.id, params.milestoneId, body),
  );
  exercises.post(
    "/api/exercises/:id/objectives",
    { params: IdParams, body: ObjectiveInput, response: created(ExerciseDetail) },
    (ctx, { params, body }) => service.addObjective(ctx, params.id, body),
  );
};
