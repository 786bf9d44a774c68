import { Type } from "typebox";
import { routeTable } from "../../platform/http/route-table.js";
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
  const goals = routeTable(app, ["programmes: partnership goals"]);
  const timeline = routeTable(app, ["programmes: timeline"]);
  // ---------------------------------------------------------------- goals
  goals.get(
    "/api/partnership-goals",
    { query: GoalQuery, response: { 200: Page(GoalOut), ...errorResponses } },
    (ctx, { query }) => service.listGoals(ctx, query),
  );
  goals.get(
    "/api/partnership-goals/counts",
    { query: GoalQuery, response: { 200: GoalCounts, ...errorResponses } },
    (ctx, { query }) => service.countGoals(ctx, query),
  );
  goals.get(
    "/api/partnership-goals/:id",
    { params: IdParams, response: { 200: GoalDetail, ...errorResponses } },
    (ctx, { params }) => service.getGoal(ctx, params.id),
  );
  goals.post(
    "/api/partnership-goals",
    { body: GoalInput, response: { 201: GoalDetail, ...errorResponses } },
    (ctx, { body }) => service.createGoal(ctx, body),
  );
  goals.patch(
    "/api/partnership-goals/:id",
    { params: IdParams, body: GoalPatch, response: { 200: GoalDetail, ...errorResponses } },
    (ctx, { params, body }) => service.updateGoal(ctx, params.id, body),
  );
  goals.post(
    "/api/partnership-goals/:id/assessments",
    "Assess a goal in an odd year of the review cycle",
    { params: IdParams, body: AssessmentInput, response: { 201: GoalDetail, ...errorResponses } },
    (ctx, { params, body }) => service.assessGoal(ctx, params.id, body),
  );
  goals.post(
    "/api/partnership-goals/:id/agreements/:side",
    "Record one side's agreement of a proposed goal; the second agreement makes it agreed",
    { params: GoalSideParams, response: { 200: GoalDetail, ...errorResponses } },
    (ctx, { params }) => service.agreeGoal(ctx, params.id, params.side),
  );
  goals.delete(
    "/api/partnership-goals/:id/agreements/:side",
    "Withdraw one side's agreement while the goal is still proposed",
    { params: GoalSideParams, response: { 200: GoalDetail, ...errorResponses } },
    (ctx, { params }) => service.withdrawGoalAgreement(ctx, params.id, params.side),
  );
  goals.post(
    "/api/partnership-goals/:id/activities",
    { params: IdParams, body: GoalActivityInput, response: { 201: GoalDetail, ...errorResponses } },
    (ctx, { params, body }) => service.linkGoalActivity(ctx, params.id, body.activityId),
  );

  // ---------------------------------------------------------------- milestones and timeline
  timeline.get(
    "/api/partnership-milestones",
    { query: NationQuery, response: { 200: Type.Array(MilestoneOut), ...errorResponses } },
    (ctx, { query }) => service.listMilestones(ctx, query.nationId),
  );
  timeline.post(
    "/api/partnership-milestones",
    { body: MilestoneInput, response: { 201: MilestoneOut, ...errorResponses } },
    (ctx, { body }) => service.createMilestone(ctx, body),
  );
  timeline.delete(
    "/api/partnership-milestones/:id",
    { params: IdParams, response: { 200: Deleted, ...errorResponses } },
    (ctx, { params }) => service.deleteMilestone(ctx, params.id),
  );
};
