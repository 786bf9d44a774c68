import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses, IdParams, ok, PageQuery } from "../../platform/http/schemas.js";
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
  const inbox = ["notifications"];
  app.get(
    "/api/notifications",
    {
      schema: {
        tags: inbox,
        summary: "One's own notices, newest first",
        querystring: NotificationQuery,
        response: ok(NotificationPage),
      },
    },
    async (request) => service.listNotifications(ctxOf(request), request.query),
  );
  app.get(
    "/api/notifications/unread-count",
    { schema: { tags: inbox, response: ok(UnreadCount) } },
    async (request) => service.unreadCount(ctxOf(request)),
  );
  app.get(
    "/api/notifications/attention",
    {
      schema: {
        tags: inbox,
        summary: "What needs the signed-in person (the home page): counts and the first few of each section",
        response: ok(Attention),
      },
    },
    async (request) => service.attention(ctxOf(request)),
  );
  app.post(
    "/api/notifications/read",
    {
      schema: {
        tags: inbox,
        summary: "Mark notices read: the given ids, or all",
        body: ReadInput,
        response: ok(Type.Object({ marked: Type.Integer() })),
      },
    },
    async (request) => service.markNotificationsRead(ctxOf(request), request.body.ids),
  );
  app.get(
    "/api/notifications/preferences",
    { schema: { tags: inbox, response: ok(Preferences) } },
    async (request) => service.getPreferences(ctxOf(request)),
  );
  app.put(
    "/api/notifications/preferences",
    {
      schema: {
        tags: inbox,
        summary: "The e-mail address and, per kind, immediately / daily digest / in-app only",
        body: PreferencesInput,
        response: ok(Preferences),
      },
    },
    async (request) => service.updatePreferences(ctxOf(request), request.body),
  );
  app.post(
    "/api/notifications/unsubscribe/:id",
    {
      schema: {
        tags: inbox,
        summary: "One-click unsubscribe from the List-Unsubscribe header of an e-mail (RFC 8058)",
        params: IdParams,
        response: ok(Accepted),
      },
      config: { csrfExempt: true },
    },
    async (request) => service.unsubscribe(ctxOf(request), request.params.id),
  );

  const mail = ["outgoing mail"];
  app.get(
    "/api/admin/mail",
    {
      schema: {
        tags: mail,
        summary: "The outbox: every e-mail with its state (administrators)",
        querystring: OutboxQuery,
        response: ok(OutboxPage),
      },
    },
    async (request) => service.listOutbox(ctxOf(request), request.query),
  );
  app.post(
    "/api/admin/mail/:id/retry",
    {
      schema: {
        tags: mail,
        summary: "Queue a parked (failed) message again",
        params: IdParams,
        response: ok(Type.Object({ retried: Type.Integer() })),
      },
    },
    async (request) => service.retryOutbox(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/admin/mail/retry-failed",
    {
      schema: {
        tags: mail,
        summary: "Queue every parked (failed) message again",
        response: ok(Type.Object({ retried: Type.Integer() })),
      },
    },
    async (request) => service.retryOutbox(ctxOf(request), "failed"),
  );
  app.get(
    "/api/admin/mail/caught",
    {
      schema: {
        tags: mail,
        summary: "Messages held by the local mail catcher (when no SMTP_URL is set)",
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: ok(CaughtPage),
      },
    },
    async (request) => service.listCaught(ctxOf(request), request.query),
  );
  app.get(
    "/api/admin/mail/caught/:id",
    {
      schema: {
        tags: mail,
        summary: "One caught message as sent (RFC 5322)",
        params: CaughtParams,
        response: ok(CaughtMessage),
      },
    },
    async (request) => service.getCaught(ctxOf(request), request.params.id),
  );

  const auth = ["identity"];
  app.post(
    "/api/auth/password/forgot",
    {
      schema: {
        tags: auth,
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
  app.post(
    "/api/auth/password/reset",
    {
      schema: {
        tags: auth,
        summary: "Set a new password with a reset token (single use, 30 minutes); ends every session",
        body: ResetInput,
        response: ok(Accepted),
      },
      config: { csrfExempt: true },
    },
    async (request) => service.resetPassword(ctxOf(request), request.body),
  );
};
