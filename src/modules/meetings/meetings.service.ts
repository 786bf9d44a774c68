import "./meetings.policy.js";
import type { FastifyReply, FastifyRequest } from "fastify";
import { sql } from "kysely";
import { requireVisibleLink } from "../../platform/access/links.js";
import { authorize, can } from "../../platform/access/policy.js";
import { releaseOutput, resolveRelease } from "../../platform/access/releasability.js";
import { writeAudit } from "../../platform/audit.js";
import { isUniqueViolation } from "../../platform/constraint-errors.js";
import { AppError, conflict, notFound, validation } from "../../platform/errors.js";
import { receiveUpload, sendStoredFile, storeFile } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { notify } from "../notifications/index.js";
import * as queries from "./meetings.queries.js";
import type {
  ActionItemInput,
  ActionItemPatch,
  ActionItemQuery,
  AgendaItemInput,
  DecisionInput,
  DecisionPatch,
  DelegationInput,
  MeetingInput,
  MeetingPatch,
  MeetingQuery,
  ReviewInput,
  SeriesInput,
  SeriesQuery,
} from "./meetings.schemas.js";
import { decisionReference, toRoman } from "./roman.js";

const CLOSED = ["done", "cancelled"];

function checkDates(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw validation("body.endsOn", "must not be before the start date");
}

// ------------------------------------------------------------------ series
type SeriesRow = NonNullable<Awaited<ReturnType<typeof queries.findSeries>>>;

function seriesOutput(row: SeriesRow) {
  const { ownerNationId, ownerOrganisationId, releasability, releaseNations, releaseOrganisations, ...rest } =
    row;
  return {
    ...rest,
    meetingCount: Number(rest.meetingCount ?? 0),
    ...releaseOutput({
      ownerNationId,
      ownerOrganisationId,
      releasability,
      releaseNations,
      releaseOrganisations,
    }),
  };
}

export async function listSeries(ctx: Ctx, query: SeriesQuery) {
  authorize(ctx.viewer, "meeting_series.read");
  const page = await queries.listSeries(ctx.db, ctx.viewer, query);
  return paged(query, { total: page.total, items: page.items.map(seriesOutput) });
}

export async function getSeries(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "meeting_series.read");
  const row = await queries.findSeries(ctx.db, ctx.viewer, id);
  if (!row) throw notFound("The meeting series");
  return seriesOutput(row);
}

export async function createSeries(ctx: Ctx, input: SeriesInput) {
  authorize(ctx.viewer, "meeting_series.create");
  const {
    ownerNationId,
    ownerOrganisationId,
    releasability,
    releaseNationIds,
    releaseOrganisationIds,
    ...fields
  } = input;
  const release = resolveRelease(
    ctx.viewer,
    { ownerNationId, ownerOrganisationId, releasability, releaseNationIds, releaseOrganisationIds },
    { ownerOrganisationId: input.organiserId ?? null, releasability: "internal" },
  );
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("meetingSeries")
      .values({ ...fields, ...release })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "meeting_series.create",
      recordType: "meeting_series",
      recordId: row.id,
      after: row,
    });
    return row.id;
  });
  return getSeries(ctx, id);
}

export async function listSeriesDecisions(
  ctx: Ctx,
  seriesId: string,
  query: { meetingId?: string; limit?: number; offset?: number },
) {
  authorize(ctx.viewer, "meeting_series.read");
  const series = await queries.findSeries(ctx.db, ctx.viewer, seriesId);
  if (!series) throw notFound("The meeting series");
  // Decisions are as visible as their meeting.
  const rows = await queries.listDecisions(ctx.db, {
    seriesId,
    meetingId: query.meetingId,
    viewer: ctx.viewer,
  });
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 25;
  return paged(query, { total: rows.length, items: rows.slice(offset, offset + limit) });
}

// ------------------------------------------------------------------ meetings
type MeetingRow = NonNullable<Awaited<ReturnType<typeof queries.findMeeting>>>;

function meetingOutput<T extends Omit<MeetingRow, "minutes" | "minutesApprovedOn">>(row: T) {
  const { ownerNationId, ownerOrganisationId, releasability, releaseNations, releaseOrganisations, ...rest } =
    row;
  return {
    ...rest,
    numeral: toRoman(rest.number),
    decisionCount: Number(rest.decisionCount ?? 0),
    ...releaseOutput({
      ownerNationId,
      ownerOrganisationId,
      releasability,
      releaseNations,
      releaseOrganisations,
    }),
  };
}

export async function listMeetings(ctx: Ctx, query: MeetingQuery) {
  authorize(ctx.viewer, "meeting.read");
  const page = await queries.listMeetings(ctx.db, ctx.viewer, query);
  return paged(query, { total: page.total, items: page.items.map(meetingOutput) });
}

async function visibleMeeting(ctx: Ctx, id: string) {
  const row = await queries.findMeeting(ctx.db, ctx.viewer, id);
  if (!row) throw notFound("The meeting");
  return row;
}

export async function getMeeting(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "meeting.read");
  const row = await visibleMeeting(ctx, id);
  const parts = await queries.meetingParts(ctx.db, id);
  return {
    ...meetingOutput(row),
    minutes: row.minutes,
    minutesApprovedOn: row.minutesApprovedOn,
    ...parts,
    delegations: parts.delegations.map((d) => ({ ...d, members: d.members ?? [] })),
    canEdit: can(ctx.viewer, "meeting.update", row),
  };
}

export async function createMeeting(ctx: Ctx, input: MeetingInput) {
  authorize(ctx.viewer, "meeting.read");
  checkDates(input.startsOn, input.endsOn);
  const series = await queries.findSeries(ctx.db, ctx.viewer, input.seriesId);
  if (!series)
    throw new AppError("UNPROCESSABLE", "The meeting series does not exist", [
      { field: "body.seriesId", message: "does not exist" },
    ]);
  authorize(ctx.viewer, "meeting.create", series);
  await requireVisibleLink(ctx.db, ctx.viewer, "activity", input.activityId, "body.activityId");
  await requireVisibleLink(ctx.db, ctx.viewer, "event", input.eventId, "body.eventId");
  const { seriesId, number, releasability, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  const id = await ctx.db.transaction().execute(async (trx) => {
    // The series row lock serialises number assignment in the series.
    await queries.lockSeries(trx, seriesId);
    const assigned = number ?? (await queries.nextMeetingNumber(trx, seriesId));
    const row = await trx
      .insertInto("meeting")
      .values({
        ...fields,
        seriesId,
        number: assigned,
        ownerNationId: series.ownerNationId,
        ownerOrganisationId: series.ownerOrganisationId,
        releasability: releasability ?? series.releasability,
        releaseNations: releaseNationIds ?? series.releaseNations,
        releaseOrganisations: releaseOrganisationIds ?? series.releaseOrganisations,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => {
        if (isUniqueViolation(error, "meeting_number_key"))
          throw conflict(`The series already has a meeting number ${assigned}`, "body.number");
        throw error;
      });
    await writeAudit(trx, ctx, {
      action: "meeting.create",
      recordType: "meeting",
      recordId: row.id,
      after: row,
    });
    return row.id;
  });
  return getMeeting(ctx, id);
}

/** Loads a visible meeting and checks the caller may change it. */
async function editableMeeting(ctx: Ctx, id: string) {
  const row = await visibleMeeting(ctx, id);
  authorize(ctx.viewer, "meeting.update", row);
  return row;
}

export async function updateMeeting(ctx: Ctx, id: string, patch: MeetingPatch) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, id);
  await requireVisibleLink(ctx.db, ctx.viewer, "activity", patch.activityId, "body.activityId");
  await requireVisibleLink(ctx.db, ctx.viewer, "event", patch.eventId, "body.eventId");
  const { releaseNationIds, releaseOrganisationIds, ...fields } = patch;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await queries.lockMeeting(trx, id);
    if (!before) throw notFound("The meeting");
    checkDates(patch.startsOn ?? before.startsOn, patch.endsOn ?? before.endsOn);
    const after = await trx
      .updateTable("meeting")
      .set({
        ...fields,
        ...(releaseNationIds ? { releaseNations: releaseNationIds } : {}),
        ...(releaseOrganisationIds ? { releaseOrganisations: releaseOrganisationIds } : {}),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => {
        if (isUniqueViolation(error, "meeting_number_key"))
          throw conflict(`The series already has a meeting number ${patch.number}`, "body.number");
        throw error;
      });
    await writeAudit(trx, ctx, {
      action: "meeting.update",
      recordType: "meeting",
      recordId: id,
      before,
      after,
    });
  });
  return getMeeting(ctx, id);
}

export async function addAgendaItem(ctx: Ctx, meetingId: string, input: AgendaItemInput) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, meetingId);
  await ctx.db.transaction().execute(async (trx) => {
    await queries.lockMeeting(trx, meetingId);
    const position =
      input.position ??
      (
        await trx
          .selectFrom("meetingAgendaItem")
          .select(sql<number>`coalesce(max(position), 0) + 1`.as("next"))
          .where("meetingId", "=", meetingId)
          .executeTakeFirstOrThrow()
      ).next;
    const row = await trx
      .insertInto("meetingAgendaItem")
      .values({ ...input, meetingId, position })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => {
        if (isUniqueViolation(error))
          throw conflict(`The agenda already has an item at position ${position}`, "body.position");
        throw error;
      });
    await writeAudit(trx, ctx, {
      action: "meeting.agenda.add",
      recordType: "meeting_agenda_item",
      recordId: row.id,
      after: row,
    });
  });
  return getMeeting(ctx, meetingId);
}

export async function removeAgendaItem(ctx: Ctx, meetingId: string, itemId: string) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, meetingId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("meetingAgendaItem")
      .where("id", "=", itemId)
      .where("meetingId", "=", meetingId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound("The agenda item");
    await writeAudit(trx, ctx, {
      action: "meeting.agenda.remove",
      recordType: "meeting_agenda_item",
      recordId: itemId,
      before: row,
    });
  });
  return getMeeting(ctx, meetingId);
}

export async function uploadAgendaDocument(
  ctx: Ctx,
  request: FastifyRequest,
  meetingId: string,
  itemId: string,
) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, meetingId);
  const item = await ctx.db
    .selectFrom("meetingAgendaItem")
    .select("id")
    .where("id", "=", itemId)
    .where("meetingId", "=", meetingId)
    .executeTakeFirst();
  if (!item) throw notFound("The agenda item");
  const upload = await receiveUpload(request, ctx.config.uploadLimitBytes);
  await ctx.db.transaction().execute(async (trx) => {
    const file = await storeFile(trx, ctx, upload);
    const row = await trx
      .insertInto("meetingAgendaDocument")
      .values({ agendaItemId: itemId, fileId: file.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "meeting.agenda.document.add",
      recordType: "meeting_agenda_document",
      recordId: row.id,
      after: row,
    });
  });
  return getMeeting(ctx, meetingId);
}

export async function downloadAgendaDocument(
  ctx: Ctx,
  reply: FastifyReply,
  meetingId: string,
  documentId: string,
) {
  authorize(ctx.viewer, "meeting.read");
  await visibleMeeting(ctx, meetingId);
  const doc = await ctx.db
    .selectFrom("meetingAgendaDocument as d")
    .innerJoin("meetingAgendaItem as i", "i.id", "d.agendaItemId")
    .select("d.fileId")
    .where("d.id", "=", documentId)
    .where("i.meetingId", "=", meetingId)
    .executeTakeFirst();
  if (!doc) throw notFound("The document");
  await writeAudit(ctx.db, ctx, {
    action: "meeting.document.read",
    recordType: "meeting_agenda_document",
    recordId: documentId,
    detail: { meetingId },
  });
  return sendStoredFile(ctx.db, reply, doc.fileId);
}

export async function addDelegation(ctx: Ctx, meetingId: string, input: DelegationInput) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, meetingId);
  if (!!input.nationId === !!input.organisationId)
    throw validation("body.nationId", "give either a nation or an organisation");
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("meetingDelegation")
      .values({
        meetingId,
        nationId: input.nationId ?? null,
        organisationId: input.organisationId ?? null,
        headName: input.headName ?? null,
        members: JSON.stringify(input.members ?? []),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error) => {
        if (isUniqueViolation(error))
          throw conflict(
            "This delegation is already listed",
            input.nationId ? "body.nationId" : "body.organisationId",
          );
        throw error;
      });
    await writeAudit(trx, ctx, {
      action: "meeting.delegation.add",
      recordType: "meeting_delegation",
      recordId: row.id,
      after: row,
    });
  });
  return getMeeting(ctx, meetingId);
}

export async function removeDelegation(ctx: Ctx, meetingId: string, delegationId: string) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, meetingId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("meetingDelegation")
      .where("id", "=", delegationId)
      .where("meetingId", "=", meetingId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound("The delegation");
    await writeAudit(trx, ctx, {
      action: "meeting.delegation.remove",
      recordType: "meeting_delegation",
      recordId: delegationId,
      before: row,
    });
  });
  return getMeeting(ctx, meetingId);
}

// ------------------------------------------------------------------ decisions
function checkLanguages(texts: { language: string }[]) {
  const seen = new Set<string>();
  texts.forEach((text, index) => {
    if (seen.has(text.language)) throw validation(`body.texts.${index}.language`, "is given twice");
    seen.add(text.language);
  });
}

async function decisionOrThrow(ctx: Ctx, id: string) {
  const [row] = await queries.listDecisions(ctx.db, { id });
  if (!row) throw notFound("The decision");
  return row;
}

export async function createDecision(ctx: Ctx, meetingId: string, input: DecisionInput) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, meetingId);
  checkLanguages(input.texts);
  const id = await ctx.db.transaction().execute(async (trx) => {
    // Incrementing the meeting's counter takes its row lock: concurrent decisions queue here and get distinct numbers.
    const counter = await trx
      .updateTable("meeting")
      .set((eb) => ({ lastDecisionNumber: eb("lastDecisionNumber", "+", 1) }))
      .where("id", "=", meetingId)
      .returning(["lastDecisionNumber", "number", "seriesId"])
      .executeTakeFirstOrThrow();
    if (input.agendaItemId) {
      const item = await trx
        .selectFrom("meetingAgendaItem")
        .select("id")
        .where("id", "=", input.agendaItemId)
        .where("meetingId", "=", meetingId)
        .executeTakeFirst();
      if (!item) throw validation("body.agendaItemId", "is not an item of this meeting's agenda");
    }
    const row = await trx
      .insertInto("meetingDecision")
      .values({
        seriesId: counter.seriesId,
        meetingId,
        number: counter.lastDecisionNumber,
        reference: decisionReference(counter.number, counter.lastDecisionNumber),
        title: input.title,
        agendaItemId: input.agendaItemId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("meetingDecisionText")
      .values(input.texts.map((text) => ({ ...text, decisionId: row.id })))
      .execute();
    await writeAudit(trx, ctx, {
      action: "meeting.decision.create",
      recordType: "meeting_decision",
      recordId: row.id,
      after: { ...row, languages: input.texts.map((text) => text.language) },
    });
    return row.id;
  });
  return decisionOrThrow(ctx, id);
}

export async function updateDecision(ctx: Ctx, id: string, patch: DecisionPatch) {
  authorize(ctx.viewer, "meeting.read");
  const decision = await decisionOrThrow(ctx, id);
  await editableMeeting(ctx, decision.meetingId);
  if (patch.texts) checkLanguages(patch.texts);
  await ctx.db.transaction().execute(async (trx) => {
    if (patch.title)
      await trx.updateTable("meetingDecision").set({ title: patch.title }).where("id", "=", id).execute();
    for (const text of patch.texts ?? []) {
      await trx
        .insertInto("meetingDecisionText")
        .values({ ...text, decisionId: id })
        .onConflict((oc) =>
          oc.columns(["decisionId", "language"]).doUpdateSet({
            body: text.body,
            ...(text.translationStatus ? { translationStatus: text.translationStatus } : {}),
          }),
        )
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: "meeting.decision.update",
      recordType: "meeting_decision",
      recordId: id,
      before: { title: decision.title, texts: decision.texts },
      after: { title: patch.title ?? decision.title, texts: patch.texts ?? decision.texts },
    });
  });
  return decisionOrThrow(ctx, id);
}

// ------------------------------------------------------------------ action items
type ActionRow = NonNullable<Awaited<ReturnType<typeof queries.findActionItem>>>;

const actionSubject = (row: ActionRow) => ({
  meeting: { ownerNationId: row.meetingOwnerNationId, ownerOrganisationId: row.meetingOwnerOrganisationId },
  assignee: { nationId: row.assigneeNationId, organisationId: row.assigneeOrganisationId },
});

function actionOutput(ctx: Ctx, row: ActionRow) {
  const {
    meetingOwnerNationId: _n,
    meetingOwnerOrganisationId: _o,
    assigneeNationId: _an,
    assigneeOrganisationId: _ao,
    ...rest
  } = row;
  return {
    ...rest,
    raisedAt: { ...rest.raisedAt, numeral: toRoman(rest.raisedAt.number) },
    reviewCount: Number(rest.reviewCount ?? 0),
    canUpdate: can(ctx.viewer, "action_item.update", actionSubject(row)),
  };
}

export async function listActionItems(ctx: Ctx, query: ActionItemQuery) {
  authorize(ctx.viewer, "action_item.read");
  const page = await queries.listActionItems(ctx.db, ctx.viewer, query);
  return paged(query, { total: page.total, items: page.items.map((row) => actionOutput(ctx, row)) });
}

async function visibleActionItem(ctx: Ctx, id: string) {
  const row = await queries.findActionItem(ctx.db, ctx.viewer, id);
  if (!row) throw notFound("The action item");
  return row;
}

export async function getActionItem(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "action_item.read");
  const row = await visibleActionItem(ctx, id);
  const parts = await queries.actionItemParts(ctx.db, id);
  return {
    ...actionOutput(ctx, row),
    reviews: parts.reviews.map((review) => ({ ...review, numeral: toRoman(review.meetingNumber) })),
    evidenceFiles: parts.evidenceFiles,
  };
}

export async function meetingActionItems(ctx: Ctx, meetingId: string) {
  authorize(ctx.viewer, "action_item.read");
  const meeting = await visibleMeeting(ctx, meetingId);
  const { raised, carriedOver } = await queries.meetingActionItems(ctx.db, ctx.viewer, meeting);
  return {
    asOf: meeting.startsOn,
    raised: raised.map((row) => actionOutput(ctx, row)),
    carriedOver: carriedOver.map((row) => actionOutput(ctx, row)),
  };
}

export async function createActionItem(ctx: Ctx, meetingId: string, input: ActionItemInput) {
  authorize(ctx.viewer, "action_item.read");
  const meeting = await editableMeeting(ctx, meetingId);
  if (!!input.assigneeNationId === !!input.assigneeOrganisationId)
    throw validation("body.assigneeNationId", "give either an owner nation or an owner organisation");
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.decisionId) {
      const decision = await trx
        .selectFrom("meetingDecision")
        .select("id")
        .where("id", "=", input.decisionId)
        .where("seriesId", "=", meeting.seriesId)
        .executeTakeFirst();
      if (!decision) throw validation("body.decisionId", "is not a decision of this series");
    }
    const row = await trx
      .insertInto("meetingActionItem")
      .values({ ...input, seriesId: meeting.seriesId, raisedMeetingId: meetingId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await notify(trx, {
      recipients: [
        { nationCoordinators: [row.assigneeNationId] },
        { organisationStaff: { organisationIds: [row.assigneeOrganisationId], roles: ["organiser"] } },
      ],
      kind: "action_item.assigned",
      record: { type: "meeting_action_item", id: row.id, link: `/meetings/${meetingId}` },
      title: row.title,
      params: { title: row.title, deadline: row.deadline },
      actorUserId: ctx.viewer.userId,
    });
    await writeAudit(trx, ctx, {
      action: "meeting.action_item.create",
      recordType: "meeting_action_item",
      recordId: row.id,
      after: row,
    });
    return row.id;
  });
  return getActionItem(ctx, id);
}

/** The status change of an item: closing dates it (today unless given), reopening clears the date. */
function statusChange(
  status: string | undefined,
  closedOn: string | undefined,
  current: { status: string; closedOn: string | null },
) {
  if (!status && closedOn) {
    if (!CLOSED.includes(current.status))
      throw validation("body.closedOn", "only a closed item has a closing date");
    return { closedOn };
  }
  if (!status) return {};
  if (CLOSED.includes(status)) {
    return {
      status,
      closedOn:
        closedOn ?? (CLOSED.includes(current.status) ? current.closedOn : null) ?? sql<string>`current_date`,
    };
  }
  if (closedOn) throw validation("body.closedOn", "only a closed item has a closing date");
  return { status, closedOn: null };
}

export async function updateActionItem(ctx: Ctx, id: string, patch: ActionItemPatch) {
  authorize(ctx.viewer, "action_item.read");
  const row = await visibleActionItem(ctx, id);
  authorize(ctx.viewer, "action_item.update", actionSubject(row));
  const subject = actionSubject(row);
  const secretariat = can(ctx.viewer, "meeting.update", subject.meeting);
  // The assignee reports progress and evidence; the wording and the deadline are the meeting's.
  if (
    !secretariat &&
    (patch.title !== undefined || patch.deadline !== undefined || patch.description !== undefined)
  ) {
    const field =
      patch.title !== undefined ? "title" : patch.deadline !== undefined ? "deadline" : "description";
    throw new AppError(
      "FORBIDDEN",
      "Only the meeting's secretariat changes the wording and deadline of an item",
      [{ field: `body.${field}`, message: "not yours to change" }],
    );
  }
  const { status, closedOn, ...fields } = patch;
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("meetingActionItem")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const after = await trx
      .updateTable("meetingActionItem")
      .set({ ...fields, ...statusChange(status, closedOn, before) })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "meeting.action_item.update",
      recordType: "meeting_action_item",
      recordId: id,
      before,
      after,
    });
  });
  return getActionItem(ctx, id);
}

export async function reviewActionItem(ctx: Ctx, id: string, input: ReviewInput) {
  authorize(ctx.viewer, "action_item.read");
  const item = await visibleActionItem(ctx, id);
  const meeting = await queries.findMeeting(ctx.db, ctx.viewer, input.meetingId);
  if (!meeting || meeting.seriesId !== item.seriesId)
    throw validation("body.meetingId", "is not a meeting of the item's series");
  authorize(ctx.viewer, "meeting.update", meeting);
  if (meeting.startsOn < item.raisedAt.startsOn)
    throw validation("body.meetingId", "was held before the item was raised");
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("meetingActionItem")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (input.status && input.status !== before.status) {
      await trx
        .updateTable("meetingActionItem")
        .set(
          CLOSED.includes(input.status)
            ? { status: input.status, closedOn: meeting.startsOn }
            : { status: input.status, closedOn: null },
        )
        .where("id", "=", id)
        .execute();
    }
    const review = await trx
      .insertInto("meetingActionReview")
      .values({
        actionItemId: id,
        meetingId: meeting.id,
        status: input.status ?? before.status,
        note: input.note ?? null,
        reviewedBy: ctx.viewer.userId,
      })
      .onConflict((oc) =>
        oc.columns(["actionItemId", "meetingId"]).doUpdateSet({
          status: input.status ?? before.status,
          note: input.note ?? null,
          reviewedBy: ctx.viewer.userId,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "meeting.action_item.review",
      recordType: "meeting_action_item",
      recordId: id,
      before: { status: before.status },
      after: { status: review.status },
      detail: { meetingId: meeting.id, note: review.note },
    });
  });
  return getActionItem(ctx, id);
}

export async function uploadEvidence(ctx: Ctx, request: FastifyRequest, id: string) {
  authorize(ctx.viewer, "action_item.read");
  const row = await visibleActionItem(ctx, id);
  authorize(ctx.viewer, "action_item.update", actionSubject(row));
  const upload = await receiveUpload(request, ctx.config.uploadLimitBytes);
  await ctx.db.transaction().execute(async (trx) => {
    const file = await storeFile(trx, ctx, upload);
    const link = await trx
      .insertInto("meetingActionEvidence")
      .values({ actionItemId: id, fileId: file.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "meeting.action_item.evidence.add",
      recordType: "meeting_action_evidence",
      recordId: link.id,
      after: link,
    });
  });
  return getActionItem(ctx, id);
}

export async function downloadEvidence(ctx: Ctx, reply: FastifyReply, id: string, evidenceId: string) {
  authorize(ctx.viewer, "action_item.read");
  await visibleActionItem(ctx, id);
  const link = await ctx.db
    .selectFrom("meetingActionEvidence")
    .select("fileId")
    .where("id", "=", evidenceId)
    .where("actionItemId", "=", id)
    .executeTakeFirst();
  if (!link) throw notFound("The evidence file");
  await writeAudit(ctx.db, ctx, {
    action: "meeting.document.read",
    recordType: "meeting_action_evidence",
    recordId: evidenceId,
    detail: { actionItemId: id },
  });
  return sendStoredFile(ctx.db, reply, link.fileId);
}
