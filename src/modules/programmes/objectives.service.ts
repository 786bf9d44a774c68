import "./programmes.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { insertRecord, updateRecord } from "../../platform/audited-write.js";
import { orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { assertTransition, withNext } from "../../platform/transitions.js";
import * as planQueries from "./plans.queries.js";
import { visiblePlan } from "./plans.service.js";
import { checkArea, editable, insertProgrammeRecord, mapConstraint, today } from "./programmes.common.js";
import * as queries from "./programmes.queries.js";
import type { ActionInput, ActionPatch, EvidenceInput, ObjectiveInput } from "./programmes.schemas.js";
import * as flows from "./programmes.transitions.js";
import * as shared from "./shared.queries.js";

// ------------------------------------------------------------------ objectives and actions
export async function addObjective(ctx: Ctx, planId: string, input: ObjectiveInput) {
  await editable(ctx, () => visiblePlan(ctx, planId));
  await checkArea(ctx.db, input.areaCode, "body.areaCode");
  if (input.periodId) {
    if ((await planQueries.planOfPeriod(ctx.db, input.periodId)) !== planId)
      throw validation("body.periodId", "not a period of this plan");
  }
  const { id } = await insertProgrammeRecord(
    ctx,
    "planObjective",
    { ...input, planId },
    "plan.objective.add",
  );
  return getObjective(ctx, id);
}

export async function getObjective(ctx: Ctx, id: string, asOf = today()) {
  authorize(ctx.viewer, "programmes.read");
  const owner = orNotFound(await queries.findObjectiveOwner(ctx.db, ctx.viewer, id), "The objective");
  const [[objective], actions, activities, goals] = await Promise.all([
    queries.objectivesOf(ctx.db, { id }, asOf),
    queries.actionsOf(ctx.db, ctx.viewer, id, asOf),
    queries.itemsOfObjective(ctx.db, ctx.viewer, id),
    queries.goalsOfObjective(ctx.db, ctx.viewer, id),
  ]);
  return {
    ...objective!,
    plan: { id: owner.planId, code: owner.planCode, title: owner.planTitle },
    period: owner.periodId
      ? { id: owner.periodId, label: owner.periodLabel!, number: owner.periodNumber! }
      : null,
    actions: actions.map((a) => withNext(flows.PLAN_ACTION_TRANSITIONS, a)),
    activities: activities.map((item) => ({
      itemId: item.id,
      programmeId: item.programmeId,
      programmeTitle: item.programmeTitle,
      activityId: item.activityId,
      code: item.activity?.code ?? null,
      title: item.title,
      areaCode: item.areaCode,
      planned: item.plannedParticipants,
      attended: item.attended,
      implemented: item.implemented,
    })),
    goals,
  };
}

async function checkOrganisation(ctx: Ctx, id: string | null | undefined) {
  if (!id) return;
  if (!(await shared.organisationExists(ctx.db, id)))
    throw validation("body.responsibleOrganisationId", "no such organisation");
}

function normaliseAction<T extends ActionPatch>(input: T): T {
  if (input.status === "done") return { ...input, progress: 100, completedOn: input.completedOn ?? today() };
  return input;
}

export async function addAction(ctx: Ctx, objectiveId: string, input: ActionInput) {
  await editable(ctx, () => queries.findObjectiveOwner(ctx.db, ctx.viewer, objectiveId), "The objective");
  await checkOrganisation(ctx, input.responsibleOrganisationId);
  await insertProgrammeRecord(
    ctx,
    "planAction",
    { ...normaliseAction(input), objectiveId },
    "plan.action.add",
  );
  return getObjective(ctx, objectiveId);
}

export async function updateAction(ctx: Ctx, actionId: string, patch: ActionPatch) {
  const owner = await editable(
    ctx,
    () => queries.findActionOwner(ctx.db, ctx.viewer, actionId),
    "The action",
  );
  await checkOrganisation(ctx, patch.responsibleOrganisationId);
  await updateRecord(
    ctx,
    "planAction",
    { id: actionId, missing: "The action" },
    (before) => {
      assertTransition(flows.PLAN_ACTION_TRANSITIONS, before.status, patch.status);
      return normaliseAction(patch);
    },
    { action: "plan.action.update" },
  ).catch(mapConstraint);
  return getObjective(ctx, owner.objectiveId);
}

export async function addEvidence(ctx: Ctx, actionId: string, input: EvidenceInput) {
  const owner = await editable(
    ctx,
    () => queries.findActionOwner(ctx.db, ctx.viewer, actionId),
    "The action",
  );
  const targets = [input.activityId, input.goalId, input.documentId, input.url].filter(Boolean);
  if (targets.length !== 1)
    throw validation("body", "give exactly one of activityId, goalId, documentId, url");
  if (input.activityId && !(await queries.findVisibleActivity(ctx.db, ctx.viewer, input.activityId)))
    throw validation("body.activityId", "no such activity");
  if (input.goalId && !(await queries.findGoal(ctx.db, ctx.viewer, input.goalId, today())))
    throw validation("body.goalId", "no such partnership goal");
  if (input.documentId && !(await queries.findFramework(ctx.db, ctx.viewer, input.documentId)))
    throw validation("body.documentId", "no such framework document");
  await insertRecord(ctx, "actionEvidence", { ...input, actionId }, { action: "plan.action.evidence.add" });
  return getObjective(ctx, owner.objectiveId);
}
