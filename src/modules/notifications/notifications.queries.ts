import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import { pageOf } from "../../platform/paging.js";
import type { NotificationQuery, OutboxQuery } from "./notifications.schemas.js";

/** The SQL of one's own notices, delivery preferences and the administrators' view of the outgoing mail. */

// ------------------------------------------------------------------ one's own notices
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, "\\$&")}%`;

export async function notificationsPage(db: Db, userId: string, query: NotificationQuery) {
  let base = db.selectFrom("notification").where("userId", "=", userId);
  if (query.unread) base = base.where("readAt", "is", null);
  if (query.kind)
    base = query.kind.endsWith(".")
      ? base.where("kind", "like", likePrefix(query.kind))
      : base.where("kind", "=", query.kind);
  return pageOf(
    query,
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
      .orderBy("id"),
    base,
  );
}

export async function countUnread(db: Db, userId: string) {
  const row = await db
    .selectFrom("notification")
    .where("userId", "=", userId)
    .where("readAt", "is", null)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Marks the user's unread notices read (the given ones, or all); the number marked. */
export async function markRead(db: Db, userId: string, ids: string[] | "all") {
  let update = db
    .updateTable("notification")
    .set({ readAt: sql`now()` })
    .where("userId", "=", userId)
    .where("readAt", "is", null);
  if (ids !== "all")
    update = update.where("id", "in", ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]);
  const result = await update.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ------------------------------------------------------------------ preferences
export function userAddresses(db: Db, userId: string) {
  return db
    .selectFrom("appUser as u")
    .leftJoin("person as p", "p.id", "u.personId")
    .select(["u.email", "p.email as personEmail", "u.preferredLanguage"])
    .where("u.id", "=", userId)
    .executeTakeFirstOrThrow();
}

export async function chosenDeliveries(db: Db, userId: string) {
  const rows = await db
    .selectFrom("notificationPreference")
    .select(["kind", "delivery"])
    .where("userId", "=", userId)
    .execute();
  return new Map(rows.map((row) => [row.kind, row.delivery]));
}

export async function setOwnEmail(db: Db, userId: string, email: string | null) {
  await db.updateTable("appUser").set({ email }).where("id", "=", userId).execute();
}

export async function setDelivery(
  db: Db,
  userId: string,
  kind: string,
  delivery: "immediate" | "digest" | "in_app",
) {
  await db
    .insertInto("notificationPreference")
    .values({ userId, kind, delivery })
    .onConflict((oc) => oc.columns(["userId", "kind"]).doUpdateSet({ delivery }))
    .execute();
}

// ------------------------------------------------------------------ outgoing mail
export function outboxRecipient(db: Db, outboxId: string) {
  return db.selectFrom("mailOutbox").select(["userId", "kind"]).where("id", "=", outboxId).executeTakeFirst();
}

export async function outboxPage(db: Db, query: OutboxQuery) {
  let base = db.selectFrom("mailOutbox");
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
    db
      .selectFrom("mailOutbox")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute(),
  ]);
  return {
    items,
    total: Number(count.total),
    counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
  };
}

/** Puts failed messages (one, or all when `id` is "failed") back in the queue; the number requeued. */
export async function requeueFailed(db: Db, id: string | "failed") {
  let update = db
    .updateTable("mailOutbox")
    .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, claimedBy: null })
    .where("status", "=", "failed");
  if (id !== "failed") update = update.where("id", "=", id);
  const result = await update.executeTakeFirst();
  const retried = Number(result.numUpdatedRows);
  if (retried) await sql`select accord_mail_wake()`.execute(db);
  return retried;
}

/** Whether a message waits for delivery now (the sweep that wakes the delivery job when a wake-up was lost). */
export async function dueMailExists(db: Db) {
  const due = await db
    .selectFrom("mailOutbox")
    .select("id")
    .where("status", "in", ["pending", "sending"])
    .where("nextAttemptAt", "<=", sql<Date>`now()`)
    .limit(1)
    .executeTakeFirst();
  return due !== undefined;
}

export function outboxStatus(db: Db, id: string) {
  return db.selectFrom("mailOutbox").select("status").where("id", "=", id).executeTakeFirst();
}

export async function caughtPage(db: Db, query: { limit?: number; offset?: number }) {
  return pageOf(
    query,
    db
      .selectFrom("mailCaught")
      .select(["id", "messageId", "toAddress", "subject", "caughtAt"])
      .orderBy("id", "desc"),
    db.selectFrom("mailCaught"),
  );
}

export function findCaught(db: Db, id: number) {
  return db
    .selectFrom("mailCaught")
    .select(["id", "messageId", "toAddress", "subject", "caughtAt", "raw"])
    .where("id", "=", id)
    .executeTakeFirst();
}
