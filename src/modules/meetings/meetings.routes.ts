import { sendFile, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import { ChildParams, created, IdParams, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { DelegationInput } from "./delegations.schemas.js";
import { FileReply } from "./meetings.http.js";
import {
  AgendaItemInput,
  MeetingDetail,
  MeetingInput,
  MeetingPatch,
  MeetingQuery,
  MeetingSummary,
} from "./meetings.schemas.js";
import * as service from "./meetings.service.js";

/** Meetings with their agenda, documents and delegations. */
export const meetingRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- meetings
  const meetings = routeTable(app, ["meetings: meetings"]);
  meetings.get(
    "/api/meetings",
    { query: MeetingQuery, response: ok(Page(MeetingSummary)) },
    (ctx, { query }) => service.listMeetings(ctx, query),
  );
  meetings.get(
    "/api/meetings/:id",
    "A meeting with its agenda, delegations, minutes and decisions",
    { params: IdParams, response: ok(MeetingDetail) },
    (ctx, { params }) => service.getMeeting(ctx, params.id),
  );
  meetings.post(
    "/api/meetings",
    "Prepare a meeting; its number defaults to the next in the series",
    { body: MeetingInput, response: created(MeetingDetail) },
    (ctx, { body }) => service.createMeeting(ctx, body),
  );
  meetings.patch(
    "/api/meetings/:id",
    { params: IdParams, body: MeetingPatch, response: ok(MeetingDetail) },
    (ctx, { params, body }) => service.updateMeeting(ctx, params.id, body),
  );
  meetings.post(
    "/api/meetings/:id/agenda",
    { params: IdParams, body: AgendaItemInput, response: created(MeetingDetail) },
    (ctx, { params, body }) => service.addAgendaItem(ctx, params.id, body),
  );
  meetings.delete(
    "/api/meetings/:id/agenda/:itemId",
    { params: ChildParams("itemId"), response: ok(MeetingDetail) },
    (ctx, { params }) => service.removeAgendaItem(ctx, params.id, params.itemId),
  );
  app.post(
    "/api/meetings/:id/agenda/:itemId/documents",
    {
      schema: {
        tags: meetings.tags,
        summary: "Attach a document to an agenda item (multipart/form-data, field file)",
        params: ChildParams("itemId"),
        response: created(MeetingDetail),
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; itemId: string };
      return reply
        .status(201)
        .send(
          await service.uploadAgendaDocument(ctxOf(request), uploadFrom(request), params.id, params.itemId),
        );
    },
  );
  app.get(
    "/api/meetings/:id/documents/:documentId",
    // The read is audited: a write, which replicas refuse.
    {
      config: { readsLeader: true },
      schema: { tags: meetings.tags, params: ChildParams("documentId"), response: FileReply },
    },
    async (request, reply) => {
      const params = request.params as { id: string; documentId: string };
      return sendFile(
        reply,
        await service.downloadAgendaDocument(ctxOf(request), params.id, params.documentId),
      );
    },
  );
  meetings.post(
    "/api/meetings/:id/delegations",
    { params: IdParams, body: DelegationInput, response: created(MeetingDetail) },
    (ctx, { params, body }) => service.addDelegation(ctx, params.id, body),
  );
  meetings.delete(
    "/api/meetings/:id/delegations/:delegationId",
    { params: ChildParams("delegationId"), response: ok(MeetingDetail) },
    (ctx, { params }) => service.removeDelegation(ctx, params.id, params.delegationId),
  );
};
