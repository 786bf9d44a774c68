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
