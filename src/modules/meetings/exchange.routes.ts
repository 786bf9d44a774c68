import { Type } from "typebox";
import { sendFile, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { ChildParams, created, IdParams, ok, Page, Uuid } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as exchange from "./exchange.service.js";
import { ReleaseWidenInput } from "./exchange-release.schemas.js";
import * as release from "./exchange-release.service.js";
import { FileReply } from "./meetings.http.js";
import {
  AccessLogEntry,
  AcknowledgeInput,
  AcknowledgeOutput,
  ExchangeCounts,
  ExchangeParties,
  ForwardInput,
  MessageDetail,
  MessageInput,
  MessageQuery,
  MessageSummary,
} from "./meetings.schemas.js";

/** The information exchange between nations and organisations. */
export const exchangeRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- exchange
  const ex = ["meetings: information exchange"];
  app.get(
    "/api/exchange/parties",
    {
      schema: {
        tags: ex,
        summary: "The nations and organisations the caller sends and acknowledges for",
        response: ok(ExchangeParties),
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
        response: ok(Page(MessageSummary)),
      },
    },
    async (request) => exchange.listMessages(ctxOf(request), request.query),
  );
  app.get("/api/exchange/counts", { schema: { tags: ex, response: ok(ExchangeCounts) } }, async (request) =>
    exchange.counts(ctxOf(request)),
  );
  app.get(
    "/api/exchange/threads/:id",
    {
      schema: {
        tags: ex,
        params: IdParams,
        response: ok(Type.Object({ threadId: Uuid, items: Type.Array(MessageSummary) })),
      },
    },
    async (request) => exchange.getThread(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/exchange/messages/:id",
    {
      // The read is audited: a write, which replicas refuse.
      config: { readsLeader: true },
      schema: {
        tags: ex,
        summary: "Read a message (the read is audited)",
        params: IdParams,
        response: ok(MessageDetail),
      },
    },
    async (request) => exchange.getMessage(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/exchange/messages",
    { schema: { tags: ex, body: MessageInput, response: created(MessageDetail) } },
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
        response: created(MessageDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await exchange.forwardMessage(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/exchange/messages/:id/release",
    {
      schema: {
        tags: ex,
        summary:
          "Widen the release list (the sending side and administrators): the parties added receive the message; narrowing is refused",
        params: IdParams,
        body: ReleaseWidenInput,
        response: ok(MessageDetail),
      },
    },
    async (request) => release.widenRelease(ctxOf(request), request.params.id, request.body),
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
        response: ok(AcknowledgeOutput),
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
        response: created(MessageDetail),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await exchange.uploadAttachment(ctxOf(request), uploadFrom(request), request.params.id)),
  );
  app.get(
    "/api/exchange/messages/:id/attachments/:attachmentId",
    {
      config: { readsLeader: true },
      schema: {
        tags: ex,
        summary: "Download an attachment (the read is audited)",
        params: ChildParams("attachmentId"),
        response: FileReply,
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; attachmentId: string };
      return sendFile(
        reply,
        await exchange.downloadAttachment(ctxOf(request), params.id, params.attachmentId),
      );
    },
  );
  app.get(
    "/api/exchange/messages/:id/access-log",
    {
      schema: {
        tags: ex,
        summary: "Every read of the message and its attachments",
        params: IdParams,
        response: ok(Type.Object({ items: Type.Array(AccessLogEntry) })),
      },
    },
    async (request) => exchange.accessLog(ctxOf(request), request.params.id),
  );
};
