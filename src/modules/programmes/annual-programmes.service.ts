import "./programmes.policy.js";
import { requireVisibleLink } from "../../platform/access/links.js";
import { authorize, can } from "../../platform/access/policy.js";
import { withRelease } from "../../platform/access/releasability.js";
import { coordinatesNation, readsEverything } from "../../platform/access/viewer.js";
import { auditedInsert, auditedUpdate, deleteRecord, patchColumns } from "../../platform/audited-write.js";
import { orNotFound, validation } from "../../platform/errors.js";
import { type Ctx, inTransaction } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { assertTransition, withNext } from "../../platform/transitions.js";
import { notify } from "../notices/index.js";
import * as programmeQueries from "./annual-programmes.queries.js";
import { visiblePlan } from "./plans.service.js";
import * as versions from "./programme-versions.queries.js";
import type { ProgrammePatch } from "./programme-versions.schemas.js";
import * as common from "./programmes.common.js";
import {
  checkArea,
  checkDates,
  checkNation,
  editable,
  insertProgrammeRecord,
  mapConstraint,
  nationRelease,
} from "./programmes.common.js";
import * as queries from "./programmes.queries.js";
import type {
  ComparisonQuery,
  ItemInput,
  ItemPatch,
  ProgrammeInput,
  ProgrammeQuery,
} from "./programmes.schemas.js";
import * as flows from "./programmes.transitions.js";
import * as shared from "./shared.queries.js";

// ------------------------------------------------------------------ annual programmes
type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof queries.findProgramme>>>;

async function visibleProgramme(ctx: Ctx, id: string): Promise<ProgrammeRow> {
  return orNotFound(await queries.findProgramme(ctx.db, ctx.viewer, id), "The annual programme");
}

const itemOutput = ({ programmeId: _p, programmeTitle: _t, year: _y, ...item }: queries.ItemRow) => item;

const allianceSide = (ctx: Ctx) => common.allianceSide(ctx.db);

/**
 * Decisions by both sides: the partner's coordinators submit; alliance staff agree, return to draft (with a
 * reason) or close. Checked on the requested state; the transition table then judges the move on the locked row.
 */
async function authorizeStatus(ctx: Ctx, programme: { nationId: string }, status: string | undefined) {
  if (status === undefined) return;
  if (status === "submitted") authorize(ctx.viewer, "programme.submit", programme);
  else authorize(ctx.viewer, "programme.decide", await allianceSide(ctx));
}

export async function listProgrammes(ctx: Ctx, query: ProgrammeQuery) {
  authorize(ctx.viewer, "programmes.read");
  const page = await queries.listProgrammes(ctx.db, ctx.viewer, query);
  return paged(query, {
    total: page.total,
    items: page.items.map((row) => withRelease({ ...row, nation: row.nation! })),
  });
}

export async function getProgramme(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "programmes.read");
  const programme = await visibleProgramme(ctx, id);
  const items = await queries.itemsOfProgramme(ctx.db, ctx.viewer, id);
  const side = await allianceSide(ctx);
  const out = {
    ...withRelease({ ...programme, nation: programme.nation! }),
    items: items.map(itemOutput),
    viewerMay: {
      submit: can(ctx.viewer, "programme.submit", programme),
      decide: can(ctx.viewer, "programme.decide", side),
    },
  };
  return withNext(flows.PROGRAMME_TRANSITIONS, out);
}

export async function createProgramme(ctx: Ctx, input: ProgrammeInput) {
  authorize(ctx.viewer, "programmes.create");
  // A programme entered as it stood (history) in another state than draft is the alliance side's record.
  if (input.status && input.status !== "draft")
    authorize(ctx.viewer, "programme.decide", await allianceSide(ctx));
  const { fields, release } = await nationRelease(ctx.viewer, ctx.db, input);
  await checkNation(ctx.db, input.nationId, "body.nationId");
  const lastYear = input.lastYear ?? input.firstYear;
  if (lastYear < input.firstYear || lastYear > input.firstYear + 1)
    throw validation("body.lastYear", "a programme covers one year or two consecutive years");
  if (input.planId)
    await visiblePlan(ctx, input.planId).catch(() => {
      throw validation("body.planId", "no such plan");
    });
  const { id } = await insertProgrammeRecord(
    ctx,
    "annualProgramme",
    { ...fields, lastYear, ...release },
    "programme.create",
  );
  return getProgramme(ctx, id);
}

const STATUS_ACTIONS: Record<string, string> = {
  submitted: "programme.submit",
  agreed: "programme.agree",
  draft: "programme.return",
  closed: "programme.close",
};

export async function updateProgramme(ctx: Ctx, id: string, patch: ProgrammePatch) {
  authorize(ctx.viewer, "programmes.read");
  const current = await visibleProgramme(ctx, id);
  // Alliance staff decide on the status without owning the programme; its other fields are the owner's.
  const { status: _status, reason: _reason, ...others } = patch;
  if (Object.keys(others).length > 0 || patch.status === undefined)
    authorize(ctx.viewer, "programmes.update", current);
  const moves = patch.status !== undefined && patch.status !== current.status;
  if (moves) await authorizeStatus(ctx, current, patch.status);
  else if (patch.status !== undefined && !can(ctx.viewer, "programmes.update", current))
    await authorizeStatus(ctx, current, patch.status);
  await requireVisibleLink(ctx.db, ctx.viewer, "plan", patch.planId, "body.planId");
  const { reason, ...fields } = patch;
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      let status = "";
      let version: number | null = null;
      await auditedUpdate(
        trx,
        ctx,
        "annualProgramme",
        { id, missing: "The annual programme" },
        (before) => {
          assertTransition(flows.PROGRAMME_TRANSITIONS, before.status, patch.status);
          status = before.status;
          if (before.status === "submitted" && patch.status === "draft" && !reason)
            throw validation("body.reason", "returning a submitted programme to draft needs a reason");
          return patchColumns(fields);
        },
        {
          action: (moves && STATUS_ACTIONS[patch.status!]) || "programme.update",
          also: async (after) => {
            if (status === after.status) return;
            version = await keepVersion(trx, ctx, id, after.status, reason ?? null);
            if (after.status !== "submitted" && after.status !== "agreed") return;
            const code = await shared.nationCode(trx, after.nationId);
            const title = `${code} ${after.firstYear}${after.lastYear !== after.firstYear ? `–${after.lastYear}` : ""}`;
            await notify(trx, {
              // Submitted: the alliance side (administrators) and the nation's other coordinators; agreed: the nation.
              recipients:
                after.status === "submitted"
                  ? [{ globalRoles: ["administrator"] }, { nationCoordinators: [after.nationId] }]
                  : [{ nationCoordinators: [after.nationId] }],
              kind: after.status === "submitted" ? "programme.submitted" : "programme.agreed",
              record: { type: "annual_programme", id, link: `/programmes/annual/${id}` },
              title,
              params: { title },
              actorUserId: ctx.viewer.userId,
            });
          },
          audited: (after) => ({
            ...after,
            ...(version !== null ? { version } : {}),
            ...(reason ? { reason } : {}),
          }),
        },
      );
    })
    .catch(mapConstraint);
  return getProgramme(ctx, id);
}

/**
 * A submission keeps the programme and its items as a new version; agreeing or returning it writes the decision
 * on that version. Answers the version's number (null when no version was written or decided).
 */
async function keepVersion(
  trx: Ctx["db"],
  ctx: Ctx,
  programmeId: string,
  status: string,
  reason: string | null,
): Promise<number | null> {
  if (status === "submitted") {
    const snapshot = await versions.snapshotOf(trx, programmeId);
    const number = await versions.nextVersionNumber(trx, programmeId);
    await versions.insertVersion(trx, {
      programmeId,
      version: number,
      snapshot,
      submittedBy: ctx.viewer.userId,
    });
    return number;
  }
  if (status !== "agreed" && status !== "draft") return null;
  const decided = await versions.decideLatest(trx, programmeId, {
    decision: status === "agreed" ? "agreed" : "returned",
    decidedBy: ctx.viewer.userId,
    reason: status === "draft" ? reason : null,
  });
  return decided?.version ?? null;
}

async function checkObjectives(ctx: Ctx, objectiveIds: string[] | undefined) {
  for (const objectiveId of objectiveIds ?? []) {
    if (!(await queries.findObjectiveOwner(ctx.db, ctx.viewer, objectiveId)))
      throw validation("body.objectiveIds", `no such objective ${objectiveId}`);
  }
}

export async function addItem(ctx: Ctx, programmeId: string, input: ItemInput) {
  await editable(ctx, () => visibleProgramme(ctx, programmeId));
  const { objectiveIds, ...fields } = input;
  let areaCode = input.areaCode;
  if (input.activityId) {
    const activity = await queries.findVisibleActivity(ctx.db, ctx.viewer, input.activityId);
    if (!activity) throw validation("body.activityId", "no such activity");
    if (input.ownOutcome || input.ownParticipants != null)
      throw validation("body.ownOutcome", "the outcome of a catalogue activity comes from its nominations");
    areaCode ??= activity.areaCode ?? undefined;
    if (!areaCode) throw validation("body.areaCode", "the activity has no area of cooperation: give one");
  } else {
    if (!input.title) throw validation("body.title", "an item of the nation's own needs a title");
    if (!areaCode)
      throw validation("body.areaCode", "an item of the nation's own needs an area of cooperation");
  }
  await checkArea(ctx.db, areaCode, "body.areaCode");
  checkDates(input.plannedStartsOn, input.plannedEndsOn, "body.plannedEndsOn");
  await checkObjectives(ctx, objectiveIds);
  await inTransaction(ctx, (trx) =>
    auditedInsert(
      trx,
      ctx,
      "programmeItem",
      { ...fields, areaCode: areaCode!, programmeId },
      {
        action: "programme.item.add",
        also: (row) => programmeQueries.linkObjectives(trx, row.id, objectiveIds ?? []),
        audited: (row) => ({ ...row, objectiveIds: objectiveIds ?? [] }),
      },
    ),
  ).catch(mapConstraint);
  return getProgramme(ctx, programmeId);
}

export async function updateItem(ctx: Ctx, itemId: string, patch: ItemPatch) {
  const item = await editable(
    ctx,
    () => queries.findItemOwner(ctx.db, ctx.viewer, itemId),
    "The programme item",
  );
  if (item.activityId && (patch.ownOutcome || patch.ownParticipants != null))
    throw validation("body.ownOutcome", "the outcome of a catalogue activity comes from its nominations");
  await checkArea(ctx.db, patch.areaCode, "body.areaCode");
  await checkObjectives(ctx, patch.objectiveIds);
  const { objectiveIds, ...fields } = patch;
  await inTransaction(ctx, (trx) =>
    auditedUpdate(trx, ctx, "programmeItem", { id: itemId, missing: "The programme item" }, fields, {
      action: "programme.item.update",
      also: async () => {
        if (objectiveIds) await programmeQueries.replaceObjectives(trx, itemId, objectiveIds);
      },
      audited: (after) => ({ ...after, ...(objectiveIds ? { objectiveIds } : {}) }),
    }),
  ).catch(mapConstraint);
  return getProgramme(ctx, item.programmeId);
}

export async function removeItem(ctx: Ctx, itemId: string) {
  authorize(ctx.viewer, "programmes.read");
  const item = orNotFound(await queries.findItemOwner(ctx.db, ctx.viewer, itemId), "The programme item");
  authorize(ctx.viewer, "programmes.delete", item);
  await deleteRecord(
    ctx,
    "programmeItem",
    { id: itemId, missing: "The programme item" },
    { action: "programme.item.remove" },
  );
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

export async function programmeReport(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "programmes.read");
  const programme = await visibleProgramme(ctx, id);
  const [areaRows, items, unplanned] = await Promise.all([
    queries.programmeAreaFigures(ctx.db, ctx.viewer, id),
    queries.itemsOfProgramme(ctx.db, ctx.viewer, id),
    queries.unplannedEventsAttended(ctx.db, programme),
  ]);
  const areas = areaRows.map((row) => ({
    ...row,
    implementationRate: ratio(row.implementedItems, row.plannedItems),
  }));
  const sum = (key: "plannedItems" | "implementedItems" | "plannedParticipants" | "attended" | "completed") =>
    areaRows.reduce((total, row) => total + row[key], 0);
  return {
    programme: {
      id: programme.id,
      title: programme.title,
      planId: programme.planId,
      nation: programme.nation!,
      firstYear: programme.firstYear,
      lastYear: programme.lastYear,
    },
    spanFrom: `${programme.firstYear}-01-01`,
    spanTo: `${programme.lastYear}-12-31`,
    areas,
    totals: {
      plannedItems: sum("plannedItems"),
      implementedItems: sum("implementedItems"),
      plannedParticipants: sum("plannedParticipants"),
      attended: sum("attended"),
      completed: sum("completed"),
      implementationRate: ratio(sum("implementedItems"), sum("plannedItems")),
      unplannedEventsAttended: unplanned,
    },
    items: items.map(itemOutput),
  };
}

export async function compareYears(ctx: Ctx, query: ComparisonQuery) {
  authorize(ctx.viewer, "programmes.read");
  await checkNation(ctx.db, query.nationId, "query.nationId");
  const toYear = query.toYear ?? new Date().getUTCFullYear();
  const fromYear = query.fromYear ?? toYear - 9;
  if (fromYear > toYear) throw validation("query.fromYear", "must not be after toYear");
  if (toYear - fromYear > 60) throw validation("query.fromYear", "at most 60 years at once");
  // A nation's attendance record is its own business: its coordinators, and those who read everything.
  const mayReadNominations =
    readsEverything(ctx.viewer) ||
    coordinatesNation(ctx.viewer, query.nationId) ||
    ctx.viewer.nationIds.includes(query.nationId);
  return queries.yearFigures(ctx.db, ctx.viewer, query.nationId, fromYear, toYear, mayReadNominations);
}
