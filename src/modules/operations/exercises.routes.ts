import { routeTable } from "../../platform/http/route-table.js";
import { ChildParams, created, ok, Page } from "../../platform/http/schemas.js";
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
  const exercise = exercises.records("/api/exercises");
  exercise.list(
    "Exercises the caller may see, newest first",
    { query: ExerciseQuery, response: ok(Page(Exercise)) },
    service.listExercises,
  );
  exercise.get(
    "An exercise with its stages, nation matrix, conferences, milestones, objectives and lessons",
    { response: ok(ExerciseDetail) },
    service.getExercise,
  );
  exercise.read(
    "participation",
    { summary: "Participating nations counted by role", response: ok(ParticipationCounts) },
    service.participationCounts,
  );
  exercise.create({ body: ExerciseInput, response: created(ExerciseDetail) }, service.createExercise);
  exercise.update({ body: ExercisePatch, response: ok(ExerciseDetail) }, service.updateExercise);
  const stages = exercises.children("/api/exercises/:id/stages", "stageId");
  stages.add({ body: StageInput, response: created(ExerciseDetail) }, service.addStage);
  stages.remove({ response: ok(ExerciseDetail) }, service.removeStage);
  const participants = exercises.children("/api/exercises/:id/participants", "participantId");
  participants.add(
    "Add a participating nation with its role and contributions",
    { body: ParticipantInput, response: created(ExerciseDetail) },
    service.addParticipant,
  );
  participants.update({ body: ParticipantPatch, response: ok(ExerciseDetail) }, service.updateParticipant);
  participants.remove({ response: ok(ExerciseDetail) }, service.removeParticipant);
  exercise.post(
    "conferences",
    {
      summary: "Add a planning conference (initial, main or final)",
      body: ConferenceInput,
      response: created(ExerciseDetail),
    },
    service.addConference,
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
  exercise.post(
    "objectives",
    { body: ObjectiveInput, response: created(ExerciseDetail) },
    service.addObjective,
  );
};
