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
  const stages = exercises.children("/api/exercises/:id/stages", "stageId");
  stages.add({ body: StageInput, response: created(ExerciseDetail) }, service.addStage);
  stages.remove({ response: ok(ExerciseDetail) }, service.removeStage);
  const participants = exercises.children("/api/exercises/:id/participants", "participantId");
  participants.add(
    {
      summary: "Add a participating nation with its role and contributions",
      body: ParticipantInput,
      response: created(ExerciseDetail),
    },
    service.addParticipant,
  );
  participants.update({ body: ParticipantPatch, response: ok(ExerciseDetail) }, service.updateParticipant);
  participants.remove({ response: ok(ExerciseDetail) }, service.removeParticipant);
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
  const milestones = exercises.children("/api/exercises/:id/milestones", "milestoneId");
  milestones.add({ body: MilestoneInput, response: created(ExerciseDetail) }, service.addMilestone);
  milestones.update({ body: MilestonePatch, response: ok(ExerciseDetail) }, service.updateMilestone);
  exercises.post(
    "/api/exercises/:id/objectives",
    { params: IdParams, body: ObjectiveInput, response: created(ExerciseDetail) },
    (ctx, { params, body }) => service.addObjective(ctx, params.id, body),
  );
};
