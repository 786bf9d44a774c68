import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../db/schema/index.js";
import type { Viewer } from "./access/viewer.js";

export interface AuditContext {
  viewer: Viewer;
  requestId: string | null;
}

export interface AuditRecord {
  action: string;
  recordType: string;
  recordId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Extra facts worth keeping (a reason, a count) that are not record fields. */
  detail?: Record<string, unknown>;
}

const comparable = (value: unknown) =>
  value instanceof Date ? value.toISOString() : Array.isArray(value) ? JSON.stringify(value) : value;

/** Only the fields that changed, so the trail reads as a list of changes rather than of snapshots. */
export function difference(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): { before?: Record<string, unknown>; after?: Record<string, unknown> } {
  if (!before) return after ? { after: clean(after) } : {};
  if (!after) return { before: clean(before) };
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === "updatedAt" || key === "search") continue;
    if (comparable(before[key]) !== comparable(after[key])) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter };
}

function clean(record: Record<string, unknown>): Record<string, unknown> {
  const { search: _search, passwordHash: _hash, ...rest } = record;
  return rest;
}

/** The name an audit entry keeps for who acted: the user's, or "system" for a job (also for the seat functions). */
export const actorLabel = (viewer: Viewer) => viewer.username ?? "system";

/**
 * Writes one audit entry inside the caller's transaction, so a change and its entry commit or vanish together.
 * Call it as the last statement of the transaction: the chain lock is held until commit.
 */
export async function writeAudit(trx: Transaction<DB> | Kysely<DB>, ctx: AuditContext, entry: AuditRecord) {
  const diff = {
    ...difference(entry.before, entry.after),
    ...(entry.detail ? { detail: entry.detail } : {}),
  };
  await trx
    .insertInto("auditEntry")
    .values({
      actorUserId: ctx.viewer.userId,
      actorLabel: actorLabel(ctx.viewer),
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId,
      diff: JSON.stringify(diff, (_key, value) => (value === undefined ? null : value)),
      requestId: ctx.requestId,
    })
    .execute();
}

/**
 * Writes many audit entries in one statement (an import's records); each entry is chained by the trigger in the
 * order given, exactly as if written one by one.
 */
export async function writeAudits(
  trx: Transaction<DB> | Kysely<DB>,
  ctx: AuditContext,
  entries: AuditRecord[],
) {
  for (let start = 0; start < entries.length; start += 1_000) {
    await trx
      .insertInto("auditEntry")
      .values(
        entries.slice(start, start + 1_000).map((entry) => ({
          actorUserId: ctx.viewer.userId,
          actorLabel: actorLabel(ctx.viewer),
          action: entry.action,
          recordType: entry.recordType,
          recordId: entry.recordId,
          diff: JSON.stringify(
            {
              ...difference(entry.before, entry.after),
              ...(entry.detail ? { detail: entry.detail } : {}),
            },
            (_key, value) => (value === undefined ? null : value),
          ),
          requestId: ctx.requestId,
        })),
      )
      .execute();
  }
}

/**
 * The audit chain's lock is held until commit, so a synchronous commit flushes the WAL while every other audited
 * write waits (0043). A hot write path commits without the flush instead (`flushLater` in its transaction, or a
 * function that sets it) and, once committed, awaits `awaitDurable` before it reports the write: concurrent
 * callers share one flush, and nothing is answered before it is on disk.
 */
export async function flushLater(trx: Transaction<DB>) {
  await sql`select accord_flush_later()`.execute(trx);
}

/**
 * Runs `work` on one connection of the pool (or in the caller's transaction): a write and its `awaitDurable` share
 * the connection, so that nothing after the commit waits for the pool again (a wait too long is answered 503, and a
 * client would then send again a write that was made).
 */
export function withConnection<T>(db: Kysely<DB>, work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.connection().execute(work);
}

/** Returns once every commit made before the call is durable; call it outside any transaction, after the commit. */
export async function awaitDurable(db: Kysely<DB>) {
  if (db.isTransaction) return;
  await sql`select accord_durable()`.execute(db);
}
