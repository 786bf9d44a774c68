import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import type { MailConfig } from "../../../config.js";
import type { DB } from "../../../db/schema/index.js";
import { asLanguage } from "../../notices/index.js";
import {
  type ClaimedMail,
  catchMail,
  claimDueMail,
  digestNotices,
  markMailFailed,
  markMailSent,
  nextMailDueAt,
  renewMailClaims,
} from "./outbox.queries.js";
import { headerSafe, renderMail } from "./templates.js";

type Q = Kysely<DB>;

export interface SendableMail {
  messageId: string;
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  ics: string | null;
}

/** Where mail goes: an SMTP server, or (without SMTP_URL) the catcher table that administrators read. */
export interface Transport {
  send(mail: SendableMail): Promise<void>;
  close(): void;
}

/** An SMTP refusal that retrying will not cure (5xx): the message is parked at once. */
const permanent = (error: unknown) => {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
};

function message(mail: SendableMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: { name: headerSafe(mail.to.name, 100), address: mail.to.address },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    ...(mail.ics
      ? {
          icalEvent: { method: "PUBLISH", content: mail.ics },
          attachments: [
            { filename: "event.ics", content: mail.ics, contentType: "text/calendar; charset=utf-8" },
          ],
        }
      : {}),
  };
}

export function smtpTransport(config: MailConfig): Transport {
  const transporter = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: config.concurrency,
    maxMessages: 1000,
    requireTLS: config.requireTls,
    tls: { rejectUnauthorized: config.tlsRejectUnauthorized },
    // Well inside the claim: a message whose send hangs is given up (and retried) before another worker may
    // claim it.
    connectionTimeout: Math.min(30_000, (config.claimSeconds * 1000) / 4),
    greetingTimeout: Math.min(30_000, (config.claimSeconds * 1000) / 4),
    socketTimeout: Math.min(60_000, (config.claimSeconds * 1000) / 3),
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail) {
      await transporter.sendMail(message(mail));
    },
    close: () => transporter.close(),
  };
}

/** The demo's mail catcher: each message as sent (RFC 5322 text), once per Message-ID. */
export function catcherTransport(db: Q): Transport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async send(mail) {
      const info = await builder.sendMail(message(mail));
      const raw = (info as unknown as { message: Buffer }).message.toString("utf8");
      await catchMail(db, {
        messageId: mail.messageId,
        outboxId: mail.headers["X-Accord-Outbox"] ?? null,
        toAddress: mail.to.address,
        subject: mail.subject,
        raw,
      });
    },
    close: () => builder.close(),
  };
}

export const transportFor = (config: MailConfig, db: Q): Transport =>
  config.smtpUrl ? smtpTransport(config) : catcherTransport(db);

const domainOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "accord.localhost";

/** Stable per outbox row: a message sent again after a crash carries the same Message-ID. */
export const messageIdOf = (outboxId: string, from: string) => `<${outboxId}@${domainOf(from)}>`;

export interface DeliveryOptions {
  db: Q;
  config: MailConfig;
  publicUrl: string;
  transport: Transport;
  workerId?: string;
  batch?: number;
}

async function digestEntries(db: Q, row: ClaimedMail) {
  const ids = Array.isArray(row.params.notificationIds) ? (row.params.notificationIds as string[]) : [];
  return ids.length ? digestNotices(db, ids) : [];
}

async function compose(db: Q, options: DeliveryOptions, row: ClaimedMail): Promise<SendableMail> {
  const rendered = renderMail({
    kind: row.kind,
    language: asLanguage(row.language),
    params: { ...row.params },
    title: row.title,
    body: row.body,
    link: row.link,
    recipientName: row.displayName,
    publicUrl: options.publicUrl,
    entries: row.kind === "digest" ? await digestEntries(db, row) : undefined,
  });
  const base = options.publicUrl.replace(/\/$/, "");
  const unsubscribe = `${base}/api/notifications/unsubscribe/${row.id}`;
  return {
    messageId: messageIdOf(row.id, options.config.from),
    from: options.config.from,
    to: { name: row.displayName ?? "", address: row.toAddress },
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    ics: rendered.ics,
    headers: {
      "X-Accord-Outbox": row.id,
      "X-Accord-Kind": row.kind,
      ...(row.kind === "account.password_reset"
        ? {}
        : {
            "List-Unsubscribe": `<${unsubscribe}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          }),
      "Auto-Submitted": "auto-generated",
    },
  };
}

const backoffSeconds = (config: MailConfig, attempts: number) =>
  Math.min(6 * 3600, config.retryBaseSeconds * 2 ** Math.max(0, attempts - 1));

async function settle(
  db: Q,
  options: DeliveryOptions,
  workerId: string,
  row: ClaimedMail,
  outcome: unknown,
  subject: string | null,
) {
  if (outcome === true) {
    await markMailSent(db, row.id, workerId, subject);
    return;
  }
  const reason = headerSafe(String((outcome as Error)?.message ?? outcome), 1000);
  const park = permanent(outcome) || row.attempts >= options.config.maxAttempts;
  await markMailFailed(db, {
    id: row.id,
    workerId,
    park,
    reason,
    subject,
    retryInSeconds: backoffSeconds(options.config, row.attempts),
  });
}

/**
 * Sends every message that is due, in batches claimed with row locks (FOR UPDATE SKIP LOCKED), so that any number
 * of workers share the outbox and none sends a message another has claimed. Returns the number sent and when the
 * next message falls due (a retry, or a claim of a worker that died), so the caller can wake up then.
 */
export async function deliverDue(
  options: DeliveryOptions,
): Promise<{ sent: number; failed: number; nextDueAt: Date | null }> {
  const workerId = options.workerId ?? randomUUID();
  const batch = options.batch ?? options.config.concurrency * 2;
  let sent = 0;
  let failed = 0;
  // A live worker keeps its claims: only the claims of a worker that died (no renewal) fall due again.
  const renew = setInterval(
    () => {
      renewMailClaims(options.db, workerId, options.config.claimSeconds).catch(() => {});
    },
    Math.max(500, (options.config.claimSeconds * 1000) / 3),
  );
  try {
    await deliverBatches();
  } finally {
    clearInterval(renew);
  }
  return { sent, failed, nextDueAt: await nextMailDueAt(options.db) };

  async function deliverBatches() {
    for (;;) {
      const rows = await claimDueMail(options.db, workerId, batch, options.config.claimSeconds);
      if (!rows.length) break;
      let next = 0;
      const lane = async () => {
        while (next < rows.length) {
          const row = rows[next++]!;
          let subject: string | null = null;
          let outcome: unknown = true;
          try {
            const mail = await compose(options.db, options, row);
            subject = mail.subject;
            await options.transport.send(mail);
            sent++;
          } catch (error) {
            failed++;
            outcome = error;
          }
          try {
            await settle(options.db, options, workerId, row, outcome, subject);
          } catch {
            // The database went away while recording the outcome (a terminated connection, a failover): the row
            // stays claimed and falls due again once this run stops renewing it; a message that did go is then
            // sent again with the same Message-ID, which the receiving side recognises. The other rows go on.
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.config.concurrency, rows.length) }, lane));
    }
  }
}
