import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { NotificationKind } from "./kinds.js";
import {
  insertNotices,
  type NominationNotice,
  notifyNominationsQuery,
  type Recipients,
} from "./notify.queries.js";

type Q = Kysely<DB>;

export type { Recipients };

export interface NotifyInput {
  recipients: Recipients | readonly Recipients[];
  kind: NotificationKind;
  record: { type: string; id: string; link: string | null };
  /** English title and body of the in-app notice; e-mails are rendered from `kind` and `params` per language. */
  title: string;
  body?: string | null;
  params?: Record<string, unknown>;
  actorUserId?: string | null;
  /**
   * Scheduled reminders: a notice is created once per (kind, record, recipient, period); calling again in the same
   * period creates nothing.
   */
  period?: string;
}

/**
 * Records a notice for every recipient, inside the caller's transaction. The notice table's trigger queues the
 * e-mail of each recipient who takes this kind immediately (0022_notifications), so the change, its notices and its
 * e-mails commit or roll back together. Returns the number of notices created.
 */
export async function notify(trx: Q, input: NotifyInput): Promise<number> {
  const specs = (Array.isArray(input.recipients) ? input.recipients : [input.recipients]) as Recipients[];
  if (!specs.length) return 0;
  return insertNotices(trx, specs, {
    kind: input.kind,
    title: input.title,
    body: input.body ?? null,
    record: input.record,
    params: input.params ?? {},
    dedupeKey: input.period
      ? { prefix: `${input.kind}:${input.record.id}:`, suffix: `:${input.period}` }
      : null,
    actorUserId: input.actorUserId ?? null,
  });
}

/**
 * Nomination notices (the rule shared with the seat-taking PL/pgSQL function, accord_notify_nominations in
 * src/db/functions): the coordinators of the nation, whoever nominated and the person's own account when
 * `concerned`; the organisers and course directors of the activity's organisation (and those above it) when
 * `organisers`. Any number of nominations in one statement.
 */
export async function notifyNominations(trx: Q, input: NominationNotice): Promise<void> {
  if (!input.nominationIds.length) return;
  await notifyNominationsQuery(trx, input);
}
