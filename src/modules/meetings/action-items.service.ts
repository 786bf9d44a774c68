import "./meetings.policy.js";
import { authorize, can } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { readAuditedFile } from "../../platform/audited-download.js";
import { auditedInsert, lockRow, updateRecord } from "../../platform/audited-write.js";
import { AppError, orNotFound, validation } from "../../platform/errors.js";
import { insertFileRecord, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { allowedFrom, assertTransition } from "../../platform/transitions.js";
import { notify } from "../notices/index.js";
import * as queries from "./action-items.queries.js";
import { findMeeting } from "./meetings.queries.js";
import type { ActionItemInput, ActionItemPatch, ActionItemQuery, ReviewInput } from "./meetings.schemas.js";
import { editableMeeting, visibleMeeting } from "./meetings.service.js";
import { ACTION_ITEM_TRANSITIONS } from "./meetings.transitions.js";
import { toRoman } from "./roman.js";

const CLOSED = ["done", "cancelled"];

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
    allowedTransitions: allowedFrom(ACTION_ITEM_TRANSITIONS, row.status),
  };
}

export async function listActionItems(ctx: Ctx, query: ActionItemQuery) {
  authorize(ctx.viewer, "action_item.read");
  const page = await queries.listActionItems(ctx.db, ctx.viewer, query);
  return paged(query, { total: page.total, items: page.items.map((row) => actionOutput(ctx, row)) });
}

async function visibleActionItem(ctx: Ctx, id: string) {
  return orNotFound(await queries.findActionItem(ctx.db, ctx.viewer, id), "The action item");
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
  const row = await ctx.db.transaction().execute(async (trx) => {
    if (input.decisionId && !(await queries.isDecisionOfSeries(trx, input.decisionId, meeting.seriesId)))
      throw validation("body.decisionId", "is not a decision of this series");
    return auditedInsert(
      trx,
      ctx,
      "meetingActionItem",
      { ...input, seriesId: meeting.seriesId, raisedMeetingId: meetingId },
      {
        action: "meeting.action_item.create",
        also: (item) =>
          notify(trx, {
            recipients: [
              { nationCoordinators: [item.assigneeNationId] },
              { organisationStaff: { organisationIds: [item.assigneeOrganisationId], roles: ["organiser"] } },
            ],
            kind: "action_item.assigned",
            record: { type: "meeting_action_item", id: item.id, link: `/meetings/${meetingId}` },
            title: item.title,
            params: { title: item.title, deadline: item.deadline },
            actorUserId: ctx.viewer.userId,
          }),
      },
    );
  });
  return getActionItem(ctx, row.id);
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
      closedOn: closedOn ?? (CLOSED.includes(current.status) ? current.closedOn : null) ?? queries.today,
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
  await updateRecord(
    ctx,
    "meetingActionItem",
    { id, missing: "The action item" },
    (before) => {
      assertTransition(ACTION_ITEM_TRANSITIONS, before.status, status);
      return { ...fields, ...statusChange(status, closedOn, before) };
    },
    { action: "meeting.action_item.update" },
  );
  return getActionItem(ctx, id);
}

export async function reviewActionItem(ctx: Ctx, id: string, input: ReviewInput) {
  authorize(ctx.viewer, "action_item.read");
  const item = await visibleActionItem(ctx, id);
  const meeting = await findMeeting(ctx.db, ctx.viewer, input.meetingId);
  if (!meeting || meeting.seriesId !== item.seriesId)
    throw validation("body.meetingId", "is not a meeting of the item's series");
  authorize(ctx.viewer, "meeting.update", meeting);
  if (meeting.startsOn < item.raisedAt.startsOn)
    throw validation("body.meetingId", "was held before the item was raised");
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockRow(trx, "meetingActionItem", { id, missing: "The action item" });
    assertTransition(ACTION_ITEM_TRANSITIONS, before.status, input.status);
    if (input.status && input.status !== before.status) {
      await queries.setActionStatus(
        trx,
        id,
        CLOSED.includes(input.status)
          ? { status: input.status, closedOn: meeting.startsOn }
          : { status: input.status, closedOn: null },
      );
    }
    const review = await queries.recordReview(trx, {
      actionItemId: id,
      meetingId: meeting.id,
      status: input.status ?? before.status,
      note: input.note ?? null,
      reviewedBy: ctx.viewer.userId,
    });
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

export async function uploadEvidence(ctx: Ctx, source: UploadSource, id: string) {
  authorize(ctx.viewer, "action_item.read");
  const row = await visibleActionItem(ctx, id);
  authorize(ctx.viewer, "action_item.update", actionSubject(row));
  await insertFileRecord(ctx, source, "meetingActionEvidence", (fileId) => ({ actionItemId: id, fileId }), {
    action: "meeting.action_item.evidence.add",
  });
  return getActionItem(ctx, id);
}

export async function downloadEvidence(ctx: Ctx, id: string, evidenceId: string) {
  authorize(ctx.viewer, "action_item.read");
  await visibleActionItem(ctx, id);
  return readAuditedFile(ctx, await queries.evidenceFile(ctx.db, id, evidenceId), "The evidence file", {
    action: "meeting.document.read",
    recordType: "meeting_action_evidence",
    recordId: evidenceId,
    detail: { actionItemId: id },
  });
}
