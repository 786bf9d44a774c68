import { Type } from "typebox";
import { uploadFrom } from "../../platform/http/files.js";
import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, ok, Page, Uuid } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as exchange from "./exchange.service.js";
import { ReleaseWidenInput } from "./exchange-release.schemas.js";
import * as release from "./exchange-release.service.js";
import { auditedFileRoute } from "./meetings.http.js";
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
  const ex = routeTable(app, ["meetings: information exchange"]);
  ex.get(
    "/api/exchange/parties",
    "The nations and organisations the caller sends and acknowledges for",
    { response: ok(ExchangeParties) },
    (ctx) => exchange.myParties(ctx),
  );
  ex.get(
    "/api/exchange/messages",
    "Inbox, sent box or every message the caller may see, with search",
    { query: MessageQuery, response: ok(Page(MessageSummary)) },
    (ctx, { query }) => exchange.listMessages(ctx, query),
  );
  ex.get("/api/exchange/counts", { response: ok(ExchangeCounts) }, (ctx) => exchange.counts(ctx));
  ex.get(
    "/api/exchange/threads/:id",
    { params: IdParams, response: ok(Type.Object({ threadId: Uuid, items: Type.Array(MessageSummary) })) },
    (ctx, { params }) => exchange.getThread(ctx, params.id),
  );
  ex.get(
    "/api/exchange/messages/:id",
    "Read a message (the read is audited)",
    { params: IdParams, response: ok(MessageDetail), config: { readsLeader: true } },
    (ctx, { params }) => exchange.getMessage(ctx, params.id),
  );
  ex.post(
    "/api/exchange/messages",
    { body: MessageInput, response: created(MessageDetail) },
    (ctx, { body }) => exchange.sendMessage(ctx, body),
  );
  ex.post(
    "/api/exchange/messages/:id/forward",
    "Forward within the original release list",
    { params: IdParams, body: ForwardInput, response: created(MessageDetail) },
    (ctx, { params, body }) => exchange.forwardMessage(ctx, params.id, body),
  );
  ex.patch(
    "/api/exchange/messages/:id/release",
    "Widen the release list (the sending side and administrators): the parties added receive the message; narrowing is refused",
    { params: IdParams, body: ReleaseWidenInput, response: ok(MessageDetail) },
    (ctx, { params, body }) => release.widenRelease(ctx, params.id, body),
  );
  ex.post(
    "/api/exchange/messages/:id/acknowledge",
    "Acknowledge receipt for the recipients the caller acts for (once; repeats answer the first time)",
    { params: IdParams, body: AcknowledgeInput, response: ok(AcknowledgeOutput) },
    (ctx, { params, body }) => exchange.acknowledge(ctx, params.id, body),
  );
  ex.post(
    "/api/exchange/messages/:id/attachments",
    "Attach a document (multipart/form-data, field file); the sender's side only",
    { params: IdParams, response: created(MessageDetail) },
    (ctx, { params }, request) => exchange.uploadAttachment(ctx, uploadFrom(request), params.id),
  );
  auditedFileRoute(
    ex,
    "/api/exchange/messages/:id/attachments/:attachmentId",
    exchange.downloadAttachment,
    "Download an attachment (the read is audited)",
  );
  ex.get(
    "/api/exchange/messages/:id/access-log",
    "Every read of the message and its attachments",
    { params: IdParams, response: ok(Type.Object({ items: Type.Array(AccessLogEntry) })) },
    (ctx, { params }) => exchange.accessLog(ctx, params.id),
  );
};
