import "./notifications.policy.js";
import { createHash, randomBytes } from "node:crypto";
import { authorize, can } from "../../platform/access/policy.js";
import { coordinatedNationIds } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { AppError, notFound, orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { countHit, enforceRateLimit } from "../../platform/rate-limit.js";
import { revokeCalendarTokensOfUser } from "../catalogue/index.js";
import { hashPassword, passwordWeakness } from "../identity/index.js";
import { exchangeService } from "../meetings/index.js";
import { PREFERENCE_KINDS } from "../notices/index.js";
import { ATTENTION_ITEMS, attentionOf } from "./attention.queries.js";
import * as queries from "./notifications.queries.js";
import type { NotificationQuery, OutboxQuery, PreferencesInput } from "./notifications.schemas.js";
import * as resetQueries from "./password-reset.queries.js";

// ------------------------------------------------------------------ one's own notices
export async function listNotifications(ctx: Ctx, query: NotificationQuery) {
  authorize(ctx.viewer, "notification.read");
  const [page, unread] = await Promise.all([
    queries.notificationsPage(ctx.db, ctx.viewer.userId!, query),
    unreadCount(ctx),
  ]);
  return { ...paged(query, page), unread: unread.unread };
}

export async function unreadCount(ctx: Ctx) {
  authorize(ctx.viewer, "notification.read");
  return { unread: await queries.countUnread(ctx.db, ctx.viewer.userId!) };
}

export async function markNotificationsRead(ctx: Ctx, ids: string[] | "all") {
  authorize(ctx.viewer, "notification.read");
  return { marked: await queries.markRead(ctx.db, ctx.viewer.userId!, ids) };
}

/** What needs the signed-in person: the home page's sections, each counted in its query (attention.queries). */
export async function attention(ctx: Ctx) {
  authorize(ctx.viewer, "notification.read");
  const [sections, messages] = await Promise.all([
    attentionOf(ctx.db, ctx.viewer, new Date().toISOString().slice(0, 10)),
    awaitingAcknowledgement(ctx),
  ]);
  return { ...sections, messages };
}

/** Messages waiting for the viewer's side to acknowledge them: the exchange's own inbox query and access rule. */
async function awaitingAcknowledgement(ctx: Ctx) {
  const actsFor = coordinatedNationIds(ctx.viewer).length + ctx.viewer.managedOrganisationIds.length;
  if (!actsFor || !can(ctx.viewer, "exchange.read")) return { total: 0, items: [] };
  const page = await exchangeService.listMessages(ctx, {
    box: "inbox",
    unacknowledged: true,
    limit: ATTENTION_ITEMS,
    offset: 0,
  });
  return {
    total: page.total,
    items: page.items.map((message) => ({
      id: message.id,
      subject: message.subject,
      sentAt: message.sentAt,
    })),
  };
}

// ------------------------------------------------------------------ preferences
export async function getPreferences(ctx: Ctx) {
  authorize(ctx.viewer, "notification.preferences");
  const userId = ctx.viewer.userId!;
  const [user, chosen] = await Promise.all([
    queries.userAddresses(ctx.db, userId),
    queries.chosenDeliveries(ctx.db, userId),
  ]);
  return {
    email: user.email,
    effectiveEmail: user.email ?? user.personEmail ?? null,
    language: user.preferredLanguage,
    kinds: PREFERENCE_KINDS.map((kind) => ({ kind, delivery: chosen.get(kind) ?? ("immediate" as const) })),
  };
}

export async function updatePreferences(ctx: Ctx, input: PreferencesInput) {
  authorize(ctx.viewer, "notification.preferences");
  const userId = ctx.viewer.userId!;
  await ctx.db.transaction().execute(async (trx) => {
    if (input.email !== undefined) {
      const email = input.email?.trim() || null;
      if (email && /[\r\n]/.test(email)) throw validation("body.email", "must be one e-mail address");
      await queries.setOwnEmail(trx, userId, email);
    }
    for (const { kind, delivery } of input.kinds ?? [])
      await queries.setDelivery(trx, userId, kind, delivery);
    await writeAudit(trx, ctx, {
      action: "notification.preferences",
      recordType: "app_user",
      recordId: userId,
      detail: { email: input.email !== undefined, kinds: input.kinds?.length ?? 0 },
    });
  });
  return getPreferences(ctx);
}

/** One-click unsubscribe (RFC 8058): the outbox id in the List-Unsubscribe link names the person and the kind. */
export async function unsubscribe(ctx: Ctx, outboxId: string) {
  await enforceRateLimit(ctx.db, "unsubscribe", 600, 60);
  const row = await queries.outboxRecipient(ctx.db, outboxId);
  if (!row?.userId || !PREFERENCE_KINDS.includes(row.kind as never)) throw notFound("The message");
  await queries.setDelivery(ctx.db, row.userId, row.kind, "in_app");
  return { message: `No more e-mail of this kind (${row.kind}); the notices stay in Accord.` };
}

// ------------------------------------------------------------------ outgoing mail (administrators)
export async function listOutbox(ctx: Ctx, query: OutboxQuery) {
  authorize(ctx.viewer, "mail.admin");
  const { counts, ...page } = await queries.outboxPage(ctx.db, query);
  return { ...paged(query, page), counts, catcher: !ctx.config.mail.smtpUrl };
}

/** Puts parked (failed) messages back in the queue: one, or all of them. */
export async function retryOutbox(ctx: Ctx, id: string | "failed") {
  authorize(ctx.viewer, "mail.admin");
  await enforceRateLimit(ctx.db, `mail-retry:${ctx.viewer.userId}`, 60, 60);
  return ctx.db.transaction().execute(async (trx) => {
    const retried = await queries.requeueFailed(trx, id);
    if (id !== "failed" && !retried) {
      const exists = orNotFound(await queries.outboxStatus(trx, id), "The message");
      throw new AppError(
        "INVALID_STATE",
        `The message is ${exists.status}; only failed messages are retried`,
      );
    }
    await writeAudit(trx, ctx, {
      action: "mail.retry",
      recordType: "mail_outbox",
      recordId: id === "failed" ? null : id,
      detail: { retried },
    });
    return { retried };
  });
}

export async function listCaught(ctx: Ctx, query: { limit?: number; offset?: number }) {
  authorize(ctx.viewer, "mail.admin");
  return paged(query, await queries.caughtPage(ctx.db, query));
}

export async function getCaught(ctx: Ctx, id: number) {
  authorize(ctx.viewer, "mail.admin");
  return orNotFound(await queries.findCaught(ctx.db, id), "The message");
}

// ------------------------------------------------------------------ password reset by e-mail
export const RESET_MINUTES = 30;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const SAME_ANSWER = {
  message:
    "If an account has this address, a link to reset its password is on its way. It works for 30 minutes.",
};

/**
 * Mails a single-use reset link to the account with this address. The answer is the same whether or not the
 * account exists; the address (answer 429) and the account (no more mail, same answer) are rate-limited.
 */
export async function requestPasswordReset(ctx: Ctx, rawEmail: string) {
  const email = rawEmail.trim().toLowerCase();
  await enforceRateLimit(ctx.db, `password-reset:address:${hashToken(email)}`, 5, 3600);
  const user = await resetQueries.accountByAddress(ctx.db, email);
  if (!user) return SAME_ANSWER;
  const { hits } = await countHit(ctx.db, `password-reset:account:${user.id}`, 3600);
  if (hits > 3) return SAME_ANSWER;
  const token = randomBytes(32).toString("base64url");
  await ctx.db.transaction().execute(async (trx) => {
    await resetQueries.storeResetToken(trx, hashToken(token), user.id, RESET_MINUTES);
    await resetQueries.queueResetMail(trx, {
      userId: user.id,
      toAddress: (user.email ?? user.personEmail)!,
      language: user.preferredLanguage,
      resetUrl: `${ctx.config.publicUrl.replace(/\/$/, "")}/reset-password#token=${token}`,
    });
    await writeAudit(trx, ctx, {
      action: "user.password_reset_requested",
      recordType: "app_user",
      recordId: user.id,
    });
  });
  return SAME_ANSWER;
}

/**
 * Sets a new password with a reset token: once, within 30 minutes; every session of the account ends and its
 * calendar feed tokens are revoked, as on every other path that ends a user's sessions.
 */
export async function resetPassword(ctx: Ctx, input: { token: string; password: string }) {
  await enforceRateLimit(ctx.db, "password-reset:use", 120, 60);
  const invalid = () =>
    new AppError("VALIDATION_FAILED", "The reset link is invalid, used or expired; ask for a new one", [
      { field: "body.token", message: "is invalid, used or expired" },
    ]);
  const row = await resetQueries.usableToken(ctx.db, hashToken(input.token));
  if (!row) throw invalid();
  const weakness = passwordWeakness(input.password, row.username);
  if (weakness) throw validation("body.password", weakness);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await resetQueries.useTokens(trx, hashToken(input.token), row.userId))) throw invalid();
    const ended = await resetQueries.setPasswordEndingSessions(trx, row.userId, passwordHash);
    const calendarFeedsRevoked = await revokeCalendarTokensOfUser(trx, row.userId);
    await writeAudit(trx, ctx, {
      action: "user.password_reset",
      recordType: "app_user",
      recordId: row.userId,
      detail: { sessionsEnded: ended, calendarFeedsRevoked },
    });
  });
  return { message: "The password is changed; sign in with it." };
}
