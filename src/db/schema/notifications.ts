import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Id, Timestamp } from "./common.js";

type Json = ColumnType<Record<string, unknown>, string | undefined, string>;

/** An in-app notice to one user (0003, extended in 0022_notifications). */
export interface NotificationTable {
  id: Id;
  userId: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  recordType: string | null;
  recordId: string | null;
  params: Json;
  dedupeKey: string | null;
  readAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface NotificationPreferenceTable {
  userId: string;
  kind: string;
  delivery: "immediate" | "digest" | "in_app";
}

export interface MailOutboxTable {
  id: Id;
  notificationId: string | null;
  userId: string | null;
  kind: string;
  toAddress: string;
  language: Generated<string>;
  params: Json;
  status: Generated<"pending" | "sending" | "sent" | "failed">;
  attempts: Generated<number>;
  nextAttemptAt: Generated<Date>;
  claimedBy: string | null;
  lastError: string | null;
  subject: string | null;
  dedupeKey: string | null;
  createdAt: CreatedAt;
  sentAt: Timestamp | null;
}

export interface MailCaughtTable {
  id: ColumnType<number, never, never>;
  messageId: string;
  outboxId: string | null;
  toAddress: string;
  subject: string;
  raw: string;
  caughtAt: CreatedAt;
}

export interface PasswordResetTokenTable {
  tokenHash: string;
  userId: string;
  createdAt: CreatedAt;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

export interface NotificationsTables {
  notification: NotificationTable;
  notificationPreference: NotificationPreferenceTable;
  mailOutbox: MailOutboxTable;
  mailCaught: MailCaughtTable;
  passwordResetToken: PasswordResetTokenTable;
}
