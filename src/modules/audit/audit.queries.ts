import { sql } from "kysely";
import type { Db } from "../../db/database.js";

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  lastHash: string | null;
  brokenAt?: number;
  reason?: string;
}

/** Recomputes every link in PostgreSQL, in seq order, and reports the first entry that does not fit. */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  const broken = await sql<{ seq: number; reason: string }>`
    with chained as (
      select seq, hash, prev_hash,
        lag(hash) over (order by seq) as expected_prev,
        lag(seq) over (order by seq) as previous_seq,
        accord_audit_hash(prev_hash, seq, occurred_at, actor_user_id, actor_label, action, record_type, record_id,
          diff, request_id) as recomputed
      from audit_entry
    )
    select seq,
      case
        when prev_hash <> coalesce(expected_prev, 'genesis') then 'its previous-hash does not match the entry before it'
        when seq <> coalesce(previous_seq, 0) + 1 then 'an entry is missing before it'
        else 'its content does not match its hash'
      end as reason
    from chained
    where prev_hash <> coalesce(expected_prev, 'genesis')
       or seq <> coalesce(previous_seq, 0) + 1
       or hash <> recomputed
    order by seq
    limit 1`.execute(db);
  const summary = await sql<{ entries: number; lastHash: string | null }>`
    select count(*)::int as entries, (select hash from audit_entry order by seq desc limit 1) as "lastHash"
    from audit_entry`.execute(db);
  const { entries, lastHash } = summary.rows[0] ?? { entries: 0, lastHash: null };
  const first = broken.rows[0];
  if (first) return { ok: false, entries, lastHash, brokenAt: first.seq, reason: first.reason };
  return { ok: true, entries, lastHash };
}

export interface AuditEntryRow {
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string | null;
  diff: unknown;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditFilters {
  actorUserId?: string;
  actor?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  from?: string;
  to?: string;
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterSql(filters: AuditFilters) {
  const conditions = [sql<boolean>`true`];
  if (filters.actorUserId) conditions.push(sql<boolean>`actor_user_id = ${filters.actorUserId}`);
  if (filters.actor) conditions.push(sql<boolean>`lower(actor_label) like ${likePattern(filters.actor)}`);
  if (filters.recordType) conditions.push(sql<boolean>`record_type = ${filters.recordType}`);
  if (filters.recordId) conditions.push(sql<boolean>`record_id = ${filters.recordId}`);
  if (filters.action) {
    conditions.push(
      filters.action.endsWith(".")
        ? sql<boolean>`starts_with(action, ${filters.action})`
        : sql<boolean>`action = ${filters.action}`,
    );
  }
  if (filters.from) conditions.push(sql<boolean>`occurred_at >= ${filters.from}::timestamptz`);
  if (filters.to) conditions.push(sql<boolean>`occurred_at < ${filters.to}::timestamptz`);
  return sql.join(conditions, sql` and `);
}

const entryColumns = sql`seq::int as seq, occurred_at as "occurredAt", actor_user_id as "actorUserId",
  actor_label as "actorLabel", action, record_type as "recordType", record_id as "recordId", diff,
  request_id as "requestId", prev_hash as "prevHash", hash`;

/** Newest first. */
export async function listAuditEntries(
  db: Db,
  filters: AuditFilters & { limit?: number; offset?: number },
): Promise<{ items: AuditEntryRow[]; total: number }> {
  const where = filterSql(filters);
  const [items, total] = await Promise.all([
    sql<AuditEntryRow>`select ${entryColumns} from audit_entry where ${where}
      order by seq desc limit ${filters.limit ?? 25} offset ${filters.offset ?? 0}`.execute(db),
    sql<{ total: number }>`select count(*)::int as total from audit_entry where ${where}`.execute(db),
  ]);
  return { items: items.rows, total: total.rows[0]?.total ?? 0 };
}

/** Every matching entry, oldest first, fetched in batches by sequence number so memory stays flat. */
export async function* auditEntriesInBatches(db: Db, filters: AuditFilters, batchSize = 1000) {
  const where = filterSql(filters);
  let after = 0;
  for (;;) {
    const { rows } = await sql<AuditEntryRow>`select ${entryColumns} from audit_entry
      where ${where} and seq > ${after} order by seq limit ${batchSize}`.execute(db);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.seq;
    if (rows.length < batchSize) return;
  }
}
