import type { Kysely, Transaction, Updateable } from "kysely";
import type { DB } from "../../db/schema/index.js";
import "./programmes.policy.js";
import { requireVisibleLink } from "../../platform/access/links.js";
import { authorize, can } from "../../platform/access/policy.js";
import { resolveRelease, withRelease } from "../../platform/access/releasability.js";
import { writeAudit } from "../../platform/audit.js";
import {
  type Audited,
  auditedDelete,
  auditedInsert,
  auditedUpdate,
  patchColumns,
  type RowOf,
} from "../../platform/audited-write.js";
import { AppError, orNotFound, validation } from "../../platform/errors.js";
import { type Ctx, inTransaction } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { assertTransition, illegalTransition, withNext } from "../../platform/transitions.js";
import { notify } from "../notices/index.js";
import * as goalQueries from "./goals.queries.js";
import type { GoalSide } from "./goals.schemas.js";
import {
  allianceSide,
  checkArea,
  checkNation,
  editable,
  mapConstraint,
  nationRelease,
  today,
} from "./programmes.common.js";
import * as queries from "./programmes.queries.js";
import type {
  AssessmentInput,
  GoalInput,
  GoalPatch,
  GoalQuery,
  MilestoneInput,
} from "./programmes.schemas.js";
import * as flows from "./programmes.transitions.js";

// ------------------------------------------------------------------ goals
type GoalRow = NonNullable<Awaited<ReturnType<typeof queries.findGoal>>>;

function goalOutput(row: GoalRow) {
  return {
    ...withRelease({ ...row, nation: row.nation! }),
    assessmentYear: row.agreedYear ? row.agreedYear + 1 : null,
  };
}

async function visibleGoal(ctx: Ctx, id: string, asOf = today()): Promise<GoalRow> {
  return orNotFound(await queries.findGoal(ctx.db, ctx.viewer, id, asOf), "The partnership goal");
}

export async function listGoals(ctx: Ctx, query: GoalQuery) {
  authorize(ctx.viewer, "programmes.read");
  const page = await queries.listGoals(ctx.db, ctx.viewer, query, today());
  return paged(query, { total: page.total, items: page.items.map(goalOutput) });
}

export async function countGoals(ctx: Ctx, query: GoalQuery) {
  authorize(ctx.viewer, "programmes.read");
  const { limit: _l, offset: _o, ...filters } = query;
  return queries.goalCounts(ctx.db, ctx.viewer, filters, today());
}

export async function getGoal(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "programmes.read");
  const goal = await visibleGoal(ctx, id);
  const [parts, agreement, side] = await Promise.all([
    queries.goalDetailParts(ctx.db, ctx.viewer, id),
    goalQueries.goalAgreement(ctx.db, id),
    allianceSide(ctx.db),
  ]);
  const proposed = goal.status === "proposed";
  const viewerMay = {
    assess: can(ctx.viewer, "goal.assess", side),
    agreeAsPartner: proposed && can(ctx.viewer, "goal.agree.partner", goal),
    agreeAsAlliance: proposed && can(ctx.viewer, "goal.agree.alliance", side),
  };
  return withNext(flows.GOAL_TRANSITIONS, { ...goalOutput(goal), ...parts, agreement, viewerMay });
}

function checkAgreedYear(year: number | null | undefined) {
  if (year != null && year % 2 !== 0) throw validation("body.agreedYear", "goals are agreed in even years");
}

export async function createGoal(ctx: Ctx, input: GoalInput) {
  authorize(ctx.viewer, "programmes.create");
  // Both sides agree a proposed goal (agreeGoal); a goal entered as it stood (history) in another state is the
  // alliance side's record.
  if (input.status && input.status !== "proposed")
    authorize(ctx.viewer, "goal.agree.alliance", await allianceSide(ctx.db));
  const { fields, release } = await nationRelease(ctx.viewer, ctx.db, input);
  await Promise.all([
    checkNation(ctx.db, input.nationId, "body.nationId"),
    checkArea(ctx.db, input.areaCode, "body.areaCode"),
    requireVisibleLink(ctx.db, ctx.viewer, "plan", input.planId, "body.planId"),
  ]);
  checkAgreedYear(input.agreedYear);
  const id = await inTransaction(ctx, async (trx) => {
    const row = await auditedInsert(
      trx,
      ctx,
      "partnershipGoal",
      { ...fields, ...release },
      {
        action: "goal.create",
        also: (created) =>
          goalQueries.recordStatusChange(trx, {
            goalId: created.id,
            fromStatus: null,
            toStatus: created.status,
            changedBy: ctx.viewer.userId,
          }),
      },
    );
    return row.id;
  }).catch(mapConstraint);
  return getGoal(ctx, id);
}

export async function updateGoal(ctx: Ctx, id: string, patch: GoalPatch) {
  await editable(ctx, () => visibleGoal(ctx, id));
  await checkArea(ctx.db, patch.areaCode, "body.areaCode");
  await requireVisibleLink(ctx.db, ctx.viewer, "plan", patch.planId, "body.planId");
  checkAgreedYear(patch.agreedYear);
  const { statusNote, ...fields } = patch;
  const changes = patchColumns(fields);
  // A status note without a status changes nothing, and writes nothing.
  if (!Object.keys(changes).length) return getGoal(ctx, id);
  await inTransaction(ctx, async (trx) => {
    let fromStatus = "";
    await auditedUpdate(
      trx,
      ctx,
      "partnershipGoal",
      { id, missing: "The partnership goal" },
      (before) => {
        assertTransition(flows.GOAL_TRANSITIONS, before.status, patch.status);
        if (patch.status === "agreed" && before.status !== "agreed")
          throw illegalTransition(
            flows.GOAL_TRANSITIONS,
            before.status,
            "agreed",
            "both sides agree a goal: POST /api/partnership-goals/{id}/agreements/{partner|alliance}",
          );
        fromStatus = before.status;
        return { ...changes, ...agreementsVoidedBy(before, fields) };
      },
      {
        action: "goal.update",
        also: async (after) => {
          if (after.status === fromStatus) return;
          await goalQueries.recordStatusChange(trx, {
            goalId: id,
            fromStatus,
            toStatus: after.status,
            note: statusNote ?? null,
            changedBy: ctx.viewer.userId,
          });
        },
      },
    );
  }).catch(mapConstraint);
  return getGoal(ctx, id);
}

// ------------------------------------------------------------------ agreement by both sides
type GoalTableRow = RowOf<"partnershipGoal">;

/** What each side agrees to: a change to any of these while the goal is proposed clears both agreements. */
const AGREED_TERMS = ["title", "description", "areaCode", "targetOn", "agreedYear"] as const;

function agreementsVoidedBy(
  before: GoalTableRow,
  fields: Partial<Record<(typeof AGREED_TERMS)[number], unknown>>,
) {
  if (before.status !== "proposed" || (!before.partnerAgreedAt && !before.allianceAgreedAt)) return {};
  const changed = AGREED_TERMS.some((term) => fields[term] !== undefined && fields[term] !== before[term]);
  return changed
    ? { partnerAgreedBy: null, partnerAgreedAt: null, allianceAgreedBy: null, allianceAgreedAt: null }
    : {};
}

const SIDE_NAMES: Record<GoalSide, string> = { partner: "the partner side", alliance: "the alliance side" };

async function authorizeSide(ctx: Ctx, goal: GoalRow, side: GoalSide) {
  if (side === "partner") authorize(ctx.viewer, "goal.agree.partner", goal);
  else authorize(ctx.viewer, "goal.agree.alliance", await allianceSide(ctx.db));
}

function stateRefusal(message: string, fieldMessage: string, field = "status") {
  return new AppError("INVALID_STATE", message, [{ field, message: fieldMessage }]);
}

/**
 * One side records its agreement of a proposed goal. Under the goal's row lock: the side has not agreed yet, the
 * goal still proposed and its year set; when the other side has already agreed, the goal becomes agreed in the
 * same statement (status history and audit entry), so two agreements at once agree it exactly once.
 */
export function agreeGoal(ctx: Ctx, id: string, side: GoalSide) {
  return changeForSide(ctx, id, side, {
    notProposed: (status) =>
      illegalTransition(flows.GOAL_TRANSITIONS, status, "agreed", "only a proposed goal is agreed"),
    decide: (before, mine) => {
      if (mine)
        throw stateRefusal(
          `${SIDE_NAMES[side]} has already agreed the goal`,
          "already agreed",
          "params.side",
        );
      const other = side === "partner" ? before.allianceAgreedAt : before.partnerAgreedAt;
      const otherBy = side === "partner" ? before.allianceAgreedBy : before.partnerAgreedBy;
      if (other && otherBy === ctx.viewer.userId)
        throw stateRefusal(
          "One account cannot agree the goal for both sides",
          "this account agreed for the other side",
          "params.side",
        );
      if (before.agreedYear == null)
        throw stateRefusal(
          "The goal names no year of agreement; set its (even) agreed year before agreeing",
          "is not set",
          "agreedYear",
        );
      const now = new Date();
      const mark =
        side === "partner"
          ? { partnerAgreedBy: ctx.viewer.userId, partnerAgreedAt: now }
          : { allianceAgreedBy: ctx.viewer.userId, allianceAgreedAt: now };
      return other ? { ...mark, status: "agreed" as const } : mark;
    },
    audited: (trx) => ({
      action: "goal.agree",
      detail: { side },
      also: async (after) => {
        await notifyAgreement(ctx, trx, after, side);
        if (after.status !== "agreed") return;
        await goalQueries.recordStatusChange(trx, {
          goalId: id,
          fromStatus: "proposed",
          toStatus: "agreed",
          note: "Agreed by both sides",
          changedBy: ctx.viewer.userId,
        });
      },
    }),
  });
}

interface SideChange {
  /** The refusal once the goal is no longer proposed: a side agrees, or withdraws, only while it is. */
  notProposed: (status: string) => AppError;
  /** The change, from the goal's locked row and when this side agreed (null: it has not), or a refusal. */
  decide: (before: RowOf<"partnershipGoal">, mine: Date | null) => Updateable<DB["partnershipGoal"]>;
  /** The audit entry, and the further writes of the same transaction. */
  audited: (trx: Transaction<DB>) => Audited<"partnershipGoal">;
}

/**
 * Changes a proposed goal for one side of its agreement, when the caller may see the goal and act for that side,
 * under the goal's row lock (see `SideChange`).
 */
async function changeForSide(ctx: Ctx, id: string, side: GoalSide, change: SideChange) {
  authorize(ctx.viewer, "programmes.read");
  const goal = await visibleGoal(ctx, id);
  await authorizeSide(ctx, goal, side);
  const decide = (before: RowOf<"partnershipGoal">) => {
    if (before.status !== "proposed") throw change.notProposed(before.status);
    return change.decide(before, side === "partner" ? before.partnerAgreedAt : before.allianceAgreedAt);
  };
  await inTransaction(ctx, (trx) =>
    auditedUpdate(
      trx,
      ctx,
      "partnershipGoal",
      { id, missing: "The partnership goal" },
      decide,
      change.audited(trx),
    ),
  ).catch(mapConstraint);
  return getGoal(ctx, id);
}

/**
 * Tells the side still to agree that the other side has (the nation's coordinators, or alliance staff: the
 * organisers of the alliance organisation and administrators), and both sides once the goal is agreed.
 */
async function notifyAgreement(ctx: Ctx, trx: Kysely<DB>, goal: RowOf<"partnershipGoal">, side: GoalSide) {
  const { allianceOrganisationId } = await allianceSide(trx);
  const nation = { nationCoordinators: [goal.nationId] };
  const alliance = [
    { organisationStaff: { organisationIds: [allianceOrganisationId], roles: ["organiser"] } },
    { globalRoles: ["administrator"] },
  ];
  const agreed = goal.status === "agreed";
  await notify(trx, {
    recipients: agreed ? [nation, ...alliance] : side === "partner" ? alliance : [nation],
    kind: agreed ? "goal.agreed" : "goal.awaiting_agreement",
    record: { type: "partnership_goal", id: goal.id, link: `/programmes/goals/${goal.id}` },
    title: goal.title,
    params: { title: goal.title },
    actorUserId: ctx.viewer.userId,
  });
}

/** One side withdraws its agreement while the goal is still proposed (once agreed, the agreement stands). */
export function withdrawGoalAgreement(ctx: Ctx, id: string, side: GoalSide) {
  return changeForSide(ctx, id, side, {
    notProposed: (status) =>
      stateRefusal(
        `The partnership goal is ${status}; an agreement is withdrawn only while it is proposed`,
        `is ${status}, not proposed`,
      ),
    decide: (_before, mine) => {
      if (!mine)
        throw stateRefusal(`${SIDE_NAMES[side]} has not agreed the goal`, "has not agreed", "params.side");
      return side === "partner"
        ? { partnerAgreedBy: null, partnerAgreedAt: null }
        : { allianceAgreedBy: null, allianceAgreedAt: null };
    },
    audited: () => ({ action: "goal.agreement.withdraw", detail: { side } }),
  });
}

export async function assessGoal(ctx: Ctx, id: string, input: AssessmentInput) {
  authorize(ctx.viewer, "programmes.read");
  const goal = await visibleGoal(ctx, id);
  authorize(ctx.viewer, "goal.assess", await allianceSide(ctx.db));
  if (input.cycleYear % 2 !== 1) throw validation("body.cycleYear", "goals are assessed in odd years");
  if (!goal.agreedYear || goal.status === "proposed")
    throw new AppError("INVALID_STATE", "Only an agreed goal can be assessed", [
      { field: "body.cycleYear", message: "the goal has not been agreed" },
    ]);
  if (input.cycleYear <= goal.agreedYear)
    throw validation(
      "body.cycleYear",
      `a goal agreed in ${goal.agreedYear} is assessed from ${goal.agreedYear + 1}`,
    );
  await ctx.db
    .transaction()
    .execute((trx) =>
      auditedInsert(
        trx,
        ctx,
        "goalAssessment",
        { ...input, goalId: id, assessedBy: ctx.viewer.userId },
        { action: "goal.assess" },
      ),
    )
    .catch(mapConstraint);
  return getGoal(ctx, id);
}

export async function linkGoalActivity(ctx: Ctx, id: string, activityId: string) {
  await editable(ctx, () => visibleGoal(ctx, id));
  if (!(await queries.findVisibleActivity(ctx.db, ctx.viewer, activityId)))
    throw validation("body.activityId", "no such activity");
  await ctx.db.transaction().execute(async (trx) => {
    await goalQueries.linkActivity(trx, id, activityId);
    await writeAudit(trx, ctx, {
      action: "goal.activity.link",
      recordType: "partnership_goal",
      recordId: id,
      detail: { activityId },
    });
  });
  return getGoal(ctx, id);
}

// ------------------------------------------------------------------ milestones and timeline
export async function listMilestones(ctx: Ctx, nationId: string) {
  authorize(ctx.viewer, "programmes.read");
  return (await queries.listMilestones(ctx.db, ctx.viewer, nationId)).map(withRelease);
}

export async function createMilestone(ctx: Ctx, input: MilestoneInput) {
  authorize(ctx.viewer, "programmes.create");
  const { releasability, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  const release = resolveRelease(
    ctx.viewer,
    { releasability, releaseNationIds, releaseOrganisationIds },
    { ownerNationId: input.nationId, releasability: "internal" },
  );
  await checkNation(ctx.db, input.nationId, "body.nationId");
  const row = await ctx.db
    .transaction()
    .execute((trx) =>
      auditedInsert(
        trx,
        ctx,
        "partnershipMilestone",
        { ...fields, ...release },
        { action: "milestone.create" },
      ),
    )
    .catch(mapConstraint);
  const { createdAt: _c, ...rest } = row;
  return withRelease(rest);
}

export async function deleteMilestone(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "programmes.read");
  const milestone = orNotFound(await queries.findMilestone(ctx.db, ctx.viewer, id), "The milestone");
  authorize(ctx.viewer, "programmes.delete", milestone);
  await ctx.db
    .transaction()
    .execute((trx) =>
      auditedDelete(
        trx,
        ctx,
        "partnershipMilestone",
        { id, missing: "The milestone" },
        { action: "milestone.delete" },
      ),
    );
  return { outcome: "deleted" as const };
}
