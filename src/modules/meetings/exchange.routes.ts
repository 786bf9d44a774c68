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
  const message = ex.records("/api/exchange/messages");
  message.list(
    "Inbox, sent box or every message the caller may see, with search",
    { query: MessageQuery, response: ok(Page(MessageSummary)) },
    exchange.listMessages,
  );
  ex.get("/api/exchange/counts", { response: ok(ExchangeCounts) }, (ctx) => exchange.counts(ctx));
  ex.records("/api/exchange/threads").get(
    { response: ok(Type.Object({ threadId: Uuid, items: Type.Array(MessageSummary) })) },
    exchange.getThread,
  );
  message.get(
    "Read a message (the read is audited)",
    { response: ok(MessageDetail), config: { readsLeader: true } },
    exchange.getMessage,
  );
  message.create({ body: MessageInput, response: created(MessageDetail) }, exchange.sendMessage);
  message.post(
    "forward",
    {
      summary: "Forward within the original release list",
      body: ForwardInput,
      response: created(MessageDetail),
    },
    exchange.forwardMessage,
  );
  ex.patch(
    "/api/exchange/messages/:id/release",
    "Widen the release list (the sending side and administrators): the parties added receive the message; narrowing is refused",
    { params: IdParams, body: ReleaseWidenInput, response: ok(MessageDetail) },
    (ctx, { params, body }) => release.widenRelease(ctx, params.id, body),
  );
  message.post(
    "acknowledge",
    {
      summary:
        "Acknowledge receipt for the recipients the caller acts for (once; repeats answer the first time)",
      body: AcknowledgeInput,
      response: ok(AcknowledgeOutput),
    },
    exchange.acknowledge,
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
  message.read(
    "access-log",
    {
      summary: "Every read of the message and its attachments",
      response: ok(Type.Object({ items: Type.Array(AccessLogEntry) })),
    },
    exchange.accessLog,
  );
};
