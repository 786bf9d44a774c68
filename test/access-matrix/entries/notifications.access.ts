import { type AccessEntry, ADMINISTRATORS, PUBLIC, SIGNED_IN } from "../matrix.js";

/** A parked message for the retry routes. */
async function failedMessage(ctx: Parameters<NonNullable<AccessEntry["request"]>>[0]) {
  const row = await ctx.db
    .insertInto("mailOutbox")
    .values({ kind: "nomination.accepted", toAddress: `${ctx.unique()}@example.org`, status: "failed" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export const accessEntries: AccessEntry[] = [
  // ------------------------------------------------------------ one's own notices and settings
  { method: "GET", url: "/api/notifications", access: SIGNED_IN },
  { method: "GET", url: "/api/notifications/unread-count", access: SIGNED_IN },
  { method: "GET", url: "/api/notifications/attention", access: SIGNED_IN },
  {
    method: "POST",
    url: "/api/notifications/read",
    access: SIGNED_IN,
    request: () => ({ url: "/api/notifications/read", body: { ids: "all" } }),
  },
  { method: "GET", url: "/api/notifications/preferences", access: SIGNED_IN },
  {
    method: "PUT",
    url: "/api/notifications/preferences",
    access: SIGNED_IN,
    request: () => ({
      url: "/api/notifications/preferences",
      body: { kinds: [{ kind: "exchange.received", delivery: "digest" }] },
    }),
  },
  {
    method: "POST",
    url: "/api/notifications/unsubscribe/:id",
    // The outbox id in the e-mail is the capability: whoever holds the link may use it, signed in or not.
    access: PUBLIC,
    request: async (ctx) => {
      const user = await ctx.db
        .insertInto("appUser")
        .values({ username: `unsub${ctx.unique()}`, displayName: "Unsubscriber", passwordHash: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      const row = await ctx.db
        .insertInto("mailOutbox")
        .values({ kind: "exchange.received", toAddress: "u@example.org", userId: user.id, status: "sent" })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { url: `/api/notifications/unsubscribe/${row.id}` };
    },
  },
  // ------------------------------------------------------------ outgoing mail
  { method: "GET", url: "/api/admin/mail", access: ADMINISTRATORS },
  {
    method: "POST",
    url: "/api/admin/mail/:id/retry",
    access: ADMINISTRATORS,
    request: async (ctx) => ({ url: `/api/admin/mail/${await failedMessage(ctx)}/retry` }),
  },
  {
    method: "POST",
    url: "/api/admin/mail/retry-failed",
    access: ADMINISTRATORS,
    request: async (ctx) => {
      await failedMessage(ctx);
      return { url: "/api/admin/mail/retry-failed" };
    },
  },
  { method: "GET", url: "/api/admin/mail/caught", access: ADMINISTRATORS },
  {
    method: "GET",
    url: "/api/admin/mail/caught/:id",
    access: ADMINISTRATORS,
    request: async (ctx) => {
      const row = await ctx.db
        .insertInto("mailCaught")
        .values({
          messageId: `<${ctx.unique()}@accord.localhost>`,
          toAddress: "a@example.org",
          subject: "s",
          raw: "x",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { url: `/api/admin/mail/caught/${row.id}` };
    },
  },
  // ------------------------------------------------------------ password reset (signed out)
  {
    method: "POST",
    url: "/api/auth/password/forgot",
    access: PUBLIC,
    allowStatuses: [202],
    request: (ctx) => ({ url: "/api/auth/password/forgot", body: { email: `${ctx.unique()}@example.org` } }),
  },
  {
    method: "POST",
    url: "/api/auth/password/reset",
    access: PUBLIC,
    allowStatuses: [400],
    request: () => ({
      url: "/api/auth/password/reset",
      body: { token: "not-a-real-token-but-long-enough", password: "another-long-password-7" },
    }),
  },
];
