import { sendFile, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { ChildParams, created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./action-items.service.js";
import { FileReply } from "./meetings.http.js";
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
  const actions = ["meetings: action items"];
  app.get(
    "/api/meetings/:id/action-items",
    {
      schema: {
        tags: actions,
        summary:
          "Items raised at the meeting and items carried over from earlier meetings, still open on its date",
        params: IdParams,
        response: ok(MeetingActionItems),
      },
    },
    async (request) => service.meetingActionItems(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/meetings/:id/action-items",
    {
      schema: { tags: actions, params: IdParams, body: ActionItemInput, response: created(ActionItemDetail) },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createActionItem(ctxOf(request), request.params.id, request.body)),
  );
  app.get(
    "/api/action-items",
    {
      schema: {
        tags: actions,
        summary: "The action-item tracker; overdue = not closed and the deadline before asOf (default today)",
        querystring: ActionItemQuery,
        response: ok(Page(ActionItem)),
      },
    },
    async (request) => service.listActionItems(ctxOf(request), request.query),
  );
  app.get(
    "/api/action-items/:id",
    { schema: { tags: actions, params: IdParams, response: ok(ActionItemDetail) } },
    async (request) => service.getActionItem(ctxOf(request), request.params.id),
  );
  app.patch(
    "/api/action-items/:id",
    { schema: { tags: actions, params: IdParams, body: ActionItemPatch, response: ok(ActionItemDetail) } },
    async (request) => service.updateActionItem(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/action-items/:id/reviews",
    {
      schema: {
        tags: actions,
        summary: "Record that a meeting reviewed the item (and, optionally, its new status)",
        params: IdParams,
        body: ReviewInput,
        response: created(ActionItemDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.reviewActionItem(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/action-items/:id/evidence",
    {
      schema: {
        tags: actions,
        summary: "Attach an evidence file (multipart/form-data, field file)",
        params: IdParams,
        response: created(ActionItemDetail),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.uploadEvidence(ctxOf(request), uploadFrom(request), request.params.id)),
  );
  app.get(
    "/api/action-items/:id/evidence/:evidenceId",
    // The read is audited: a write, which replicas refuse.
    {
      config: { readsLeader: true },
      schema: { tags: actions, params: ChildParams("evidenceId"), response: FileReply },
    },
    async (request, reply) => {
      const params = request.params as { id: string; evidenceId: string };
      return sendFile(reply, await service.downloadEvidence(ctxOf(request), params.id, params.evidenceId));
    },
  );
};
