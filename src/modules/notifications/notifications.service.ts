import "./notifications.policy.js";
import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import { authorize, can } from "../../platform/access/policy.js";
import { coordinatedNationIds } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { AppError, notFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { countHit, enforceRateLimit } from "../../platform/rate-limit.js";
import { revokeCalendarTokensOfUser } from "../catalogue/index.js";
import { hashPassword, passwordWeakness } from "../identity/index.js";
import { exchangeService } from "../meetings/index.js";
import { ATTENTION_ITEMS, attentionOf } from "./attention.queries.js";
import { PREFERENCE_KINDS } from "./kinds.js";
import type { NotificationQuery, OutboxQuery, PreferencesInput } from "./notifications.schemas.js";

// ------------------------------------------------------------------ one's own notices
export async function listNotifications(ctx: Ctx, query: NotificationQuery) {
  authorize(ctx.viewer, "notification.read");
  const userId = ctx.viewer.userId!;
  let base = ctx.db.selectFrom("notification").where("userId", "=", userId);
  if (query.unread) base = base.where("readAt", "is", null);
  if (query.kind)
    base = query.kind.endsWith(".")
      ? base.where("kind", "like", `${query.kind.replace(/[\\%_]/g, "\\$&")}%`)
      : base.where("kind", "=", query.kind);
  const [items, count, unread] = await Promise.all([
    base
      .select([
        "id",
        "kind",
        "title",
        "body",
        "link",
        "recordType",
        "recordId",
        "params",
        "readAt",
        "createdAt",
      ])
      .orderBy("createdAt", "desc")
      .orderBy("id")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
    unreadCount(ctx),
  ]);
  return { ...paged(query, { items, total: Number(count.total) }), unread: unread.unread };
}

export async function unreadCount(ctx: Ctx) {
  authorize(ctx.viewer, "notification.read");
  const row = await ctx.db
    .selectFrom("notification")
    .where("userId", "=", ctx.viewer.userId!)
    .where("readAt", "is", null)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return { unread: Number(row.total) };
}

export async function markNotificationsRead(ctx: Ctx, ids: string[] | "all") {
  authorize(ctx.viewer, "notification.read");
  let update = ctx.db
    .updateTable("notification")
    .set({ readAt: sql`now()` })
    .where("userId", "=", ctx.viewer.userId!)
    .where("readAt", "is", null);
  if (ids !== "all")
    update = update.where("id", "in", ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]);
  const result = await update.executeTakeFirst();
  return { marked: Number(result.numUpdatedRows) };
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
  const user = await ctx.db
    .selectFrom("appUser as u")
    .leftJoin("person as p", "p.id", "u.personId")
    .select(["u.email", "p.email as personEmail", "u.preferredLanguage"])
    .where("u.id", "=", userId)
    .executeTakeFirstOrThrow();
  const chosen = new Map(
    (
      await ctx.db
        .selectFrom("notificationPreference")
        .select(["kind", "delivery"])
        .where("userId", "=", userId)
        .execute()
    ).map((row) => [row.kind, row.delivery]),
  );
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
      await trx.updateTable("appUser").set({ email }).where("id", "=", userId).execute();
    }
    for (const { kind, delivery } of input.kinds ?? []) {
      await trx
        .insertInto("notificationPreference")
        .values({ userId, kind, delivery })
        .onConflict((oc) => oc.columns(["userId", "kind"]).doUpdateSet({ delivery }))
        .execute();
    }
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
  const row = await ctx.db
    .selectFrom("mailOutbox")
    .select(["userId", "kind"])
    .where("id", "=", outboxId)
    .executeTakeFirst();
  if (!row?.userId || !PREFERENCE_KINDS.includes(row.kind as never)) throw notFound("The message");
  await ctx.db
    .insertInto("notificationPreference")
    .values({ userId: row.userId, kind: row.kind, delivery: "in_app" })
    .onConflict((oc) => oc.columns(["userId", "kind"]).doUpdateSet({ delivery: "in_app" }))
    .execute();
  return { message: `No more e-mail of this kind (${row.kind}); the notices stay in Accord.` };
}

// ------------------------------------------------------------------ outgoing mail (administrators)
export async function listOutbox(ctx: Ctx, query: OutboxQuery) {
  authorize(ctx.viewer, "mail.admin");
  let base = ctx.db.selectFrom("mailOutbox");
  if (query.status) base = base.where("status", "=", query.status);
  const [items, count, counts] = await Promise.all([
    base
      .select([
        "id",
        "kind",
        "toAddress",
        "language",
        "status",
        "attempts",
        "nextAttemptAt",
        "lastError",
        "subject",
        "createdAt",
        "sentAt",
      ])
      .orderBy("createdAt", "desc")
      .orderBy("id")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom("mailOutbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute(),
  ]);
  return {
    ...paged(query, { items, total: Number(count.total) }),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
    catcher: !ctx.config.mail.smtpUrl,
  };
}

/** Puts parked (failed) messages back in the queue: one, or all of them. */
export async function retryOutbox(ctx: Ctx, id: string | "failed") {
  authorize(ctx.viewer, "mail.admin");
  await enforceRateLimit(ctx.db, `mail-retry:${ctx.viewer.userId}`, 60, 60);
  return ctx.db.transaction().execute(async (trx) => {
    let update = trx
      .updateTable("mailOutbox")
      .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, claimedBy: null })
      .where("status", "=", "failed");
    if (id !== "failed") update = update.where("id", "=", id);
    const result = await update.executeTakeFirst();
    const retried = Number(result.numUpdatedRows);
    if (id !== "failed" && !retried) {
      const exists = await trx
        .selectFrom("mailOutbox")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirst();
      if (!exists) throw notFound("The message");
      throw new AppError(
        "INVALID_STATE",
        `The message is ${exists.status}; only failed messages are retried`,
      );
    }
    if (retried) await sql`select accord_mail_wake()`.execute(trx);
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
  const [items, count] = await Promise.all([
    ctx.db
      .selectFrom("mailCaught")
      .select(["id", "messageId", "toAddress", "subject", "caughtAt"])
      .orderBy("id", "desc")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    ctx.db
      .selectFrom("mailCaught")
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow(),
  ]);
  return paged(query, { items, total: Number(count.total) });
}

export async function getCaught(ctx: Ctx, id: number) {
  authorize(ctx.viewer, "mail.admin");
  const row = await ctx.db
    .selectFrom("mailCaught")
    .select(["id", "messageId", "toAddress", "subject", "caughtAt", "raw"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("The message");
  return row;
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
  const user = await ctx.db
    .selectFrom("appUser as u")
    .leftJoin("person as p", "p.id", "u.personId")
    .select(["u.id", "u.preferredLanguage", "u.email", "p.email as personEmail", "u.oidcSubject"])
    .where("u.disabledAt", "is", null)
    .where((eb) =>
      eb.or([
        eb(sql`lower(u.email)`, "=", email),
        eb.and([eb("u.email", "is", null), eb(sql`lower(p.email)`, "=", email)]),
      ]),
    )
    .executeTakeFirst();
  if (!user) return SAME_ANSWER;
  const { hits } = await countHit(ctx.db, `password-reset:account:${user.id}`, 3600);
  if (hits > 3) return SAME_ANSWER;
  const token = randomBytes(32).toString("base64url");
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("passwordResetToken")
      .values({
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt: sql`now() + make_interval(mins => ${RESET_MINUTES})`,
      })
      .execute();
    await trx
      .insertInto("mailOutbox")
      .values({
        userId: user.id,
        kind: "account.password_reset",
        toAddress: (user.email ?? user.personEmail)!,
        language: user.preferredLanguage,
        params: JSON.stringify({
          resetUrl: `${ctx.config.publicUrl.replace(/\/$/, "")}/reset-password#token=${token}`,
        }),
      })
      .execute();
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
  const row = await ctx.db
    .selectFrom("passwordResetToken as t")
    .innerJoin("appUser as u", "u.id", "t.userId")
    .select(["t.userId", "u.username"])
    .where("t.tokenHash", "=", hashToken(input.token))
    .where("t.usedAt", "is", null)
    .where("t.expiresAt", ">", sql<Date>`now()`)
    .where("u.disabledAt", "is", null)
    .executeTakeFirst();
  if (!row) throw invalid();
  const weakness = passwordWeakness(input.password, row.username);
  if (weakness) throw validation("body.password", weakness);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable("passwordResetToken")
      .set({ usedAt: sql`now()` })
      .where("tokenHash", "=", hashToken(input.token))
      .where("usedAt", "is", null)
      .executeTakeFirst();
    if (!Number(used.numUpdatedRows)) throw invalid();
    // Every other link of the account dies with this one.
    await trx
      .updateTable("passwordResetToken")
      .set({ usedAt: sql`now()` })
      .where("userId", "=", row.userId)
      .where("usedAt", "is", null)
      .execute();
    await trx
      .updateTable("appUser")
      .set({ passwordHash, mustChangePassword: false, failedLogins: 0, lockedUntil: null })
      .where("id", "=", row.userId)
      .execute();
    const ended = await trx.deleteFrom("userSession").where("userId", "=", row.userId).executeTakeFirst();
    const calendarFeedsRevoked = await revokeCalendarTokensOfUser(trx, row.userId);
    await writeAudit(trx, ctx, {
      action: "user.password_reset",
      recordType: "app_user",
      recordId: row.userId,
      detail: { sessionsEnded: Number(ended.numDeletedRows), calendarFeedsRevoked },
    });
  });
  return { message: "The password is changed; sign in with it." };
}
