/* Activities of the catalogue: search, the activity page, its changes, status and copies to another year. */
import "./catalogue.policy.js";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { type AllianceSide, allianceSide, isAllianceStaff } from "../../platform/access/alliance.js";
import { authorize, can } from "../../platform/access/policy.js";
import { releaseOutput, resolveRelease, splitRelease } from "../../platform/access/releasability.js";
import { hasRole, isAdministrator, type Viewer } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { insertRow, updateRow } from "../../platform/audited-write.js";
import { isUniqueViolation } from "../../platform/constraint-errors.js";
import { conflict, orNotFound, unprocessable, validation } from "../../platform/errors.js";
import { type Ctx, inTransaction } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { allowedFrom, assertMove } from "../../platform/transitions.js";
import { notify } from "../notices/index.js";
import * as activities from "./activities.queries.js";
import * as queries from "./catalogue.queries.js";
import type {
  ActivityInput,
  ActivityPatch,
  ActivityQuery,
  ActivityStatusChange,
  CopyActivityInput,
} from "./catalogue.schemas.js";
import { ACTIVITY_TRANSITIONS } from "./catalogue.transitions.js";
import { cancelEventInTransaction, checkSeatLimits } from "./events.service.js";
import { eventDatesOf } from "./import.queries.js";
import { checkCapacity, visibleActivity } from "./loaders.service.js";
import { auditOffers, offerFreedSeats } from "./seats.service.js";

type Trx = Kysely<DB>;

export async function searchActivities(ctx: Ctx, query: ActivityQuery) {
  authorize(ctx.viewer, "activity.read");
  if (query.from && query.to && query.to < query.from)
    throw validation("query.to", "must not be before from");
  const result = await queries.searchActivities(ctx.db, ctx.viewer, query);
  return { ...paged(query, result), ...(result.facets ? { facets: result.facets } : {}) };
}

/**
 * A page of the menu search with each activity's event dates ("YYYY-MM-DD/YYYY-MM-DD", in date order): the menu's
 * export, so that an activity with several events imports back with every one of them.
 */
export async function searchActivitiesWithEventDates(ctx: Ctx, query: ActivityQuery) {
  const page = await searchActivities(ctx, query);
  const dates = await eventDatesOf(
    ctx.db,
    page.items.map((activity) => activity.id),
  );
  return { ...page, items: page.items.map((item) => ({ ...item, eventDates: dates.get(item.id) ?? [] })) };
}

export async function getActivity(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "activity.read");
  const found = orNotFound(await queries.findActivity(ctx.db, ctx.viewer, id), "The activity");
  const { summary, full, events, eligibleNations } = found;
  const activity = { organiserId: full.organiserId, hostInstitutionId: full.hostInstitutionId };
  const canDecide =
    summary.status === "proposed" && can(ctx.viewer, "activity.decide", await allianceSide(ctx.db));
  return {
    ...summary,
    descriptionEn: full.descriptionEn,
    descriptionAz: full.descriptionAz,
    descriptionRu: full.descriptionRu,
    hostInstitution: full.hiId ? { id: full.hiId, code: full.hiCode!, nameEn: full.hiNameEn! } : null,
    venue: full.venue,
    eligibleNations,
    nationQuota: full.nationQuota,
    prerequisites: full.prerequisites,
    externalRefs: full.externalRefs,
    cancelReason: full.cancelReason,
    rejectionReason: full.rejectionReason,
    copiedFromId: full.copiedFromId,
    events,
    canEdit: can(ctx.viewer, "activity.update", activity),
    canDecide,
    allowedTransitions: allowedFrom(ACTIVITY_TRANSITIONS, summary.status),
    canNominate:
      summary.status === "published" &&
      (isAdministrator(ctx.viewer) || hasRole(ctx.viewer, "national_coordinator")),
    ...releaseOutput({
      ownerNationId: full.ownerNationId,
      ownerOrganisationId: full.ownerOrganisationId,
      releasability: full.releasability,
      releaseNations: full.releaseNations,
      releaseOrganisations: full.releaseOrganisations,
    }),
  };
}

/** Replaces the activity's cooperation areas; an unknown or archived code is refused. */
async function replaceAreas(trx: Trx, activityId: string, areas: string[]) {
  await activities.deleteAreas(trx, activityId);
  if (!areas.length) return;
  const known = await activities.knownAreaCodes(trx, areas);
  const unknown = areas.filter((area) => !known.includes(area));
  if (unknown.length) throw unprocessable("body.areas", `unknown area ${unknown.join(", ")}`);
  await activities.insertAreas(trx, activityId, areas);
}

/**
 * The rules of a new activity (who may create it, its capacity and eligibility, its owner and release), applied to
 * one input: returns the row to insert and its areas. `createActivity` and the activities import both start here.
 */
export function newActivity(viewer: Viewer, input: ActivityInput) {
  authorize(viewer, "activity.create", input);
  checkCapacity(input.capacity, input.nationQuota, "body.nationQuota");
  if (input.eligibility === "named_nations" && !input.eligibleNationIds?.length)
    throw validation("body.eligibleNationIds", "name at least one nation");
  const { release: asked, fields: written } = splitRelease(input);
  const { areas, eligibleNationIds, prerequisites, externalRefs, ...fields } = written;
  const release = resolveRelease(viewer, asked, {
    ownerOrganisationId: input.organiserId,
    releasability: "public",
  });
  return {
    row: {
      ...fields,
      eligibleNations: eligibleNationIds ?? [],
      prerequisites: prerequisites ?? {},
      externalRefs: externalRefs ?? [],
      ...release,
    },
    areas: areas ?? [],
  };
}

/**
 * Whether a new activity is a partner's proposal: its organiser belongs to a partner nation of the alliance
 * (`partnerOrganisationIds`) and its creator is not alliance staff (administrators, organisers of the alliance
 * organisation). A proposal starts `proposed`, outside the menu, until alliance staff approve it; when restricted,
 * it is also released to the alliance organisation, so that its staff can read what they decide on.
 */
export async function proposalRule(db: Trx, viewer: Viewer, organiserIds: string[]) {
  const side = await allianceSide(db);
  const partners = isAllianceStaff(viewer, side)
    ? new Set<string>()
    : await activities.partnerOrganisationIds(db, organiserIds);
  return <R extends { organiserId: string; releasability: string; releaseOrganisations: string[] }>(
    row: R,
  ): R & { status?: "proposed" } => (partners.has(row.organiserId) ? asProposal(row, side) : row);
}

function asProposal<R extends { releasability: string; releaseOrganisations: string[] }>(
  row: R,
  side: AllianceSide,
): R & { status: "proposed" } {
  const alliance = side.allianceOrganisationId;
  const release =
    row.releasability === "restricted" && alliance && !row.releaseOrganisations.includes(alliance)
      ? [...row.releaseOrganisations, alliance]
      : row.releaseOrganisations;
  return { ...row, releaseOrganisations: release, status: "proposed" };
}

/**
 * Tells of a proposal: a new one to alliance staff (organisers of the alliance organisation, administrators), a
 * decision to the organisers of the proposing organisation. `side`: the alliance side when the caller has it (an
 * import telling of many proposals reads it once); it is read here only for a new proposal.
 */
export async function notifyProposal(
  ctx: Ctx,
  trx: Trx,
  activity: { id: string; code: string; titleEn: string; organiserId: string },
  kind: "activity.proposed" | "activity.approved" | "activity.rejected",
  { reason, side }: { reason?: string; side?: AllianceSide } = {},
) {
  const title = `${activity.code} ${activity.titleEn}`;
  const staff = async () => (side ?? (await allianceSide(trx))).allianceOrganisationId;
  await notify(trx, {
    recipients:
      kind === "activity.proposed"
        ? [
            { organisationStaff: { organisationIds: [await staff()], roles: ["organiser"] } },
            { globalRoles: ["administrator"] },
          ]
        : [
            {
              organisationStaff: {
                organisationIds: [activity.organiserId],
                roles: ["organiser", "course_director"],
              },
            },
          ],
    kind,
    record: { type: "activity", id: activity.id, link: `/catalogue/activities/${activity.id}` },
    title,
    body: reason ?? null,
    params: { title, ...(reason ? { reason } : {}) },
    actorUserId: ctx.viewer.userId,
  });
}

export async function createActivity(ctx: Ctx, input: ActivityInput) {
  const made = newActivity(ctx.viewer, input);
  const areas = made.areas;
  const values = (await proposalRule(ctx.db, ctx.viewer, [input.organiserId]))(made.row);
  const id = await inTransaction(ctx, async (trx) => {
    const row = await insertRow(trx, "activity", {
      ...values,
      prerequisites: JSON.stringify(values.prerequisites),
      externalRefs: JSON.stringify(values.externalRefs),
    }).catch((error) => {
      if (isUniqueViolation(error)) throw conflict("An activity with this code already exists", "body.code");
      throw error;
    });
    await replaceAreas(trx, row.id, areas);
    if (row.status === "proposed") await notifyProposal(ctx, trx, row, "activity.proposed");
    await writeAudit(trx, ctx, {
      action: "activity.create",
      recordType: "activity",
      recordId: row.id,
      after: { ...row, areas },
    });
    return row.id;
  });
  return getActivity(ctx, id);
}

/**
 * Events that take the activity's capacity or quota are held to the seat limits of a change of them (409 naming
 * the field). `lock`: each event under its row lock, as a change does; an import's preview reads without locks and
 * its commit checks again under them.
 */
export async function checkInheritedSeatLimits(
  db: Trx,
  activityId: string,
  fields: { capacity?: number | null; nationQuota?: number | null },
  lock: boolean,
  names?: { capacity: string; nationQuota: string },
) {
  if (fields.capacity === undefined && fields.nationQuota === undefined) return [];
  const inheriting = await activities.inheritingLiveEvents(db, activityId);
  for (const event of inheriting) {
    if (lock) await queries.lockEvent(db, event.id);
    await checkSeatLimits(
      db,
      event.id,
      {
        capacity: event.capacity === null && fields.capacity !== undefined ? fields.capacity : undefined,
        nationQuota:
          event.nationQuota === null && fields.nationQuota !== undefined && !event.reallocatedAt
            ? fields.nationQuota
            : undefined,
      },
      names,
      `The event starting ${event.startsOn} takes the activity's limits: `,
    );
  }
  return inheriting.map((event) => event.id);
}

export async function updateActivity(ctx: Ctx, id: string, patch: ActivityPatch) {
  authorize(ctx.viewer, "activity.read");
  await inTransaction(ctx, async (trx) => {
    const before = await visibleActivity(ctx, trx, id);
    authorize(ctx.viewer, "activity.update", before);
    const {
      areas,
      eligibleNationIds,
      prerequisites,
      externalRefs,
      releaseNationIds,
      releaseOrganisationIds,
      ...fields
    } = patch;
    checkCapacity(
      fields.capacity !== undefined ? fields.capacity : before.capacity,
      fields.nationQuota !== undefined ? fields.nationQuota : before.nationQuota,
      "body.nationQuota",
    );
    if (fields.ownerNationId !== undefined || fields.ownerOrganisationId !== undefined) {
      resolveRelease(
        ctx.viewer,
        { ownerNationId: fields.ownerNationId, ownerOrganisationId: fields.ownerOrganisationId },
        {
          ownerNationId: before.ownerNationId,
          ownerOrganisationId: before.ownerOrganisationId,
          releasability: "public",
        },
        before,
      );
    }
    const set = {
      ...fields,
      ...(eligibleNationIds ? { eligibleNations: eligibleNationIds } : {}),
      ...(prerequisites ? { prerequisites: JSON.stringify(prerequisites) } : {}),
      ...(externalRefs ? { externalRefs: JSON.stringify(externalRefs) } : {}),
      ...(releaseNationIds ? { releaseNations: releaseNationIds } : {}),
      ...(releaseOrganisationIds ? { releaseOrganisations: releaseOrganisationIds } : {}),
    };
    const inheriting = await checkInheritedSeatLimits(trx, id, fields, true);
    // A patch of the areas alone changes no column of the activity row.
    const after = Object.keys(set).length ? await updateRow(trx, "activity", id, set) : before;
    // More seats (or a larger quota) in the events that take them are offered to their waitlists at once.
    const offered = [];
    for (const eventId of inheriting) offered.push(...(await offerFreedSeats(ctx, trx, eventId, null)));
    const areasBefore = areas ? await activities.areasOf(trx, id) : undefined;
    if (areas) await replaceAreas(trx, id, areas);
    await writeAudit(trx, ctx, {
      action: "activity.update",
      recordType: "activity",
      recordId: id,
      before: areasBefore ? { ...before, areas: areasBefore } : before,
      after: areas ? { ...after, areas: [...new Set(areas)].sort() } : after,
    });
    await auditOffers(trx, ctx, offered);
  });
  return getActivity(ctx, id);
}

/**
 * Moves an activity along ACTIVITY_TRANSITIONS. Its organisers make every move but the decision on a proposal:
 * approving it (proposed → published) or rejecting it (proposed → rejected, with a reason) is for alliance staff
 * (`activity.decide`), withdrawing it (proposed → cancelled, with a reason) for its organisers. Cancelling or
 * rejecting cancels its events that still run.
 */
export async function changeActivityStatus(ctx: Ctx, id: string, input: ActivityStatusChange) {
  authorize(ctx.viewer, "activity.read");
  const ending = input.status === "cancelled" || input.status === "rejected";
  if (ending && !input.reason)
    throw validation(
      "body.reason",
      `a ${input.status === "rejected" ? "rejection" : "cancellation"} needs a reason`,
    );
  const side = await allianceSide(ctx.db);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await visibleActivity(ctx, trx, id);
    // Publishing or rejecting a proposal (or asking it of a rejected one) is alliance staff's decision.
    const decision =
      queries.isProposal(before.status) && (input.status === "published" || input.status === "rejected");
    if (decision) authorize(ctx.viewer, "activity.decide", side);
    else authorize(ctx.viewer, "activity.update", before);
    assertMove(ACTIVITY_TRANSITIONS, before.status, input.status);
    const after = await updateRow(trx, "activity", id, {
      status: input.status,
      cancelReason: input.status === "cancelled" ? input.reason! : before.cancelReason,
      rejectionReason: input.status === "rejected" ? input.reason! : before.rejectionReason,
    });
    if (ending) {
      const events = await activities.liveEventIds(trx, id);
      for (const event of events) await cancelEventInTransaction(ctx, trx, event.id, input.reason!);
    }
    if (decision)
      await notifyProposal(
        ctx,
        trx,
        after,
        input.status === "published" ? "activity.approved" : "activity.rejected",
        { reason: input.reason },
      );
    await writeAudit(trx, ctx, {
      action: decision
        ? input.status === "published"
          ? "activity.approve"
          : "activity.reject"
        : "activity.status",
      recordType: "activity",
      recordId: id,
      before: { status: before.status },
      after: { status: after.status },
      detail: input.reason ? { reason: input.reason } : undefined,
    });
  });
  return getActivity(ctx, id);
}

const shiftYear = (date: string, years: number) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // 29 February moves to 28 February in a year without it.
  const day = m === 2 && d === 29 && new Date(Date.UTC(y + years, 1, 29)).getUTCMonth() !== 1 ? 28 : d;
  return `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};

/** Copies a recurring activity, its areas, events and sessions to another menu year as a draft. */
export async function copyActivity(ctx: Ctx, id: string, input: CopyActivityInput) {
  authorize(ctx.viewer, "activity.read");
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const source = await visibleActivity(ctx, trx, id);
    authorize(ctx.viewer, "activity.update", source);
    const years = input.menuYear - source.menuYear;
    if (years === 0) throw validation("body.menuYear", "choose a different year than the activity's");
    const code =
      input.code ??
      (source.code.includes(String(source.menuYear))
        ? source.code.replace(String(source.menuYear), String(input.menuYear))
        : `${source.code}-${input.menuYear}`);
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      search: _s,
      status: _st,
      cancelReason: _cr,
      rejectionReason: _rr,
      copiedFromId: _cf,
      prerequisites,
      externalRefs,
      ...fields
    } = source;
    // A partner's copy is a proposal again: each year's menu is approved on its own.
    const proposal = await proposalRule(trx, ctx.viewer, [source.organiserId]);
    const row = await insertRow(trx, "activity", {
      ...proposal({ ...fields, status: "draft" }),
      code,
      menuYear: input.menuYear,
      copiedFromId: source.id,
      prerequisites: JSON.stringify(prerequisites),
      externalRefs: JSON.stringify(externalRefs),
    }).catch((error) => {
      if (isUniqueViolation(error))
        throw conflict(`An activity with the code ${code} already exists`, "body.code");
      throw error;
    });
    await activities.copyAreas(trx, source.id, row.id);
    if (row.status === "proposed") await notifyProposal(ctx, trx, row, "activity.proposed");
    const events = await activities.eventRowsOfActivity(trx, source.id);
    for (const event of events) {
      const copy = await insertRow(trx, "event", {
        activityId: row.id,
        title: event.title,
        startsOn: shiftYear(event.startsOn, years),
        endsOn: shiftYear(event.endsOn, years),
        timeZone: event.timeZone,
        city: event.city,
        venue: event.venue,
        hostNationId: event.hostNationId,
        capacity: event.capacity,
        nationQuota: event.nationQuota,
        nominationsCloseOn: event.nominationsCloseOn ? shiftYear(event.nominationsCloseOn, years) : null,
        acceptance: event.acceptance,
        sample: event.sample,
      });
      await activities.copySessions(trx, event.id, copy.id, years);
    }
    await writeAudit(trx, ctx, {
      action: "activity.copy",
      recordType: "activity",
      recordId: row.id,
      after: row,
      detail: { copiedFrom: source.code, events: events.length },
    });
    return row.id;
  });
  return getActivity(ctx, newId);
}

export async function listAreas(ctx: Ctx) {
  authorize(ctx.viewer, "activity.read");
  return activities.listAreas(ctx.db);
}
