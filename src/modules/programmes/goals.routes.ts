import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses, IdParams, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { GoalDetail, GoalSideParams } from "./goals.schemas.js";
import * as service from "./goals.service.js";
import { NationQuery } from "./programmes.http.js";
import {
  AssessmentInput,
  Deleted,
  GoalActivityInput,
  GoalCounts,
  GoalInput,
  GoalOut,
  GoalPatch,
  GoalQuery,
  MilestoneInput,
  MilestoneOut,
} from "./programmes.schemas.js";

/** Partnership goals with their assessments and activities, and the milestones of the partnership timeline. */
export const goalsRoutes: RoutesPlugin = async (app) => {
  const goals = ["programmes: partnership goals"];
  const timeline = ["programmes: timeline"];
  // ---------------------------------------------------------------- goals
  app.get(
    "/api/partnership-goals",
    { schema: { tags: goals, querystring: GoalQuery, response: { 200: Page(GoalOut), ...errorResponses } } },
    async (request) => service.listGoals(ctxOf(request), request.query),
  );
  app.get(
    "/api/partnership-goals/counts",
    { schema: { tags: goals, querystring: GoalQuery, response: { 200: GoalCounts, ...errorResponses } } },
    async (request) => service.countGoals(ctxOf(request), request.query),
  );
  app.get(
    "/api/partnership-goals/:id",
    { schema: { tags: goals, params: IdParams, response: { 200: GoalDetail, ...errorResponses } } },
    async (request) => service.getGoal(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/partnership-goals",
    { schema: { tags: goals, body: GoalInput, response: { 201: GoalDetail, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createGoal(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/partnership-goals/:id",
    {
      schema: {
        tags: goals,
        params: IdParams,
        body: GoalPatch,
        response: { 200: GoalDetail, ...errorResponses },
      },
    },
    async (request) => service.updateGoal(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/partnership-goals/:id/assessments",
    {
      schema: {
        tags: goals,
        summary: "Assess a goal in an odd year of the review cycle",
        params: IdParams,
        body: AssessmentInput,
        response: { 201: GoalDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.assessGoal(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/partnership-goals/:id/agreements/:side",
    {
      schema: {
        tags: goals,
        summary: "Record one side's agreement of a proposed goal; the second agreement makes it agreed",
        params: GoalSideParams,
        response: { 200: GoalDetail, ...errorResponses },
      },
    },
    async (request) => service.agreeGoal(ctxOf(request), request.params.id, request.params.side),
  );
  app.delete(
    "/api/partnership-goals/:id/agreements/:side",
    {
      schema: {
        tags: goals,
        summary: "Withdraw one side's agreement while the goal is still proposed",
        params: GoalSideParams,
        response: { 200: GoalDetail, ...errorResponses },
      },
    },
    async (request) => service.withdrawGoalAgreement(ctxOf(request), request.params.id, request.params.side),
  );
  app.post(
    "/api/partnership-goals/:id/activities",
    {
      schema: {
        tags: goals,
        params: IdParams,
        body: GoalActivityInput,
        response: { 201: GoalDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.linkGoalActivity(ctxOf(request), request.params.id, request.body.activityId)),
  );

  // ---------------------------------------------------------------- milestones and timeline
  app.get(
    "/api/partnership-milestones",
    {
      schema: {
        tags: timeline,
        querystring: NationQuery,
        response: { 200: Type.Array(MilestoneOut), ...errorResponses },
      },
    },
    async (request) => service.listMilestones(ctxOf(request), request.query.nationId),
  );
  app.post(
    "/api/partnership-milestones",
    { schema: { tags: timeline, body: MilestoneInput, response: { 201: MilestoneOut, ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send(await service.createMilestone(ctxOf(request), request.body)),
  );
  app.delete(
    "/api/partnership-milestones/:id",
    { schema: { tags: timeline, params: IdParams, response: { 200: Deleted, ...errorResponses } } },
    async (request) => service.deleteMilestone(ctxOf(request), request.params.id),
  );
};
