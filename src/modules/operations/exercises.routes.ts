import { ctxOf } from "../../platform/http/request-context.js";
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
  const exercises = ["operations: exercises"];
  app.get(
    "/api/exercises",
    {
      schema: {
        tags: exercises,
        summary: "Exercises the caller may see, newest first",
        querystring: ExerciseQuery,
        response: ok(Page(Exercise)),
      },
    },
    async (request) => service.listExercises(ctxOf(request), request.query),
  );
  app.get(
    "/api/exercises/:id",
    {
      schema: {
        tags: exercises,
        summary:
          "An exercise with its stages, nation matrix, conferences, milestones, objectives and lessons",
        params: IdParams,
        response: ok(ExerciseDetail),
      },
    },
    async (request) => service.getExercise(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/exercises/:id/participation",
    {
      schema: {
        tags: exercises,
        summary: "Participating nations counted by role",
        params: IdParams,
        response: ok(ParticipationCounts),
      },
    },
    async (request) => service.participationCounts(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/exercises",
    { schema: { tags: exercises, body: ExerciseInput, response: created(ExerciseDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.createExercise(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/exercises/:id",
    { schema: { tags: exercises, params: IdParams, body: ExercisePatch, response: ok(ExerciseDetail) } },
    async (request) => service.updateExercise(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/exercises/:id/stages",
    { schema: { tags: exercises, params: IdParams, body: StageInput, response: created(ExerciseDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.addStage(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/exercises/:id/stages/:stageId",
    { schema: { tags: exercises, params: ChildParams("stageId"), response: ok(ExerciseDetail) } },
    async (request) => service.removeStage(ctxOf(request), request.params.id, request.params.stageId),
  );
  app.post(
    "/api/exercises/:id/participants",
    {
      schema: {
        tags: exercises,
        summary: "Add a participating nation with its role and contributions",
        params: IdParams,
        body: ParticipantInput,
        response: created(ExerciseDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addParticipant(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/exercises/:id/participants/:participantId",
    {
      schema: {
        tags: exercises,
        params: ChildParams("participantId"),
        body: ParticipantPatch,
        response: ok(ExerciseDetail),
      },
    },
    async (request) =>
      service.updateParticipant(
        ctxOf(request),
        request.params.id,
        request.params.participantId,
        request.body,
      ),
  );
  app.delete(
    "/api/exercises/:id/participants/:participantId",
    { schema: { tags: exercises, params: ChildParams("participantId"), response: ok(ExerciseDetail) } },
    async (request) =>
      service.removeParticipant(ctxOf(request), request.params.id, request.params.participantId),
  );
  app.post(
    "/api/exercises/:id/conferences",
    {
      schema: {
        tags: exercises,
        summary: "Add a planning conference (initial, main or final)",
        params: IdParams,
        body: ConferenceInput,
        response: created(ExerciseDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addConference(ctxOf(request), request.params.id, request.body)),
  );
  app.put(
    "/api/exercises/:id/conferences/:conferenceId/attendance",
    {
      schema: {
        tags: exercises,
        summary: "Replace a planning conference's attendance by nation",
        params: ChildParams("conferenceId"),
        body: AttendanceInput,
        response: ok(ExerciseDetail),
      },
    },
    async (request) =>
      service.setAttendance(ctxOf(request), request.params.id, request.params.conferenceId, request.body),
  );
  app.post(
    "/api/exercises/:id/milestones",
    {
      schema: { tags: exercises, params: IdParams, body: MilestoneInput, response: created(ExerciseDetail) },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addMilestone(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/exercises/:id/milestones/:milestoneId",
    {
      schema: {
        tags: exercises,
        params: ChildParams("milestoneId"),
        body: MilestonePatch,
        response: ok(ExerciseDetail),
      },
    },
    async (request) =>
      service.updateMilestone(ctxOf(request), request.params.id, request.params.milestoneId, request.body),
  );
  app.post(
    "/api/exercises/:id/objectives",
    {
      schema: { tags: exercises, params: IdParams, body: ObjectiveInput, response: created(ExerciseDetail) },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addObjective(ctxOf(request), request.params.id, request.body)),
  );
};
