import { Type } from "typebox";
import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
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
  const goal = goals.records("/api/partnership-goals");
  goal.list({ query: GoalQuery, response: ok(Page(GoalOut)) }, service.listGoals);
  goals.get(
    "/api/partnership-goals/counts",
    { query: GoalQuery, response: ok(GoalCounts) },
    (ctx, { query }) => service.countGoals(ctx, query),
  );
  goal.get({ response: ok(GoalDetail) }, service.getGoal);
  goal.create({ body: GoalInput, response: created(GoalDetail) }, service.createGoal);
  goal.update({ body: GoalPatch, response: ok(GoalDetail) }, service.updateGoal);
  goal.post(
    "assessments",
    {
      summary: "Assess a goal in an odd year of the review cycle",
      body: AssessmentInput,
      response: created(GoalDetail),
    },
    service.assessGoal,
  );
  goals.post(
    "/api/partnership-goals/:id/agreements/:side",
    "Record one side's agreement of a proposed goal; the second agreement makes it agreed",
    { params: GoalSideParams, response: ok(GoalDetail) },
    (ctx, { params }) => service.agreeGoal(ctx, params.id, params.side),
  );
  goals.delete(
    "/api/partnership-goals/:id/agreements/:side",
    "Withdraw one side's agreement while the goal is still proposed",
    { params: GoalSideParams, response: ok(GoalDetail) },
    (ctx, { params }) => service.withdrawGoalAgreement(ctx, params.id, params.side),
  );
  goals.post(
    "/api/partnership-goals/:id/activities",
    { params: IdParams, body: GoalActivityInput, response: created(GoalDetail) },
    (ctx, { params, body }) => service.linkGoalActivity(ctx, params.id, body.activityId),
  );

  // ---------------------------------------------------------------- milestones and timeline
  timeline.get(
    "/api/partnership-milestones",
    { query: NationQuery, response: ok(Type.Array(MilestoneOut)) },
    (ctx, { query }) => service.listMilestones(ctx, query.nationId),
  );
  const milestone = timeline.records("/api/partnership-milestones");
  milestone.create({ body: MilestoneInput, response: created(MilestoneOut) }, service.createMilestone);
  milestone.remove({ response: ok(Deleted) }, service.deleteMilestone);
};
