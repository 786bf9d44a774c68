import "./meetings.policy.js";
import { requireVisibleLink } from "../../platform/access/links.js";
import { authorize, can } from "../../platform/access/policy.js";
import { withRelease } from "../../platform/access/releasability.js";
import { readAuditedFile } from "../../platform/audited-download.js";
import { auditedInsert, patchColumns, updateRecord } from "../../platform/audited-write.js";
import { uniqueConflict } from "../../platform/constraint-errors.js";
import { AppError, notFound, orNotFound, validation } from "../../platform/errors.js";
import { insertFileRecord, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { type RowOwner, rowRemover } from "../../platform/owned-rows.js";
import { allowedFrom, assertTransition } from "../../platform/transitions.js";
import { assertOverrideReason, checkDoubleBooking } from "../directory/index.js";
import type { DelegationInput } from "./delegations.schemas.js";
import * as queries from "./meetings.queries.js";
import type { AgendaItemInput, MeetingInput, MeetingPatch, MeetingQuery } from "./meetings.schemas.js";
import { MEETING_TRANSITIONS } from "./meetings.transitions.js";
import { toRoman } from "./roman.js";

function checkDates(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw validation("body.endsOn", "must not be before the start date");
}

type MeetingRow = NonNullable<Awaited<ReturnType<typeof queries.findMeeting>>>;

function meetingOutput<T extends Omit<MeetingRow, "minutes" | "minutesApprovedOn">>(row: T) {
  return withRelease({
    ...row,
    numeral: toRoman(row.number),
    decisionCount: Number(row.decisionCount ?? 0),
  });
}

export async function listMeetings(ctx: Ctx, query: MeetingQuery) {
  authorize(ctx.viewer, "meeting.read");
  const page = await queries.listMeetings(ctx.db, ctx.viewer, query);
  return paged(query, { total: page.total, items: page.items.map(meetingOutput) });
}

export async function visibleMeeting(ctx: Ctx, id: string) {
  return orNotFound(await queries.findMeeting(ctx.db, ctx.viewer, id), "The meeting");
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
    allowedTransitions: allowedFrom(MEETING_TRANSITIONS, row.status),
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
  const row = await ctx.db.transaction().execute(async (trx) => {
    // The series row lock serialises number assignment in the series.
    await queries.lockSeries(trx, seriesId);
    const assigned = number ?? (await queries.nextMeetingNumber(trx, seriesId));
    return auditedInsert(
      trx,
      ctx,
      "meeting",
      {
        ...fields,
        seriesId,
        number: assigned,
        ownerNationId: series.ownerNationId,
        ownerOrganisationId: series.ownerOrganisationId,
        releasability: releasability ?? series.releasability,
        releaseNations: releaseNationIds ?? series.releaseNations,
        releaseOrganisations: releaseOrganisationIds ?? series.releaseOrganisations,
      },
      { action: "meeting.create" },
    ).catch(
      uniqueConflict(
        `The series already has a meeting number ${assigned}`,
        "body.number",
        "meeting_number_key",
      ),
    );
  });
  return getMeeting(ctx, row.id);
}

/** Loads a visible meeting and checks the caller may change it. */
export async function editableMeeting(ctx: Ctx, id: string) {
  const row = await visibleMeeting(ctx, id);
  authorize(ctx.viewer, "meeting.update", row);
  return row;
}

/** The meeting as the owner of its agenda items and delegations. */
const ownedByMeeting: RowOwner<Awaited<ReturnType<typeof getMeeting>>> = {
  key: "meetingId",
  editable: (ctx, id) => {
    authorize(ctx.viewer, "meeting.read");
    return editableMeeting(ctx, id);
  },
  read: getMeeting,
};

export async function updateMeeting(ctx: Ctx, id: string, patch: MeetingPatch) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, id);
  await requireVisibleLink(ctx.db, ctx.viewer, "activity", patch.activityId, "body.activityId");
  await requireVisibleLink(ctx.db, ctx.viewer, "event", patch.eventId, "body.eventId");
  await updateRecord(
    ctx,
    "meeting",
    { id, missing: "The meeting" },
    (before) => {
      checkDates(patch.startsOn ?? before.startsOn, patch.endsOn ?? before.endsOn);
      assertTransition(MEETING_TRANSITIONS, before.status, patch.status);
      return patchColumns(patch);
    },
    { action: "meeting.update" },
  ).catch(
    uniqueConflict(
      `The series already has a meeting number ${patch.number}`,
      "body.number",
      "meeting_number_key",
    ),
  );
  return getMeeting(ctx, id);
}

export async function addAgendaItem(ctx: Ctx, meetingId: string, input: AgendaItemInput) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, meetingId);
  await ctx.db.transaction().execute(async (trx) => {
    await queries.lockMeeting(trx, meetingId);
    const position = input.position ?? (await queries.nextAgendaPosition(trx, meetingId));
    await auditedInsert(
      trx,
      ctx,
      "meetingAgendaItem",
      { ...input, meetingId, position },
      { action: "meeting.agenda.add" },
    ).catch(uniqueConflict(`The agenda already has an item at position ${position}`, "body.position"));
  });
  return getMeeting(ctx, meetingId);
}

export const removeAgendaItem = rowRemover(
  ownedByMeeting,
  "meetingAgendaItem",
  "The agenda item",
  "meeting.agenda.remove",
);

export async function uploadAgendaDocument(
  ctx: Ctx,
  source: UploadSource,
  meetingId: string,
  itemId: string,
) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, meetingId);
  if (!(await queries.isAgendaItemOf(ctx.db, meetingId, itemId))) throw notFound("The agenda item");
  await insertFileRecord(
    ctx,
    source,
    "meetingAgendaDocument",
    (fileId) => ({ agendaItemId: itemId, fileId }),
    {
      action: "meeting.agenda.document.add",
    },
  );
  return getMeeting(ctx, meetingId);
}

export async function downloadAgendaDocument(ctx: Ctx, meetingId: string, documentId: string) {
  authorize(ctx.viewer, "meeting.read");
  await visibleMeeting(ctx, meetingId);
  return readAuditedFile(
    ctx,
    await queries.agendaDocumentFile(ctx.db, meetingId, documentId),
    "The document",
    {
      action: "meeting.document.read",
      recordType: "meeting_agenda_document",
      recordId: documentId,
      detail: { meetingId },
    },
  );
}

export async function addDelegation(ctx: Ctx, meetingId: string, input: DelegationInput) {
  authorize(ctx.viewer, "meeting.read");
  const meeting = await editableMeeting(ctx, meetingId);
  if (!!input.nationId === !!input.organisationId)
    throw validation("body.nationId", "give either a nation or an organisation");
  assertOverrideReason(input);
  // Naming a person in a delegation commits them over the meeting's dates, like an acceptance (issue 22, item 4).
  const people = [
    ...new Set((input.members ?? []).flatMap((member) => (member.personId ? [member.personId] : []))),
  ].sort();
  await ctx.db.transaction().execute(async (trx) => {
    // One person after the other, each under their own lock (in id order, so two writers never wait on each other).
    const doubleBookings = [];
    if (meeting.status !== "cancelled")
      for (const personId of people) {
        const booking = {
          personId,
          from: meeting.startsOn,
          to: meeting.endsOn,
          exceptEventId: meeting.eventId,
        };
        const found = await checkDoubleBooking(trx, ctx.viewer, booking, input);
        if (found) doubleBookings.push({ personId, ...found });
      }
    return auditedInsert(
      trx,
      ctx,
      "meetingDelegation",
      {
        meetingId,
        nationId: input.nationId ?? null,
        organisationId: input.organisationId ?? null,
        headName: input.headName ?? null,
        members: JSON.stringify(input.members ?? []),
      },
      {
        action: "meeting.delegation.add",
        ...(doubleBookings.length ? { detail: { doubleBookings } } : {}),
      },
    ).catch(
      uniqueConflict(
        "This delegation is already listed",
        input.nationId ? "body.nationId" : "body.organisationId",
      ),
    );
  });
  return getMeeting(ctx, meetingId);
}

export const removeDelegation = rowRemover(
  ownedByMeeting,
  "meetingDelegation",
  "The delegation",
  "meeting.delegation.remove",
);
