import { uploadFrom } from "../../platform/http/files.js";
import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./action-items.service.js";
import { auditedFileRoute } from "./meetings.http.js";
import {
  ActionItem,
  ActionItemDetail,
  ActionItemInput,
  ActionItemPatch,
  ActionItemQuery,
  MeetingActionItems,
  ReviewInput,
} from "./meetings.schemas.js";

/** Action items raised at meetings, their reviews and evidence. */
export const actionItemRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- action items
  const actions = routeTable(app, ["meetings: action items"]);
  const meeting = actions.records("/api/meetings");
  meeting.read(
    "action-items",
    {
      summary:
        "Items raised at the meeting and items carried over from earlier meetings, still open on its date",
      response: ok(MeetingActionItems),
    },
    service.meetingActionItems,
  );
  meeting.post(
    "action-items",
    { body: ActionItemInput, response: created(ActionItemDetail) },
    service.createActionItem,
  );
  const item = actions.records("/api/action-items");
  item.list(
    "The action-item tracker; overdue = not closed and the deadline before asOf (default today)",
    { query: ActionItemQuery, response: ok(Page(ActionItem)) },
    service.listActionItems,
  );
  item.get({ response: ok(ActionItemDetail) }, service.getActionItem);
  item.update({ body: ActionItemPatch, response: ok(ActionItemDetail) }, service.updateActionItem);
  item.post(
    "reviews",
    {
      summary: "Record that a meeting reviewed the item (and, optionally, its new status)",
      body: ReviewInput,
      response: created(ActionItemDetail),
    },
    service.reviewActionItem,
  );
  actions.post(
    "/api/action-items/:id/evidence",
    "Attach an evidence file (multipart/form-data, field file)",
    { params: IdParams, response: created(ActionItemDetail) },
    (ctx, { params }, request) => service.uploadEvidence(ctx, uploadFrom(request), params.id),
  );
  auditedFileRoute(actions, "/api/action-items/:id/evidence/:evidenceId", service.downloadEvidence);
};
