import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import { errorResponses, IdParams, ok, PageOnlyQuery } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  Accepted,
  Attention,
  CaughtMessage,
  CaughtPage,
  CaughtParams,
  ForgotInput,
  NotificationPage,
  NotificationQuery,
  OutboxPage,
  OutboxQuery,
  Preferences,
  PreferencesInput,
  ReadInput,
  ResetInput,
  UnreadCount,
} from "./notifications.schemas.js";
import * as service from "./notifications.service.js";

export const notificationsRoutes: RoutesPlugin = async (app) => {
  const inbox = routeTable(app, ["notifications"]);
  inbox
    .records("/api/notifications")
    .list(
      "One's own notices, newest first",
      { query: NotificationQuery, response: ok(NotificationPage) },
      service.listNotifications,
    );
  inbox.get("/api/notifications/unread-count", { response: ok(UnreadCount) }, (ctx) =>
    service.unreadCount(ctx),
  );
  inbox.get(
    "/api/notifications/attention",
    "What needs the signed-in person (the home page): counts and the first few of each section",
    { response: ok(Attention) },
    (ctx) => service.attention(ctx),
  );
  inbox.post(
    "/api/notifications/read",
    "Mark notices read: the given ids, or all",
    { body: ReadInput, response: ok(Type.Object({ marked: Type.Integer() })) },
    (ctx, { body }) => service.markNotificationsRead(ctx, body.ids),
  );
  inbox.get("/api/notifications/preferences", { response: ok(Preferences) }, (ctx) =>
    service.getPreferences(ctx),
  );
  inbox.put(
    "/api/notifications/preferences",
    "The e-mail address and, per kind, immediately / daily digest / in-app only",
    { body: PreferencesInput, response: ok(Preferences) },
    (ctx, { body }) => service.updatePreferences(ctx, body),
  );
  inbox.post(
    "/api/notifications/unsubscribe/:id",
    "One-click unsubscribe from the List-Unsubscribe header of an e-mail (RFC 8058)",
    { params: IdParams, response: ok(Accepted), config: { csrfExempt: true } },
    (ctx, { params }) => service.unsubscribe(ctx, params.id),
  );

  const mail = routeTable(app, ["outgoing mail"]);
  const outbox = mail.records("/api/admin/mail");
  outbox.list(
    "The outbox: every e-mail with its state (administrators)",
    { query: OutboxQuery, response: ok(OutboxPage) },
    service.listOutbox,
  );
  outbox.post(
    "retry",
    {
      summary: "Queue a parked (failed) message again",
      response: ok(Type.Object({ retried: Type.Integer() })),
    },
    service.retryOutbox,
  );
  mail.post(
    "/api/admin/mail/retry-failed",
    "Queue every parked (failed) message again",
    { response: ok(Type.Object({ retried: Type.Integer() })) },
    (ctx) => service.retryOutbox(ctx, "failed"),
  );
  mail
    .records("/api/admin/mail/caught")
    .list(
      "Messages held by the local mail catcher (when no SMTP_URL is set)",
      { query: PageOnlyQuery, response: ok(CaughtPage) },
      service.listCaught,
    );
  mail.get(
    "/api/admin/mail/caught/:id",
    "One caught message as sent (RFC 5322)",
    { params: CaughtParams, response: ok(CaughtMessage) },
    (ctx, { params }) => service.getCaught(ctx, params.id),
  );

  const auth = routeTable(app, ["identity"]);
  app.post(
    "/api/auth/password/forgot",
    {
      schema: {
        tags: auth.tags,
        summary: "Mail a password reset link; the same answer whether or not the account exists",
        body: ForgotInput,
        response: { 202: Accepted, ...errorResponses },
      },
      config: { csrfExempt: true },
    },
    async (request, reply) => {
      reply.code(202);
      return service.requestPasswordReset(ctxOf(request), request.body.email);
    },
  );
  auth.post(
    "/api/auth/password/reset",
    "Set a new password with a reset token (single use, 30 minutes); ends every session",
    { body: ResetInput, response: ok(Accepted), config: { csrfExempt: true } },
    (ctx, { body }) => service.resetPassword(ctx, body),
  );
};
