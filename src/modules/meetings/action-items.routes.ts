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
  actions.get(
    "/api/meetings/:id/action-items",
    "Items raised at the meeting and items carried over from earlier meetings, still open on its date",
    { params: IdParams, response: ok(MeetingActionItems) },
    (ctx, { params }) => service.meetingActionItems(ctx, params.id),
  );
  actions.post(
    "/api/meetings/:id/action-items",
    { params: IdParams, body: ActionItemInput, response: created(ActionItemDetail) },
    (ctx, { params, body }) => service.createActionItem(ctx, params.id, body),
  );
  actions.get(
    "/api/action-items",
    "The action-item tracker; overdue = not closed and the deadline before asOf (default today)",
    { query: ActionItemQuery, response: ok(Page(ActionItem)) },
    (ctx, { query }) => service.listActionItems(ctx, query),
  );
  actions.get(
    "/api/action-items/:id",
    { params: IdParams, response: ok(ActionItemDetail) },
    (ctx, { params }) => service.getActionItem(ctx, params.id),
  );
  actions.patch(
    "/api/action-items/:id",
    { params: IdParams, body: ActionItemPatch, response: ok(ActionItemDetail) },
    (ctx, { params, body }) => service.updateActionItem(ctx, params.id, body),
  );
  actions.post(
    "/api/action-items/:id/reviews",
    "Record that a meeting reviewed the item (and, optionally, its new status)",
    { params: IdParams, body: ReviewInput, response: created(ActionItemDetail) },
    (ctx, { params, body }) => service.reviewActionItem(ctx, params.id, body),
  );
  actions.post(
    "/api/action-items/:id/evidence",
    "Attach an evidence file (multipart/form-data, field file)",
    { params: IdParams, response: created(ActionItemDetail) },
    (ctx, { params }, request) => service.uploadEvidence(ctx, uploadFrom(request), params.id),
  );
  auditedFileRoute(actions, "/api/action-items/:id/evidence/:evidenceId", service.downloadEvidence);
};
