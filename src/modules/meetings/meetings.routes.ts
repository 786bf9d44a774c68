import { sendFile, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
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
  const meetings = ["meetings: meetings"];
  app.get(
    "/api/meetings",
    { schema: { tags: meetings, querystring: MeetingQuery, response: ok(Page(MeetingSummary)) } },
    async (request) => service.listMeetings(ctxOf(request), request.query),
  );
  app.get(
    "/api/meetings/:id",
    {
      schema: {
        tags: meetings,
        summary: "A meeting with its agenda, delegations, minutes and decisions",
        params: IdParams,
        response: ok(MeetingDetail),
      },
    },
    async (request) => service.getMeeting(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/meetings",
    {
      schema: {
        tags: meetings,
        summary: "Prepare a meeting; its number defaults to the next in the series",
        body: MeetingInput,
        response: created(MeetingDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createMeeting(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/meetings/:id",
    { schema: { tags: meetings, params: IdParams, body: MeetingPatch, response: ok(MeetingDetail) } },
    async (request) => service.updateMeeting(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/meetings/:id/agenda",
    { schema: { tags: meetings, params: IdParams, body: AgendaItemInput, response: created(MeetingDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.addAgendaItem(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/meetings/:id/agenda/:itemId",
    { schema: { tags: meetings, params: ChildParams("itemId"), response: ok(MeetingDetail) } },
    async (request) => {
      const params = request.params as { id: string; itemId: string };
      return service.removeAgendaItem(ctxOf(request), params.id, params.itemId);
    },
  );
  app.post(
    "/api/meetings/:id/agenda/:itemId/documents",
    {
      schema: {
        tags: meetings,
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
      schema: { tags: meetings, params: ChildParams("documentId"), response: FileReply },
    },
    async (request, reply) => {
      const params = request.params as { id: string; documentId: string };
      return sendFile(
        reply,
        await service.downloadAgendaDocument(ctxOf(request), params.id, params.documentId),
      );
    },
  );
  app.post(
    "/api/meetings/:id/delegations",
    { schema: { tags: meetings, params: IdParams, body: DelegationInput, response: created(MeetingDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.addDelegation(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/meetings/:id/delegations/:delegationId",
    { schema: { tags: meetings, params: ChildParams("delegationId"), response: ok(MeetingDetail) } },
    async (request) => {
      const params = request.params as { id: string; delegationId: string };
      return service.removeDelegation(ctxOf(request), params.id, params.delegationId);
    },
  );
};
