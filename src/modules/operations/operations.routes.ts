import { type TSchema, Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses, IdParams, Page, Uuid } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  AttendanceInput,
  ConferenceInput,
  Contingent,
  ContingentDetail,
  ContingentInput,
  ContingentPatch,
  ContingentQuery,
  Exercise,
  ExerciseDetail,
  ExerciseInput,
  ExercisePatch,
  ExerciseQuery,
  FundContribution,
  FundContributionInput,
  FundContributionPatch,
  FundContributionQuery,
  FundTotals,
  Lesson,
  LessonInput,
  LessonQuery,
  LessonTransition,
  MilestoneInput,
  MilestonePatch,
  ObjectiveInput,
  Operation,
  OperationInput,
  OperationPatch,
  OperationQuery,
  ParticipantInput,
  ParticipantPatch,
  ParticipationCounts,
  RotationInput,
  RotationPatch,
  StageInput,
  StrengthQuery,
  StrengthSeries,
  TrustFund,
} from "./operations.schemas.js";
import * as service from "./operations.service.js";

const ChildParams = <N extends string>(name: N) =>
  Type.Object({ id: Uuid, [name]: Uuid } as { id: typeof Uuid } & Record<N, typeof Uuid>, {
    additionalProperties: false,
  });

const ok = (schema: TSchema) => ({ 200: schema, ...errorResponses });
const created = (schema: TSchema) => ({ 201: schema, ...errorResponses });

export const operationsRoutes: RoutesPlugin = async (app) => {
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
      schema: {
        tags: exercises,
        params: IdParams,
        body: MilestoneInput,
        response: created(ExerciseDetail),
      },
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
      schema: {
        tags: exercises,
        params: IdParams,
        body: ObjectiveInput,
        response: created(ExerciseDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addObjective(ctxOf(request), request.params.id, request.body)),
  );

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

  // ---------------------------------------------------------------- operations and contingents
  const operations = ["operations: operations and contingents"];
  app.get(
    "/api/operations",
    { schema: { tags: operations, querystring: OperationQuery, response: ok(Page(Operation)) } },
    async (request) => service.listOperations(ctxOf(request), request.query),
  );
  app.get(
    "/api/operations/:id",
    { schema: { tags: operations, params: IdParams, response: ok(Operation) } },
    async (request) => service.getOperation(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/operations",
    { schema: { tags: operations, body: OperationInput, response: created(Operation) } },
    async (request, reply) =>
      reply.status(201).send(await service.createOperation(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/operations/:id",
    { schema: { tags: operations, params: IdParams, body: OperationPatch, response: ok(Operation) } },
    async (request) => service.updateOperation(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/contingents",
    {
      schema: {
        tags: operations,
        summary: "National contingents the caller may see",
        querystring: ContingentQuery,
        response: ok(Page(Contingent)),
      },
    },
    async (request) => service.listContingents(ctxOf(request), request.query),
  );
  app.get(
    "/api/contingents/strength",
    {
      schema: {
        tags: operations,
        summary: "Strength over time of the contingents the caller may see, by category",
        querystring: StrengthQuery,
        response: ok(StrengthSeries),
      },
    },
    async (request) => service.strengthOverTime(ctxOf(request), request.query),
  );
  app.get(
    "/api/contingents/:id",
    { schema: { tags: operations, params: IdParams, response: ok(ContingentDetail) } },
    async (request) => service.getContingent(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/contingents",
    { schema: { tags: operations, body: ContingentInput, response: created(ContingentDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.createContingent(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/contingents/:id",
    { schema: { tags: operations, params: IdParams, body: ContingentPatch, response: ok(ContingentDetail) } },
    async (request) => service.updateContingent(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/contingents/:id/rotations",
    {
      schema: {
        tags: operations,
        summary: "Add a rotation with its strength by category; rotations of one slot never overlap",
        params: IdParams,
        body: RotationInput,
        response: created(ContingentDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addRotation(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/contingents/:id/rotations/:rotationId",
    {
      schema: {
        tags: operations,
        params: ChildParams("rotationId"),
        body: RotationPatch,
        response: ok(ContingentDetail),
      },
    },
    async (request) =>
      service.updateRotation(ctxOf(request), request.params.id, request.params.rotationId, request.body),
  );
  app.delete(
    "/api/contingents/:id/rotations/:rotationId",
    { schema: { tags: operations, params: ChildParams("rotationId"), response: ok(ContingentDetail) } },
    async (request) => service.removeRotation(ctxOf(request), request.params.id, request.params.rotationId),
  );

  // ---------------------------------------------------------------- trust funds
  const funds = ["operations: trust funds and contributions"];
  app.get(
    "/api/trust-funds",
    { schema: { tags: funds, response: ok(Type.Object({ items: Type.Array(TrustFund) })) } },
    async (request) => service.listTrustFunds(ctxOf(request)),
  );
  app.get(
    "/api/fund-contributions",
    {
      schema: {
        tags: funds,
        summary: "Financial contributions to trust funds the caller may see",
        querystring: FundContributionQuery,
        response: ok(Page(FundContribution)),
      },
    },
    async (request) => service.listFundContributions(ctxOf(request), request.query),
  );
  app.get(
    "/api/fund-contributions/totals",
    {
      schema: {
        tags: funds,
        summary: "Pledged and paid by year and currency, over the contributions the caller may see",
        querystring: FundContributionQuery,
        response: ok(FundTotals),
      },
    },
    async (request) => service.fundTotals(ctxOf(request), request.query),
  );
  app.post(
    "/api/fund-contributions",
    { schema: { tags: funds, body: FundContributionInput, response: created(FundContribution) } },
    async (request, reply) =>
      reply.status(201).send(await service.createFundContribution(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/fund-contributions/:id",
    {
      schema: { tags: funds, params: IdParams, body: FundContributionPatch, response: ok(FundContribution) },
    },
    async (request) => service.updateFundContribution(ctxOf(request), request.params.id, request.body),
  );
};
