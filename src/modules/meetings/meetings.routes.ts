import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses, IdParams, Page, PageQuery, Uuid } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as exchange from "./exchange.service.js";
import {
  AccessLogEntry,
  AcknowledgeInput,
  AcknowledgeOutput,
  ActionItem,
  ActionItemDetail,
  ActionItemInput,
  ActionItemPatch,
  ActionItemQuery,
  AgendaItemInput,
  Decision,
  DecisionInput,
  DecisionPatch,
  DelegationInput,
  ExchangeCounts,
  ExchangeParties,
  ForwardInput,
  MeetingActionItems,
  MeetingDetail,
  MeetingInput,
  MeetingPatch,
  MeetingQuery,
  MeetingSeries,
  MeetingSummary,
  MessageDetail,
  MessageInput,
  MessageQuery,
  MessageSummary,
  ReviewInput,
  SeriesInput,
  SeriesQuery,
} from "./meetings.schemas.js";
import * as service from "./meetings.service.js";

const ChildParams = (name: string) =>
  Type.Object({ id: Uuid, [name]: Uuid }, { additionalProperties: false });
const FileReply = { 200: Type.Any({ description: "The file's bytes" }), ...errorResponses };
const DecisionListQuery = Type.Object(
  { meetingId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);

export const meetingsRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- series
  const series = ["meetings: series"];
  app.get(
    "/api/meeting-series",
    {
      schema: {
        tags: series,
        summary: "Meeting series the caller may see",
        querystring: SeriesQuery,
        response: { 200: Page(MeetingSeries), ...errorResponses },
      },
    },
    async (request) => service.listSeries(ctxOf(request), request.query),
  );
  app.get(
    "/api/meeting-series/:id",
    { schema: { tags: series, params: IdParams, response: { 200: MeetingSeries, ...errorResponses } } },
    async (request) => service.getSeries(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/meeting-series",
    { schema: { tags: series, body: SeriesInput, response: { 201: MeetingSeries, ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send(await service.createSeries(ctxOf(request), request.body)),
  );
  app.get(
    "/api/meeting-series/:id/decisions",
    {
      schema: {
        tags: series,
        summary: "Decisions of a series, in meeting and decision order",
        params: IdParams,
        querystring: DecisionListQuery,
        response: { 200: Page(Decision), ...errorResponses },
      },
    },
    async (request) => service.listSeriesDecisions(ctxOf(request), request.params.id, request.query),
  );

  // ---------------------------------------------------------------- meetings
  const meetings = ["meetings: meetings"];
  app.get(
    "/api/meetings",
    {
      schema: {
        tags: meetings,
        querystring: MeetingQuery,
        response: { 200: Page(MeetingSummary), ...errorResponses },
      },
    },
    async (request) => service.listMeetings(ctxOf(request), request.query),
  );
  app.get(
    "/api/meetings/:id",
    {
      schema: {
        tags: meetings,
        summary: "A meeting with its agenda, delegations, minutes and decisions",
        params: IdParams,
        response: { 200: MeetingDetail, ...errorResponses },
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
        response: { 201: MeetingDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createMeeting(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/meetings/:id",
    {
      schema: {
        tags: meetings,
        params: IdParams,
        body: MeetingPatch,
        response: { 200: MeetingDetail, ...errorResponses },
      },
    },
    async (request) => service.updateMeeting(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/meetings/:id/agenda",
    {
      schema: {
        tags: meetings,
        params: IdParams,
        body: AgendaItemInput,
        response: { 201: MeetingDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addAgendaItem(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/meetings/:id/agenda/:itemId",
    {
      schema: {
        tags: meetings,
        params: ChildParams("itemId"),
        response: { 200: MeetingDetail, ...errorResponses },
      },
    },
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
        response: { 201: MeetingDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; itemId: string };
      return reply
        .status(201)
        .send(await service.uploadAgendaDocument(ctxOf(request), request, params.id, params.itemId));
    },
  );
  app.get(
    "/api/meetings/:id/documents/:documentId",
    { schema: { tags: meetings, params: ChildParams("documentId"), response: FileReply } },
    async (request, reply) => {
      const params = request.params as { id: string; documentId: string };
      return service.downloadAgendaDocument(ctxOf(request), reply, params.id, params.documentId);
    },
  );
  app.post(
    "/api/meetings/:id/delegations",
    {
      schema: {
        tags: meetings,
        params: IdParams,
        body: DelegationInput,
        response: { 201: MeetingDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addDelegation(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/meetings/:id/delegations/:delegationId",
    {
      schema: {
        tags: meetings,
        params: ChildParams("delegationId"),
        response: { 200: MeetingDetail, ...errorResponses },
      },
    },
    async (request) => {
      const params = request.params as { id: string; delegationId: string };
      return service.removeDelegation(ctxOf(request), params.id, params.delegationId);
    },
  );
  app.post(
    "/api/meetings/:id/decisions",
    {
      schema: {
        tags: meetings,
        summary: "Record a decision; its number is the next at this meeting (reference e.g. XII/3)",
        params: IdParams,
        body: DecisionInput,
        response: { 201: Decision, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createDecision(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/decisions/:id",
    {
      schema: {
        tags: meetings,
        summary: "Change a decision's title or add and update its language versions",
        params: IdParams,
        body: DecisionPatch,
        response: { 200: Decision, ...errorResponses },
      },
    },
    async (request) => service.updateDecision(ctxOf(request), request.params.id, request.body),
  );

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
        response: { 200: MeetingActionItems, ...errorResponses },
      },
    },
    async (request) => service.meetingActionItems(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/meetings/:id/action-items",
    {
      schema: {
        tags: actions,
        params: IdParams,
        body: ActionItemInput,
        response: { 201: ActionItemDetail, ...errorResponses },
      },
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
        response: { 200: Page(ActionItem), ...errorResponses },
      },
    },
    async (request) => service.listActionItems(ctxOf(request), request.query),
  );
  app.get(
    "/api/action-items/:id",
    { schema: { tags: actions, params: IdParams, response: { 200: ActionItemDetail, ...errorResponses } } },
    async (request) => service.getActionItem(ctxOf(request), request.params.id),
  );
  app.patch(
    "/api/action-items/:id",
    {
      schema: {
        tags: actions,
        params: IdParams,
        body: ActionItemPatch,
        response: { 200: ActionItemDetail, ...errorResponses },
      },
    },
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
        response: { 201: ActionItemDetail, ...errorResponses },
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
        response: { 201: ActionItemDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.uploadEvidence(ctxOf(request), request, request.params.id)),
  );
  app.get(
    "/api/action-items/:id/evidence/:evidenceId",
    { schema: { tags: actions, params: ChildParams("evidenceId"), response: FileReply } },
    async (request, reply) => {
      const params = request.params as { id: string; evidenceId: string };
      return service.downloadEvidence(ctxOf(request), reply, params.id, params.evidenceId);
    },
  );

  // ---------------------------------------------------------------- exchange
  const ex = ["meetings: information exchange"];
  app.get(
    "/api/exchange/parties",
    {
      schema: {
        tags: ex,
        summary: "The nations and organisations the caller sends and acknowledges for",
        response: { 200: ExchangeParties, ...errorResponses },
      },
    },
    async (request) => exchange.myParties(ctxOf(request)),
  );
  app.get(
    "/api/exchange/messages",
    {
      schema: {
        tags: ex,
        summary: "Inbox, sent box or every message the caller may see, with search",
        querystring: MessageQuery,
        response: { 200: Page(MessageSummary), ...errorResponses },
      },
    },
    async (request) => exchange.listMessages(ctxOf(request), request.query),
  );
  app.get(
    "/api/exchange/counts",
    { schema: { tags: ex, response: { 200: ExchangeCounts, ...errorResponses } } },
    async (request) => exchange.counts(ctxOf(request)),
  );
  app.get(
    "/api/exchange/threads/:id",
    {
      schema: {
        tags: ex,
        params: IdParams,
        response: {
          200: Type.Object({ threadId: Uuid, items: Type.Array(MessageSummary) }),
          ...errorResponses,
        },
      },
    },
    async (request) => exchange.getThread(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/exchange/messages/:id",
    {
      schema: {
        tags: ex,
        summary: "Read a message (the read is audited)",
        params: IdParams,
        response: { 200: MessageDetail, ...errorResponses },
      },
    },
    async (request) => exchange.getMessage(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/exchange/messages",
    { schema: { tags: ex, body: MessageInput, response: { 201: MessageDetail, ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send(await exchange.sendMessage(ctxOf(request), request.body)),
  );
  app.post(
    "/api/exchange/messages/:id/forward",
    {
      schema: {
        tags: ex,
        summary: "Forward within the original release list",
        params: IdParams,
        body: ForwardInput,
        response: { 201: MessageDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await exchange.forwardMessage(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    "/api/exchange/messages/:id/acknowledge",
    {
      schema: {
        tags: ex,
        summary:
          "Acknowledge receipt for the recipients the caller acts for (once; repeats answer the first time)",
        params: IdParams,
        body: AcknowledgeInput,
        response: { 200: AcknowledgeOutput, ...errorResponses },
      },
    },
    async (request) => exchange.acknowledge(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/exchange/messages/:id/attachments",
    {
      schema: {
        tags: ex,
        summary: "Attach a document (multipart/form-data, field file); the sender's side only",
        params: IdParams,
        response: { 201: MessageDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await exchange.uploadAttachment(ctxOf(request), request, request.params.id)),
  );
  app.get(
    "/api/exchange/messages/:id/attachments/:attachmentId",
    {
      schema: {
        tags: ex,
        summary: "Download an attachment (the read is audited)",
        params: ChildParams("attachmentId"),
        response: FileReply,
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; attachmentId: string };
      return exchange.downloadAttachment(ctxOf(request), reply, params.id, params.attachmentId);
    },
  );
  app.get(
    "/api/exchange/messages/:id/access-log",
    {
      schema: {
        tags: ex,
        summary: "Every read of the message and its attachments",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(AccessLogEntry) }), ...errorResponses },
      },
    },
    async (request) => exchange.accessLog(ctxOf(request), request.params.id),
  );
};
