import { type Kysely, sql } from "kysely";
import type { DB } from "../../../db/schema/index.js";

type Q = Kysely<DB>;

/** An outbox row as the sender needs it: the message, its notice and the recipient's name. */
export interface ClaimedMail {
  id: string;
  kind: string;
  toAddress: string;
  language: string;
  params: Record<string, unknown>;
  attempts: number;
  notificationId: string | null;
  title: string | null;
  body: string | null;
  link: string | null;
  displayName: string | null;
  userId: string | null;
}

/**
 * Claims up to `limit` due messages for this worker with row locks (FOR UPDATE SKIP LOCKED), so that no two workers
 * claim the same message; a claim lasts `claimSeconds` unless renewed.
 */
export async function claimDueMail(
  db: Q,
  workerId: string,
  limit: number,
  claimSeconds: number,
): Promise<ClaimedMail[]> {
  const { rows } = await sql<ClaimedMail>`
    with due as (
      select id from mail_outbox
      where status in ('pending', 'sending') and next_attempt_at <= now()
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    ), claimed as (
      update mail_outbox o
      set status = 'sending', claimed_by = ${workerId}, attempts = o.attempts + 1,
        next_attempt_at = now() + make_interval(secs => ${claimSeconds})
      from due where o.id = due.id
      returning o.*
    )
    select c.id, c.kind, c.to_address as "toAddress", c.language,
      coalesce(n.params, '{}'::jsonb) || c.params as params, c.attempts,
      c.notification_id as "notificationId", n.title, n.body, n.link, u.display_name as "displayName",
      c.user_id as "userId"
    from claimed c
      left join notification n on n.id = c.notification_id
      left join app_user u on u.id = c.user_id`.execute(db);
  return rows;
}

/** The notices a digest lists, oldest first. */
export const digestNotices = (db: Q, ids: readonly string[]) =>
  db
    .selectFrom("notification")
    .select(["title", "link"])
    .where("id", "in", [...ids])
    .orderBy("createdAt")
    .execute();

/** A message that went; secrets in the params (a reset link) are not kept once it has. */
export async function markMailSent(
  db: Q,
  id: string,
  workerId: string,
  subject: string | null,
): Promise<void> {
  await sql`update mail_outbox set status = 'sent', sent_at = now(), subject = ${subject}, last_error = null,
      params = params - 'resetUrl'
    where id = ${id} and claimed_by = ${workerId} and status = 'sending'`.execute(db);
}

/** A message that did not go: back to pending after `retryInSeconds`, or parked as failed. */
export async function markMailFailed(
  db: Q,
  input: {
    id: string;
    workerId: string;
    park: boolean;
    reason: string;
    subject: string | null;
    retryInSeconds: number;
  },
): Promise<void> {
  await sql`update mail_outbox set status = ${input.park ? "failed" : "pending"}, last_error = ${input.reason},
      subject = coalesce(${input.subject}, subject),
      next_attempt_at = now() + make_interval(secs => ${input.park ? 0 : input.retryInSeconds})
    where id = ${input.id} and claimed_by = ${input.workerId} and status = 'sending'`.execute(db);
}

/** Keeps this worker's claims alive while it is sending. */
export async function renewMailClaims(db: Q, workerId: string, claimSeconds: number): Promise<void> {
  await sql`update mail_outbox set next_attempt_at = now() + make_interval(secs => ${claimSeconds})
    where claimed_by = ${workerId} and status = 'sending'`.execute(db);
}

/** When the next message falls due (a retry, or a claim of a worker that died). */
export async function nextMailDueAt(db: Q): Promise<Date | null> {
  const due = await db
    .selectFrom("mailOutbox")
    .select((eb) => eb.fn.min("nextAttemptAt").as("at"))
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirst();
  return due?.at ? new Date(due.at as unknown as string) : null;
}

/** The demo's mail catcher keeps each message once per Message-ID. */
export async function catchMail(
  db: Q,
  mail: { messageId: string; outboxId: string | null; toAddress: string; subject: string; raw: string },
): Promise<void> {
  await db
    .insertInto("mailCaught")
    .values(mail)
    .onConflict((oc) => oc.column("messageId").doNothing())
    .execute();
}
